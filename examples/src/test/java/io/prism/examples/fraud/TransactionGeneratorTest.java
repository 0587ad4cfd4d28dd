package io.prism.examples.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionGeneratorTest {

    @Test
    void theSameSeedGivesTheSameTransactionsAndLabels() {
        List<LabeledTransaction> first = new TransactionGenerator(99).labeled(1_000);
        List<LabeledTransaction> second = new TransactionGenerator(99).labeled(1_000);
        List<LabeledTransaction> otherSeed = new TransactionGenerator(100).labeled(1_000);

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void everyTransactionEncodesToSixteenModerateFiniteFeatures() {
        for (LabeledTransaction example : new TransactionGenerator(3).labeled(5_000)) {
            float[] features = example.tx().features();
            assertThat(features).hasSize(FraudModel.INPUTS);
            for (float f : features) {
                assertThat(f).as("feature of %s", example.tx()).isBetween(-1.5f, 1.5f);
            }
        }
    }

    @Test
    void hoursEitherSideOfMidnightEncodeAsNeighbours() {
        Transaction template = new TransactionGenerator(1).next();
        float[] lateNight = atHour(template, 23).features();
        float[] afterMidnight = atHour(template, 1).features();
        float[] noon = atHour(template, 12).features();

        assertThat(distance(lateNight, afterMidnight)).isLessThan(distance(lateNight, noon) / 3);
    }

    @Test
    void anImpossibleTransactionIsRejectedWithTheValue() {
        Transaction t = new TransactionGenerator(1).next();

        assertThatThrownBy(() -> new Transaction(t.amount(), t.avgAmount30d(), 24, t.dayOfWeek(), t.merchantRisk(),
            t.distanceFromHomeKm(), t.txLastHour(), t.minutesSincePrevious(), t.cardPresent(), t.online(),
            t.foreign(), t.newMerchant(), t.accountAgeDays(), t.failedPinAttempts()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("hourOfDay 24 must be 0..23");
    }

    private static Transaction atHour(Transaction t, int hour) {
        return new Transaction(t.amount(), t.avgAmount30d(), hour, t.dayOfWeek(), t.merchantRisk(),
            t.distanceFromHomeKm(), t.txLastHour(), t.minutesSincePrevious(), t.cardPresent(), t.online(),
            t.foreign(), t.newMerchant(), t.accountAgeDays(), t.failedPinAttempts());
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }
}
