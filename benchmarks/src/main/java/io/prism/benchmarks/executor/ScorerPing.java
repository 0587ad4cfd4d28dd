package io.prism.benchmarks.executor;

import io.prism.Gpu;
import io.prism.examples.fraud.FraudScorer;
import io.prism.examples.fraud.Transaction;

/**
 * A GPU actor whose start is a real service's: a {@link FraudScorer} with its GPU context and model, scoring once
 * per call. On a simulated GPU the scorer holds its model in plain Java.
 */
@Gpu(0.25)
public class ScorerPing {
    private final FraudScorer scorer = new FraudScorer(FraudScorer.DEFAULT_MODEL);

    public ScorerPing() {
    }

    /** Scores {@code tx} and answers the pid of the process that did. */
    public long scoreInPid(Transaction tx) {
        scorer.score(tx);
        return ProcessHandle.current().pid();
    }
}
