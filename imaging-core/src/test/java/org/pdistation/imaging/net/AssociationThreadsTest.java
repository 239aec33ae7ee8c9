package org.pdistation.imaging.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.net.dimse.Status;
import org.pdistation.imaging.synth.SyntheticCtStudy;

/** Associations run on the kind of thread the configuration names: platform threads unless virtual ones are asked. */
class AssociationThreadsTest {

    /** Records whether each instance was received on a virtual thread, and discards the data. */
    private static final class Recording implements StorageSink {
        final ConcurrentLinkedQueue<Boolean> virtual = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> names = new ConcurrentLinkedQueue<>();

        @Override
        public Status store(StoreRequest request, java.io.InputStream data) throws java.io.IOException {
            virtual.add(Thread.currentThread().isVirtual());
            names.add(Thread.currentThread().getName());
            data.transferTo(OutputStream.nullOutputStream());
            return Status.SUCCESS;
        }
    }

    private static Recording receive(DicomServer.Config config, List<Path> files) throws Exception {
        Recording sink = new Recording();
        try (DicomServer server = DicomServer.start(config, sink)) {
            List<StoreResult> results = new StoreScu(new RemoteAe(config.aet(), "127.0.0.1", server.port()), "SENDER",
                    NetOptions.DEFAULT).store(files, 2, r -> { });
            for (StoreResult r : results) {
                assertEquals(StoreResult.Outcome.STORED, r.outcome(), r.describe());
            }
        }
        assertEquals(files.size(), sink.virtual.size());
        return sink;
    }

    private static DicomServer.Config config() {
        return new DicomServer.Config("THREADSCP", "127.0.0.1", 0, Set.of(), 4, NetOptions.DEFAULT);
    }

    @Test
    void associationsRunOnPlatformThreadsByDefault(@TempDir Path dir) throws Exception {
        List<Path> files = new SyntheticCtStudy(32, 2, 3).write(dir, 4);
        assertEquals(AssociationThreads.PLATFORM, config().threads());
        Recording sink = receive(config(), files);
        assertFalse(sink.virtual.contains(true), "received on a virtual thread");
        assertTrue(sink.names.stream().allMatch(n -> n.startsWith("dicom-assoc-")), sink.names.toString());
    }

    @Test
    void associationsRunOnVirtualThreadsWhenAsked(@TempDir Path dir) throws Exception {
        List<Path> files = new SyntheticCtStudy(32, 2, 3).write(dir, 4);
        Recording sink = receive(config().withThreads(AssociationThreads.VIRTUAL), files);
        assertFalse(sink.virtual.contains(false), "received on a platform thread");
    }

    @Test
    void onlyAssociationsWithinTheLimitGetAPlatformThread() {
        assertFalse(AssociationThreads.PLATFORM.builder(true).unstarted(() -> { }).isVirtual());
        // A connection over the limit is only rejected: a flood of them must not cost platform threads.
        assertTrue(AssociationThreads.PLATFORM.builder(false).unstarted(() -> { }).isVirtual());
        assertTrue(AssociationThreads.VIRTUAL.builder(true).unstarted(() -> { }).isVirtual());
    }
}
