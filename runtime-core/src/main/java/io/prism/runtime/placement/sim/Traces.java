package io.prism.runtime.placement.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads workload traces: CSV lines {@code time,actor,event,gpus,memory}, where {@code time} is seconds from the
 * start (non-decreasing from line to line), {@code event} is {@code arrive} or {@code depart}, {@code gpus} the share
 * an arriving actor asks for ({@code 0.25}, or whole GPUs such as {@code 2}) and {@code memory} its optional memory
 * budget ({@code 20GiB}). A departing actor leaves the last two fields empty or out. Blank lines, lines starting with
 * {@code #} and a header line starting with {@code time} are skipped.
 */
public final class Traces {
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
    private static final String FORM = "time,actor,event,gpus,memory such as \"12.5,scorer-1,arrive,0.25,\"";

    private Traces() {
    }

    /**
     * The workload a trace describes.
     *
     * @param name how messages name the trace, such as its file name
     * @throws WorkloadException naming the trace, the line number, the value and what would be right
     */
    public static Workload read(Reader reader, String name) {
        List<SimEvent> events = new ArrayList<>();
        Set<String> live = new HashSet<>();
        long last = 0;
        int number = 0;
        try (BufferedReader lines = new BufferedReader(reader)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")
                    || events.isEmpty() && text.toLowerCase(Locale.ROOT).startsWith("time")) {
                    continue;
                }
                String where = name + " line " + number;
                SimEvent event = event(where, text.split(",", -1));
                if (event.atNanos() < last) {
                    throw new WorkloadException(where + ": time " + seconds(event.atNanos()) + " s comes before "
                        + seconds(last) + " s on an earlier line; lines must be in time order");
                }
                last = event.atNanos();
                if (event instanceof SimEvent.Arrive && !live.add(event.actor())) {
                    throw new WorkloadException(where + ": actor " + event.actor() + " arrives again without having "
                        + "departed; depart it first or use another actor id");
                }
                if (event instanceof SimEvent.Depart && !live.remove(event.actor())) {
                    throw new WorkloadException(where + ": actor " + event.actor() + " departs, but it has not "
                        + "arrived (or has already departed); an arrive line must come first");
                }
                events.add(event);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading trace " + name + " at line " + number + ": " + e.getMessage(), e);
        }
        if (events.isEmpty()) {
            throw new WorkloadException(name + " has no events: expected lines " + FORM);
        }
        return new Workload("trace " + name, events);
    }

    private static SimEvent event(String where, String[] fields) {
        if (fields.length < 3 || fields.length > 5) {
            throw new WorkloadException(where + ": " + fields.length + " fields, expected 3 to 5: " + FORM);
        }
        long at = time(where, fields[0].strip());
        String actor = fields[1].strip();
        if (actor.isEmpty()) {
            throw new WorkloadException(where + ": the actor id (second field) is empty");
        }
        String gpus = fields.length > 3 ? fields[3].strip() : "";
        String memory = fields.length > 4 ? fields[4].strip() : "";
        String kind = fields[2].strip().toLowerCase(Locale.ROOT);
        switch (kind) {
            case "arrive" -> {
                if (gpus.isEmpty()) {
                    throw new WorkloadException(where + ": actor " + actor + " arrives without a GPU share (fourth "
                        + "field, such as 0.25)");
                }
                return new SimEvent.Arrive(at, actor, Workloads.shape(where, gpus, memory.isEmpty() ? null : memory));
            }
            case "depart" -> {
                if (!gpus.isEmpty() || !memory.isEmpty()) {
                    throw new WorkloadException(where + ": a depart line has no GPU share or memory; leave the "
                        + "fourth and fifth fields empty");
                }
                return new SimEvent.Depart(at, actor);
            }
            default -> throw new WorkloadException(where + ": event \"" + fields[2].strip() + "\" is not known; use "
                + "arrive or depart");
        }
    }

    private static long time(String where, String text) {
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new WorkloadException(where + ": time \"" + text + "\" is not a number of seconds (such as 0 or "
                + "12.5)");
        }
        if (seconds.signum() < 0) {
            throw new WorkloadException(where + ": time " + text + " is negative; times are seconds from the start, "
                + "0 or more");
        }
        try {
            return seconds.multiply(NANOS_PER_SECOND).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw new WorkloadException(where + ": time " + text + " s is too far in the future (at most "
                + Long.MAX_VALUE / 1_000_000_000L + " s)");
        }
    }

    static String seconds(long nanos) {
        return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString();
    }
}
