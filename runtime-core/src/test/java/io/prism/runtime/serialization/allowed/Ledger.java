package io.prism.runtime.serialization.allowed;

import java.util.ArrayList;
import java.util.List;

/** An actor whose arguments and results are user classes of an allowed package. */
public class Ledger {
    private final String name;
    private final List<Transaction> seen = new ArrayList<>();

    public Ledger(String name) {
        this.name = name;
    }

    public int record(Transaction tx) {
        seen.add(tx);
        return seen.size();
    }

    public List<Transaction> seen() {
        return List.copyOf(seen);
    }

    public float[] scale(float[] values, float factor) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * factor;
        }
        return out;
    }

    public Basket basket() {
        return new Basket(name).add(Color.GREEN).addAll(seen);
    }

    public String describe(Object value) {
        return String.valueOf(value);
    }

    public long decline(String reason) {
        throw new Declined(reason);
    }
}
