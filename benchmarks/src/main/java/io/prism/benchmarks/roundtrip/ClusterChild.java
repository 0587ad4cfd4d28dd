package io.prism.benchmarks.roundtrip;

import com.typesafe.config.ConfigFactory;
import io.prism.worker.PrismCli;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.Props;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The second JVM of {@link ClusterComparison}: a Prism head, and beside it the raw baselines, a plain remote Pekko
 * system with a ponger that sends every {@code byte[]} back to its sender and a TCP echo server. Prism and the raw
 * Pekko baseline thus run between the same two JVMs, and share the JIT's work on Artery in both. It prints one line
 * with the ponger's path and the socket's port, then the head's own line, and exits when its stdin closes, so it
 * cannot outlive the driver that started it.
 */
public final class ClusterChild {
    /** The first word of the baselines' line, which the driver waits for. */
    static final String READY = "ponger";
    /** An id and a value, as 8 bytes each: the whole request and reply of the raw baselines. */
    static final int MESSAGE_BYTES = 16;

    private ClusterChild() {
    }

    /** Arguments: those of {@code prism head}. */
    public static void main(String[] args) throws IOException {
        ActorSystem system = ActorSystem.create("pong", ConfigFactory.parseString("""
            pekko.actor.provider = remote
            pekko.remote.artery.canonical.hostname = "127.0.0.1"
            pekko.remote.artery.canonical.port = 0
            pekko.loglevel = WARNING
            pekko.remote.warn-about-direct-use = off
            pekko.remote.warn-unsafe-watch-outside-cluster = off
            """).withFallback(ConfigFactory.load()));
        // the dispatcher Prism's hosts run on, as in the in-JVM comparison
        ActorRef ponger = system.actorOf(Props.create(Ponger.class, Ponger::new)
            .withDispatcher("prism-actor-dispatcher"), "ponger");
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> accept(server), "socket-echo");
        acceptor.setDaemon(true);
        acceptor.start();
        String path = ponger.path().toStringWithAddress(((ExtendedActorSystem) system).provider().getDefaultAddress());
        System.out.println(READY + " " + path + " socket " + server.getLocalPort());
        System.out.flush();
        Thread lifeline = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing comes on stdin: the loop only notices the driver going away
                }
            } catch (IOException e) {
                // a broken pipe means the same: the driver is gone
            }
            Runtime.getRuntime().halt(0);
        }, "driver-watch");
        lifeline.setDaemon(true);
        lifeline.start();
        System.exit(PrismCli.commandLine().execute(args));
    }

    private static void accept(ServerSocket server) {
        while (true) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                Thread echo = new Thread(() -> echo(socket), "socket-echo-connection");
                echo.setDaemon(true);
                echo.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void echo(Socket socket) {
        byte[] message = new byte[MESSAGE_BYTES];
        try (socket; DataInputStream in = new DataInputStream(socket.getInputStream());
             OutputStream out = socket.getOutputStream()) {
            while (true) {
                in.readFully(message);
                out.write(message);
                out.flush();
            }
        } catch (IOException e) {
            // the driver closed the connection: this echo is done
        }
    }

    /** Sends every {@code byte[]} back to its sender: the remote counterpart of {@link PekkoEcho}'s ponger. */
    static final class Ponger extends AbstractActor {
        @Override
        public Receive createReceive() {
            return receiveBuilder().match(byte[].class, bytes -> getSender().tell(bytes, ActorRef.noSender())).build();
        }
    }
}
