package org.pdistation.imaging.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.net.dimse.Status;
import org.pdistation.imaging.net.pdu.PresentationContextRq;

/** After many associations, good and bad, the server's threads and file descriptors are back to the baseline. */
class DicomServerLeakTest {
    private static final Path FDS = Path.of("/proc/self/fd");

    @Test
    void twoHundredAssociationsIncludingAbortedAndGarbageLeakNoThreadsOrDescriptors(@TempDir Path dir)
            throws Exception {
        assumeTrue(Files.isDirectory(FDS), "needs /proc/self/fd (Linux)");
        NetOptions opts = NetOptions.DEFAULT.withArtimTimeout(Duration.ofSeconds(1))
                .withReadTimeout(Duration.ofSeconds(2));
        try (DicomServer server = DicomServer.start(new DicomServer.Config("LEAKSCP", "127.0.0.1", 0, Set.of(), 16,
                opts), new FolderSink(dir))) {
            RemoteAe target = new RemoteAe("LEAKSCP", "127.0.0.1", server.port());
            // Warm up: the first association loads classes and may open jar files.
            for (int i = 0; i < 5; i++) {
                EchoScu.echo(target, "WARM", opts);
                garbage(server.port());
            }
            settle(server);
            long fdBase = fdCount();
            int threadBase = ManagementFactory.getThreadMXBean().getThreadCount();

            for (int i = 0; i < 200; i++) {
                switch (i % 4) {
                    case 0 -> assertEquals(Status.SUCCESS, EchoScu.echo(target, "GOOD", opts));
                    case 1 -> garbage(server.port());
                    case 2 -> aborted(target, opts);
                    default -> vanished(server.port());
                }
            }
            settle(server);
            long fds = fdCount();
            int threads = ManagementFactory.getThreadMXBean().getThreadCount();
            assertEquals(0, server.activeAssociations());
            assertTrue(fds <= fdBase + 4, "file descriptors " + fdBase + " -> " + fds);
            assertTrue(threads <= threadBase + 3, "threads " + threadBase + " -> " + threads);
            assertEquals(Status.SUCCESS, EchoScu.echo(target, "AFTER", opts));
        }
    }

    private static void garbage(int port) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write("\u0016\u0003\u0001garbage that is no PDU".getBytes());
            s.getInputStream().readAllBytes();
        }
    }

    /** An established association ended by A-ABORT. */
    private static void aborted(RemoteAe target, NetOptions opts) throws IOException {
        Association a = Association.connect(target.host(), target.port(), Requests.associateRq("ABORTER",
                target.aet(), List.of(new PresentationContextRq(1, UID.Verification,
                        List.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid()))), opts, null), opts);
        a.abort();
    }

    /** A connection dropped after half an A-ASSOCIATE-RQ header. */
    private static void vanished(int port) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.getOutputStream().write(new byte[] {1, 0, 0, 0});
        }
    }

    private static void settle(DicomServer server) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.activeAssociations() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // Write watchdogs notice their closed socket within their period.
        Thread.sleep(300);
        System.gc();
    }

    private static long fdCount() throws IOException {
        try (Stream<Path> s = Files.list(FDS)) {
            return s.count();
        }
    }
}
