package io.prism.worker.repl;

/**
 * The jshell startup script of {@code prism repl}: imports, {@code prism} bound, and a two-line hint. jshell prints
 * nothing of a startup script but what it prints itself, so the hint says what {@code prism} is.
 */
final class ReplStartup {
    private ReplStartup() {
    }

    static String script(String address) {
        String bind = address == null ? "Prism.start()" : "Prism.connect(" + javaString(address) + ")";
        String what = address == null
            ? "an embedded Prism (2 simulated GPUs unless CUDA finds real ones); classes you type here work as actors"
            : "a client of the cluster at " + address + "; actor classes must be on the workers' class path";
        return String.join("\n",
            "import io.prism.*;",
            "import io.prism.exception.*;",
            "import io.prism.examples.fraud.*;",
            "io.prism.worker.Logs.quiet();",
            "Prism prism = " + bind + ";",
            "System.out.println(" + javaString("prism: " + what + ".") + ");",
            "System.out.println(" + javaString("Try: var s = prism.actor(FraudScorer::new, FraudScorer.DEFAULT_MODEL)"
                + ".create(); s.call(FraudScorer::score, new TransactionGenerator(1).next()).join()") + ");",
            "");
    }

    private static String javaString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
