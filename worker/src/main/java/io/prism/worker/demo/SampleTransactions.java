package io.prism.worker.demo;

import io.prism.examples.fraud.Transaction;

import java.util.List;

/** Hand-written transactions whose risk a reader can judge at a glance, to show the model's scores mean something. */
final class SampleTransactions {
    private SampleTransactions() {
    }

    record Sample(String name, String how, Transaction tx) {
    }

    static List<Sample> all() {
        return List.of(
            new Sample("groceries", "card present, 3 km from home",
                new Transaction(42.50, 55.00, 14, 2, 0.05, 3, 0, 240, true, false, false, false, 1_800, 0)),
            new Sample("card testing", "online, 9 charges in the last hour",
                new Transaction(1.99, 60.00, 2, 6, 0.55, 900, 9, 0.5, false, true, true, true, 900, 0)),
            new Sample("takeover", "online, foreign, new merchant, 3 am",
                new Transaction(1_850.00, 45.00, 3, 6, 0.80, 2_400, 4, 2, false, true, true, true, 20, 0)));
    }
}
