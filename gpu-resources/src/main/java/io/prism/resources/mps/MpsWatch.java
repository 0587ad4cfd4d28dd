package io.prism.resources.mps;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the node's MPS daemon for the faults no client call reports: while its clients are idle, nothing else
 * notices a server that faulted or crashed, or a control daemon that died.
 *
 * <p>Signals, after NVIDIA's MPS guide: a server whose {@code get_server_status} is {@code FAULT} (a fatal GPU fault
 * under it: the clients on the affected GPUs must exit before it serves again, and it does not say which GPU that
 * was); a server that left {@code get_server_list} while processes that were its clients still run (it crashed: they
 * have lost their contexts); a control daemon whose process is gone (its servers go with it). It is restarted at
 * once, before the report reaches anyone, so that executors started after it are MPS clients again rather than
 * processes without limits. A command that fails or times out says nothing about the GPUs: it is logged once per
 * command until that command answers again, and the watch goes on.
 *
 * <p>{@link #poll()} runs the control program and blocks for up to a few command timeouts: call it off any thread
 * that must not block. One poll runs at a time.
 */
public final class MpsWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MpsWatch.class);
    private static final String LIST = "get_server_list";
    private static final String STATUS = "get_server_status";
    private static final String CLIENTS = "get_client_list";
    private static final String RESTART = "restart";

    /**
     * A server that can no longer serve its clients.
     *
     * @param serverPid the server's process id
     * @param clients   the processes the fault reaches: its clients (for one that exited: those still running)
     * @param kind      what was seen
     */
    public record ServerFault(long serverPid, List<Long> clients, Kind kind) {
        /** What was seen. */
        public enum Kind {
            /** {@code get_server_status} answered {@code FAULT}. */
            REPORTS_FAULT,
            /** It left {@code get_server_list} while some of its clients still run. */
            EXITED
        }

        public ServerFault {
            clients = List.copyOf(clients);
            Objects.requireNonNull(kind, "kind");
        }

        /** What happened, in words, e.g. "it reports FAULT (2 clients)". */
        public String reason() {
            return switch (kind) {
                case REPORTS_FAULT -> "it reports FAULT (get_server_status), " + clients.size() + " client"
                    + (clients.size() == 1 ? "" : "s") + " connected";
                case EXITED -> "it exited (gone from get_server_list) while " + clients.size() + " of its clients "
                    + "still run";
            };
        }
    }

    /**
     * What one poll found.
     *
     * @param faults     servers that can no longer serve their clients
     * @param daemonLost present once per loss of the control daemon: what happened and whether it was restarted
     */
    public record Report(List<ServerFault> faults, Optional<String> daemonLost) {
        public static final Report NONE = new Report(List.of(), Optional.empty());

        public Report {
            faults = List.copyOf(faults);
            Objects.requireNonNull(daemonLost, "daemonLost");
        }
    }

    private final MpsController controller;
    private final Duration interval;
    /** Each server's clients at the last poll, to tell who a server that vanished was serving. */
    private Map<Long, List<Long>> lastClients = Map.of();
    /** Commands failing since they were last logged; each is logged again once it has answered. */
    private final Set<String> failing = new HashSet<>();
    private boolean daemonDown;
    private volatile boolean closed;

    /**
     * A watch of {@code controller}'s daemon, meant to be polled every {@code interval}.
     *
     * @throws IllegalArgumentException when the interval is not positive
     */
    public MpsWatch(MpsController controller, Duration interval) {
        this.controller = Objects.requireNonNull(controller, "controller");
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("MPS watch interval " + interval + " must be more than 0");
        }
        this.interval = interval;
    }

    /** How often the watch means to be polled. */
    public Duration interval() {
        return interval;
    }

    /** Asks the daemon once: which servers fault, which vanished with clients, whether the daemon itself is gone. */
    public synchronized Report poll() {
        if (closed) {
            return Report.NONE;
        }
        try {
            return look();
        } catch (RuntimeException e) {
            failed("polling", e);
            return Report.NONE;
        }
    }

    private Report look() {
        if (daemonDown || !controller.isRunning()) {
            return daemonGone();
        }
        List<Long> servers;
        try {
            servers = controller.serverList();
            answered(LIST);
        } catch (MpsException e) {
            if (!controller.isRunning()) {
                return daemonGone();
            }
            failed(LIST, e);
            return Report.NONE;
        }
        Map<Long, List<Long>> clients = new LinkedHashMap<>();
        List<ServerFault> faults = new ArrayList<>();
        for (long server : servers) {
            clients.put(server, clientsOf(server));
            if (faulted(server)) {
                faults.add(new ServerFault(server, clients.get(server), ServerFault.Kind.REPORTS_FAULT));
            }
        }
        lastClients.forEach((server, were) -> {
            List<Long> still = clients.containsKey(server) ? List.of()
                : were.stream().filter(Processes::running).toList();
            if (!still.isEmpty()) {
                faults.add(new ServerFault(server, still, ServerFault.Kind.EXITED));
            }
        });
        lastClients = clients;
        return new Report(faults, Optional.empty());
    }

    private List<Long> clientsOf(long server) {
        try {
            List<Long> clients = controller.clientList(server);
            answered(CLIENTS);
            return clients;
        } catch (MpsException e) {
            failed(CLIENTS, e);
            return lastClients.getOrDefault(server, List.of());
        }
    }

    private boolean faulted(long server) {
        try {
            MpsController.ServerStatus status = controller.serverStatus(server);
            answered(STATUS);
            return status == MpsController.ServerStatus.FAULT;
        } catch (MpsException e) {
            failed(STATUS, e);
            return false;
        }
    }

    /** Reported once per loss; while a restart keeps failing, it is tried again at every poll. */
    private Report daemonGone() {
        if (controller.isClosed()) {
            return Report.NONE;
        }
        boolean first = !daemonDown;
        String lost = "the MPS control daemon" + pid() + " is gone";
        daemonDown = true;
        lastClients = Map.of();
        String outcome;
        try {
            controller.restart();
            daemonDown = false;
            outcome = "restarted it" + pid();
            if (failing.remove(RESTART)) {
                LOG.info("MPS watch: {}", outcome);
            }
        } catch (MpsException e) {
            failing.add(RESTART);
            outcome = "could not restart it, trying again every " + ControlCommand.seconds(interval) + ": "
                + e.getMessage();
        }
        if (!first) {
            return Report.NONE;
        }
        LOG.warn("{}; {}", lost, outcome);
        return new Report(List.of(), Optional.of(lost + "; " + outcome));
    }

    private String pid() {
        return controller.daemonPid().stream().mapToObj(p -> " (pid " + p + ")").findFirst().orElse("");
    }

    private void failed(String command, RuntimeException e) {
        if (failing.add(command)) {
            LOG.warn("MPS watch: {} failed; not taken as a GPU fault, watching on (logged again only after it has "
                + "answered): {}", command, e.getMessage());
        }
    }

    private void answered(String command) {
        if (failing.remove(command)) {
            LOG.info("MPS watch: {} answers again", command);
        }
    }

    /** Ends the watch: later polls find nothing and never restart the daemon. */
    @Override
    public void close() {
        closed = true;
    }
}
