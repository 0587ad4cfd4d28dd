package io.prism.runtime.serialization.allowed;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A plain class (no record, no no-arg constructor) with private fields and a field typed Object. */
public final class Basket {
    private final String owner;
    private final List<Object> items = new ArrayList<>();
    private Object note;

    public Basket(String owner) {
        this.owner = owner;
    }

    public Basket add(Object item) {
        items.add(item);
        return this;
    }

    public Basket addAll(List<?> more) {
        items.addAll(more);
        return this;
    }

    public Basket note(Object note) {
        this.note = note;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Basket b && owner.equals(b.owner) && items.equals(b.items) && Objects.equals(note, b.note);
    }

    @Override
    public int hashCode() {
        return owner.hashCode();
    }

    @Override
    public String toString() {
        return "Basket(" + owner + ", " + items + ", " + note + ")";
    }
}
