package io.prism.worker.gpucheck;

import io.prism.ActorId;
import io.prism.runtime.node.ExecutorMain;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * Finds an actor's executor process among this JVM's descendants by its command line, which names
 * {@link ExecutorMain} and the actor's id. The scorers expose no method that returns their PID, and the command
 * line is what the node agent launched them with.
 */
final class ExecutorPids {
    private ExecutorPids() {
    }

    /** The PID of the executor that runs {@code actor}, if one runs under this JVM. */
    static OptionalLong of(ActorId actor) {
        return ProcessHandle.current().descendants()
            .filter(p -> p.info().arguments().map(args -> runs(Arrays.asList(args), actor)).orElse(false))
            .mapToLong(ProcessHandle::pid)
            .findFirst();
    }

    /** Whether a command line with {@code arguments} is the executor of {@code actor}. */
    static boolean runs(List<String> arguments, ActorId actor) {
        int main = arguments.indexOf(ExecutorMain.class.getName());
        // ExecutorLauncher passes: main class, agent path, actor id, incarnation, settings file.
        return main >= 0 && main + 2 < arguments.size() && arguments.get(main + 2).equals(actor.value());
    }
}
