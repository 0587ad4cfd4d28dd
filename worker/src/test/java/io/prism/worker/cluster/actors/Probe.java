package io.prism.worker.cluster.actors;

import io.prism.Gpu;
import io.prism.worker.cluster.unlisted.Coupon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A quarter-GPU actor with methods over several argument and result types. It counts its calls, so a caller can
 * tell a restarted incarnation (the count starts again) from the one it had.
 */
@Gpu(0.25)
public class Probe {
    private int calls;

    public Probe() {
    }

    public String echo(String text) {
        calls++;
        return text;
    }

    public int add(int a, int b) {
        calls++;
        return a + b;
    }

    public double half(double x) {
        calls++;
        return x / 2;
    }

    public float[] doubled(float[] values) {
        calls++;
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * 2;
        }
        return out;
    }

    public List<String> upper(List<String> words) {
        calls++;
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            out.add(w.toUpperCase(Locale.ROOT));
        }
        return out;
    }

    public Reading next(Reading reading) {
        calls++;
        List<String> tags = new ArrayList<>(reading.tags());
        tags.add("seen");
        return new Reading(reading.sensor(), reading.sequence() + 1, reading.value() * 10, tags);
    }

    public String redeem(Coupon coupon) {
        calls++;
        return coupon.code();
    }

    /** A result whose class may not travel: the worker must refuse to send it. */
    public Coupon coupon(String code) {
        calls++;
        return new Coupon(code, 10);
    }

    /** Calls this incarnation has answered, this one included. */
    public int count() {
        return ++calls;
    }

    /** The process this incarnation runs in. */
    public long pid() {
        calls++;
        return ProcessHandle.current().pid();
    }
}
