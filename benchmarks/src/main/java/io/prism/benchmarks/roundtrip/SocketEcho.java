package io.prism.benchmarks.roundtrip;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * The floor under every other figure: 16 bytes over a plain TCP socket (TCP_NODELAY) to {@link ClusterChild}'s
 * echo server and back, on the caller's thread. Sync only: a blocking socket has no calls in flight to pipeline.
 */
final class SocketEcho implements RoundTrip, AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final ByteBuffer buffer = ByteBuffer.allocate(ClusterChild.MESSAGE_BYTES);
    private final byte[] reply = new byte[ClusterChild.MESSAGE_BYTES];

    SocketEcho(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    @Override
    public String name() {
        return "socket";
    }

    @Override
    public synchronized CompletableFuture<?> call(Long value) {
        try {
            buffer.clear();
            out.write(buffer.putLong(0).putLong(value).array());
            out.flush();
            in.readFully(reply);
            return CompletableFuture.completedFuture(ByteBuffer.wrap(reply).getLong(8));
        } catch (IOException e) {
            throw new UncheckedIOException("socket echo on port " + socket.getPort() + " failed", e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
