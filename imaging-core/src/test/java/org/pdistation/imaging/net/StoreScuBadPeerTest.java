package org.pdistation.imaging.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.synth.SyntheticCtStudy;

/** Our SCU against peers that accept the association and then stop cooperating: a clear error in time. */
class StoreScuBadPeerTest {
    private static final NetOptions OPTS = NetOptions.DEFAULT.withReadTimeout(Duration.ofSeconds(2));

    /** What the fake peer does once the association is accepted. */
    private interface Behaviour {
        void after(Socket s) throws Exception;
    }

    /** Runs a one-association peer that accepts everything, then behaves; stops when the test ends. */
    private static List<StoreResult> storeAgainst(Path file, Behaviour behaviour) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        try (ServerSocket ss = new ServerSocket()) {
            // A small receive window so that the peer not reading shows quickly on our side.
            ss.setReceiveBufferSize(8192);
            ss.bind(new InetSocketAddress("127.0.0.1", 0));
            Thread peer = Thread.ofVirtual().start(() -> {
                try (Socket s = ss.accept()) {
                    Association a = Association.accept(s, OPTS.withReadTimeout(Duration.ofSeconds(60)),
                            new ScpPolicy("BADPEER", Set.of(), OPTS.maxPduLength()));
                    if (a != null) {
                        behaviour.after(s);
                    }
                    done.await(60, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // the peer just goes away
                }
            });
            try {
                return new StoreScu(new RemoteAe("BADPEER", "127.0.0.1", ss.getLocalPort()), "PDI", OPTS)
                        .store(List.of(file), 1, r -> { });
            } finally {
                done.countDown();
                peer.join(10_000);
            }
        }
    }

    @Test
    void peerThatStopsReadingMidPDataEndsInAWriteTimeout(@TempDir Path dir) throws Exception {
        // 2560^2 x 16 bit: 12.5 MiB, far more than the socket buffers hold.
        Path file = new SyntheticCtStudy(2560, 1, 5).write(dir, 1).get(0);
        long t0 = System.nanoTime();
        List<StoreResult> results = storeAgainst(file, s -> { /* never reads again */ });
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(1, results.size());
        StoreResult r = results.get(0);
        assertEquals(StoreResult.Outcome.FAILED, r.outcome(), r.describe());
        assertTrue(r.error().contains("write timeout"), r.error());
        assertTrue(ms < 8000, "took " + ms + " ms with a 2 s timeout");
    }

    @Test
    void scpThatNeverAnswersTheCStoreEndsInAResponseTimeout(@TempDir Path dir) throws Exception {
        Path file = new SyntheticCtStudy(64, 1, 6).write(dir, 1).get(0);
        long t0 = System.nanoTime();
        List<StoreResult> results = storeAgainst(file, s -> {
            // Reads everything, answers nothing.
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            while (in.read(buf) >= 0) {
                // discard
            }
        });
        long ms = (System.nanoTime() - t0) / 1_000_000;
        StoreResult r = results.get(0);
        assertEquals(StoreResult.Outcome.FAILED, r.outcome(), r.describe());
        assertTrue(r.error().contains("within 2 s"), r.error());
        assertTrue(ms >= 1900 && ms < 8000, "took " + ms + " ms with a 2 s timeout");
    }
}
