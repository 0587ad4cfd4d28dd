package io.prism.examples.fraud;

import java.util.Objects;

/** A transaction and whether it was fraud: one training or evaluation example. */
public record LabeledTransaction(Transaction tx, boolean fraud) {
    public LabeledTransaction {
        Objects.requireNonNull(tx, "tx");
    }
}
