package io.prism.benchmarks.memory;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

import java.util.concurrent.TimeUnit;

/**
 * The baseline process of the idle-memory figure: a Pekko cluster node that joined itself and does nothing else,
 * on the same class path and JVM options as the Prism node it is compared with. It prints {@value #READY} once
 * up, then waits for its standard input to close.
 */
public final class BarePekkoNode {
    static final String READY = "bare Pekko node up at ";
    private static final long UP_TIMEOUT_MILLIS = 60_000;

    private BarePekkoNode() {
    }

    public static void main(String[] args) throws Exception {
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "bare", ConfigFactory.parseString("""
            pekko.actor.provider = cluster
            pekko.remote.artery.canonical.hostname = "127.0.0.1"
            pekko.remote.artery.canonical.port = 0
            pekko.loglevel = WARNING
            """).withFallback(ConfigFactory.load()));
        Cluster cluster = Cluster.get(system);
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
        long deadline = System.currentTimeMillis() + UP_TIMEOUT_MILLIS;
        while (cluster.selfMember().status() != MemberStatus.up()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the bare Pekko node did not join itself within "
                    + UP_TIMEOUT_MILLIS / 1000 + " s; its status is " + cluster.selfMember().status());
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        System.out.println(READY + cluster.selfMember().address());
        System.out.flush();
        while (System.in.read() >= 0) {
            // the driver closes this process's input when it is done with it
        }
        system.terminate();
        System.exit(0);
    }
}
