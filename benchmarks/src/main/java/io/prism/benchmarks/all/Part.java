package io.prism.benchmarks.all;

import java.util.List;

/**
 * One benchmark that {@link PartRunner} runs in a JVM of its own.
 *
 * @param section   the table's section, under which a failure of the part is shown
 * @param title     what the progress line and a failure row call it
 * @param mainClass the class whose {@code main} runs it, on this JVM's class path
 * @param args      its arguments
 */
record Part(String section, String title, String mainClass, List<String> args) {
    Part {
        args = List.copyOf(args);
    }

    /** A file name for its report and log: the section in lower case, runs of other characters as dashes. */
    String fileName() {
        return section.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
