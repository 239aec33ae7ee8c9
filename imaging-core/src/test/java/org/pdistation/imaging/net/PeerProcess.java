package org.pdistation.imaging.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.pdistation.imaging.testing.Peers;

/** A long-running DCMTK peer (storescp, dcmqrscp) started with TCP_NODELAY=1, stopped by {@link #close()}. */
final class PeerProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private PeerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the command and waits until {@code port} on loopback accepts connections. */
    static PeerProcess start(int port, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("peer", ".log");
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("TCP_NODELAY", "1");
        Process p = pb.start();
        PeerProcess peer = new PeerProcess(p, log);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                String out = peer.output();
                peer.close();
                throw new AssertionError("peer " + command[0] + " exited with " + p.exitValue() + ":\n" + out);
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return peer;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        peer.close();
        throw new AssertionError("peer " + command[0] + " did not listen on port " + port + " within 20 s");
    }

    static String executable(String name) {
        return Peers.require(name).toString();
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // temp file
        }
    }
}
