package io.prism.examples.fraud;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Area under the ROC curve: the probability that a random fraud scores above a random legitimate transaction. It
 * ignores the fraud rate and the threshold, which is why it is the measure for a model whose threshold the business
 * picks later.
 */
final class Auc {
    private Auc() {
    }

    /** AUC of {@code model} on {@code data}. */
    static double of(FraudModel model, List<LabeledTransaction> data) {
        float[] scores = new float[data.size()];
        boolean[] fraud = new boolean[data.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = model.predict(data.get(i).tx());
            fraud[i] = data.get(i).fraud();
        }
        return of(scores, fraud);
    }

    /** AUC of {@code scores} against {@code positive}; tied scores count one half (Mann-Whitney U). */
    static double of(float[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        long positives = 0;
        double rankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    positives++;
                    rankSum += averageRank;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("AUC needs both classes, got " + positives + " positive and "
                + negatives + " negative examples");
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
