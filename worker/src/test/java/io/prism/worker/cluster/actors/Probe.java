package io.prism.worker.cluster.actors;

import io.prism.Gpu;
import io.prism.worker.cluster.unlisted.Coupon;
import jcuda.CudaException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

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

    /** The CUDA and MPS variables of the process this incarnation runs in. */
    public Map<String, String> cudaEnvironment() {
        calls++;
        Map<String, String> env = new TreeMap<>();
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("CUDA_")) {
                env.put(k, v);
            }
        });
        return env;
    }

    /** Throws what JCuda throws after a sticky CUDA error, as a kernel with a wild pointer would. */
    public void faultGpu() {
        calls++;
        throw new CudaException("CUDA_ERROR_ILLEGAL_ADDRESS");
    }
}
