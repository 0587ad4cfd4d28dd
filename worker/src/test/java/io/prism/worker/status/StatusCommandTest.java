package io.prism.worker.status;

import io.prism.worker.PrismCli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

class StatusCommandTest {

    @Test
    void anAddressWhereNoClusterRunsFailsWithOneLineNamingItWithinTheJoinTimeout() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = PrismCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        long started = System.nanoTime();
        int exit = cli.execute("status", "--address", "127.0.0.1:" + port);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("prism status: could not join the Prism cluster at 127.0.0.1:"
            + port + " within 10 s").doesNotContain("\n");
        assertThat(out.toString()).isEmpty();
        assertThat(seconds).as("seconds until it gave up").isLessThan(30);
    }
}
