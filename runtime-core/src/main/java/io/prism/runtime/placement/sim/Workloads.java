package io.prism.runtime.placement.sim;

import io.prism.exception.InvalidResourceRequestException;
import io.prism.runtime.placement.ResourceShape;
import io.prism.runtime.placement.ResourceShapes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Builds workloads: the shapes of a compact spec ({@code "80x0.18,10x0.5:20GiB,4x1"}) or of a seeded random mix,
 * arriving all at once and staying, or arriving and departing over time (churn).
 */
public final class Workloads {
    /** The most actors one workload may have: enough for any cluster worth simulating, small enough to hold. */
    public static final int MAX_ACTORS = 10_000_000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Workloads() {
    }

    /**
     * The shapes of a compact spec, in the order written: comma-separated {@code COUNTxGPUS} or
     * {@code COUNTxGPUS:MEMORY}, as in {@code "80x0.18,10x0.6,10x0.5:20GiB,4x1"}.
     *
     * @throws WorkloadException naming the item, the value and the expected form
     */
    public static List<ResourceShape> compact(String spec) {
        List<ResourceShape> shapes = new ArrayList<>();
        for (String raw : items(spec, "workload")) {
            String item = raw.trim();
            int x = item.toLowerCase(Locale.ROOT).indexOf('x');
            String where = "item \"" + item + "\"";
            if (x < 0) {
                throw new WorkloadException(where + ": expected COUNTxGPUS such as 80x0.25 or 10x0.5:20GiB");
            }
            String count = item.substring(0, x).trim();
            String share = item.substring(x + 1).trim();
            if (count.isEmpty()) {
                throw new WorkloadException(where + ": the count before \"x\" is missing (write COUNTxGPUS, such as "
                    + "80x0.25)");
            }
            if (share.isEmpty()) {
                throw new WorkloadException(where + ": the GPU share after \"x\" is missing (write COUNTxGPUS, such "
                    + "as " + count + "x0.25)");
            }
            ResourceShape shape = shape(where, share);
            int n = count(where, count, shapes.size());
            for (int i = 0; i < n; i++) {
                shapes.add(shape);
            }
        }
        return shapes;
    }

    /**
     * The shapes of a mix, each item {@code GPUS} or {@code GPUS:MEMORY}, as in {@code "0.1,0.25,0.5,1"}.
     *
     * @throws WorkloadException naming the item, the value and the expected form
     */
    public static List<ResourceShape> mix(String mix) {
        List<ResourceShape> shapes = new ArrayList<>();
        for (String raw : items(mix, "mix")) {
            shapes.add(shape("item \"" + raw.trim() + "\"", raw.trim()));
        }
        return shapes;
    }

    /** {@code count} shapes drawn uniformly from {@code mix}, the same ones for the same seed. */
    public static List<ResourceShape> random(int count, List<ResourceShape> mix, long seed) {
        if (count < 1 || count > MAX_ACTORS) {
            throw new WorkloadException(count + " actors: use 1 to " + MAX_ACTORS);
        }
        if (mix.isEmpty()) {
            throw new WorkloadException("a random workload needs at least one shape to draw from");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<ResourceShape> shapes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            shapes.add(mix.get(random.nextInt(mix.size())));
        }
        return shapes;
    }

    /** Actors a1, a2, ... with {@code shapes}, all arriving at time 0 in that order and staying. */
    public static Workload atOnce(String description, List<ResourceShape> shapes) {
        List<SimEvent> events = new ArrayList<>(shapes.size());
        for (int i = 0; i < shapes.size(); i++) {
            events.add(new SimEvent.Arrive(0, "a" + (i + 1), shapes.get(i)));
        }
        return new Workload(description, events);
    }

    /**
     * Actors a1, a2, ... with {@code shapes}, arriving in that order as a Poisson process of
     * {@code arrivalsPerSecond}, each staying for an exponentially distributed time of mean
     * {@code meanLifetimeSeconds}. The workload ends with the last arrival: departures after it are left out, so
     * the cluster is measured in its steady state rather than emptied.
     */
    public static Workload churn(String description, List<ResourceShape> shapes, double arrivalsPerSecond,
                                 double meanLifetimeSeconds, long seed) {
        if (!(arrivalsPerSecond > 0) || Double.isInfinite(arrivalsPerSecond)) {
            throw new WorkloadException("arrival rate " + arrivalsPerSecond + " per second: use a number above 0, "
                + "such as 100");
        }
        if (!(meanLifetimeSeconds > 0) || Double.isInfinite(meanLifetimeSeconds)) {
            throw new WorkloadException("mean lifetime " + meanLifetimeSeconds + " s: use a number of seconds above "
                + "0, such as 60");
        }
        SplittableRandom random = new SplittableRandom(seed);
        long[] arrivals = new long[shapes.size()];
        long[] departures = new long[shapes.size()];
        double t = 0;
        for (int i = 0; i < shapes.size(); i++) {
            t += exponential(random, 1 / arrivalsPerSecond);
            arrivals[i] = nanos(t);
            departures[i] = nanos(t + exponential(random, meanLifetimeSeconds));
        }
        long end = shapes.isEmpty() ? 0 : arrivals[shapes.size() - 1];
        List<SimEvent> events = new ArrayList<>(2 * shapes.size());
        for (int i = 0; i < shapes.size(); i++) {
            events.add(new SimEvent.Arrive(arrivals[i], "a" + (i + 1), shapes.get(i)));
            if (departures[i] <= end) {
                events.add(new SimEvent.Depart(departures[i], "a" + (i + 1)));
            }
        }
        events.sort((a, b) -> Long.compare(a.atNanos(), b.atNanos()));
        return new Workload(description, events);
    }

    private static double exponential(SplittableRandom random, double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    private static long nanos(double seconds) {
        return Math.round(seconds * NANOS_PER_SECOND);
    }

    private static String[] items(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new WorkloadException("the " + what + " is empty: write comma-separated "
                + (what.equals("mix") ? "GPU shares such as 0.1,0.25,0.5,1" : "COUNTxGPUS items such as 80x0.25,4x1"));
        }
        String[] items = text.split(",", -1);
        for (String item : items) {
            if (item.isBlank()) {
                throw new WorkloadException("the " + what + " \"" + text + "\" has an empty item; remove the extra "
                    + "comma");
            }
        }
        return items;
    }

    /** {@code GPUS} or {@code GPUS:MEMORY} by the rules of {@code @Gpu}. */
    private static ResourceShape shape(String where, String share) {
        int colon = share.indexOf(':');
        String gpus = colon < 0 ? share : share.substring(0, colon);
        String memory = colon < 0 ? null : share.substring(colon + 1).trim();
        return shape(where, gpus, memory);
    }

    /** A GPU share and optional memory budget by the rules of {@code @Gpu}; {@code where} starts the message. */
    static ResourceShape shape(String where, String gpus, String memory) {
        try {
            return ResourceShapes.gpuShape(where, gpus, memory);
        } catch (InvalidResourceRequestException e) {
            throw new WorkloadException(e.getMessage());
        }
    }

    private static int count(String where, String count, int sofar) {
        long n;
        try {
            n = Long.parseLong(count);
        } catch (NumberFormatException e) {
            throw new WorkloadException(where + ": count \"" + count + "\" is not a whole number (write COUNTxGPUS, "
                + "such as 80x0.25)");
        }
        if (n < 1 || n + sofar > MAX_ACTORS) {
            throw new WorkloadException(where + ": count " + n + " must be 1 or more, and the workload at most "
                + MAX_ACTORS + " actors in all");
        }
        return (int) n;
    }
}
