package org.pdistation.imaging.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.net.dimse.Status;
import org.pdistation.imaging.synth.SyntheticCtStudy;

/** The SCP streams: eight concurrent large C-STOREs hold only buffers, never whole instances, on the heap. */
class DicomServerMemoryTest {
    private static final int ASSOCIATIONS = 8;

    @Test
    void eightConcurrentLargeInstancesKeepTheHeapFlat(@TempDir Path dir) throws Exception {
        // One 4096^2 16-bit CT slice: 32 MiB of pixel data, sent eight times at once.
        Path file = new SyntheticCtStudy(4096, 1, 3).write(dir.resolve("src"), 1).get(0);
        long size = Files.size(file);
        List<Path> files = Collections.nCopies(ASSOCIATIONS, file);
        long half = size / 2;
        CountDownLatch allHalfway = new CountDownLatch(ASSOCIATIONS);
        CountDownLatch measured = new CountDownLatch(1);
        AtomicLong received = new AtomicLong();
        // Each sink stops half way through its instance until the heap was measured: if any layer kept the
        // instance in memory, eight halves (128 MiB) would be live then.
        StorageSink pausing = (rq, data) -> {
            byte[] buf = new byte[64 * 1024];
            long n = 0;
            boolean paused = false;
            for (int r; (r = data.read(buf)) >= 0; ) {
                n += r;
                if (!paused && n >= half) {
                    paused = true;
                    allHalfway.countDown();
                    await(measured);
                }
            }
            received.addAndGet(n);
            return Status.SUCCESS;
        };
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        NetOptions opts = NetOptions.DEFAULT.withReadTimeout(Duration.ofSeconds(60));
        try (DicomServer server = DicomServer.start(new DicomServer.Config("MEMSCP", "127.0.0.1", 0, Set.of(),
                ASSOCIATIONS, opts), pausing)) {
            long baseline = usedAfterGc(memory);
            List<StoreResult> results = Collections.synchronizedList(new ArrayList<>());
            Thread sender = Thread.ofVirtual().start(() -> {
                try {
                    new StoreScu(new RemoteAe("MEMSCP", "127.0.0.1", server.port()), "MEM", opts)
                            .store(files, ASSOCIATIONS, results::add);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try {
                assertTrue(allHalfway.await(120, TimeUnit.SECONDS), () -> "not all associations reached half way; "
                        + "finished so far: " + results.stream().map(StoreResult::describe).toList());
                long during = usedAfterGc(memory);
                long growth = during - baseline;
                long inFlight = ASSOCIATIONS * half;
                assertTrue(growth < inFlight / 4, "heap grew by " + growth / (1 << 20) + " MiB with "
                        + inFlight / (1 << 20) + " MiB half-received");
            } finally {
                measured.countDown();
            }
            sender.join(120_000);
            assertEquals(ASSOCIATIONS, results.size());
            for (StoreResult r : results) {
                assertEquals(StoreResult.Outcome.STORED, r.outcome(), r.describe());
            }
        }
        assertTrue(received.get() > ASSOCIATIONS * (size - 1024), "received " + received.get());
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            best = Math.min(best, memory.getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    private static void await(CountDownLatch latch) throws IOException {
        try {
            if (!latch.await(120, TimeUnit.SECONDS)) {
                throw new IOException("test did not release the sink");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
