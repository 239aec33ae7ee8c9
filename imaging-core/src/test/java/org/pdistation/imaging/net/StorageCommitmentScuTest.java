package org.pdistation.imaging.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.net.CommitmentResult.SopRef;
import org.pdistation.imaging.synth.SyntheticCtStudy;

/** Storage Commitment Push Model (PS3.4 J) between our SCU and our SCP, on the same and on a new association. */
class StorageCommitmentScuTest {
    private static final NetOptions OPTS = NetOptions.DEFAULT.withReadTimeout(Duration.ofSeconds(10));

    private static List<SopRef> storeSome(Path dir, DicomServer scp, int count) throws Exception {
        List<Path> files = new SyntheticCtStudy(64, count, 7).write(dir.resolve("src"), count);
        List<StoreResult> results = new StoreScu(new RemoteAe("COMMITSCP", "127.0.0.1", scp.port()), "MODALITY",
                OPTS).store(files, 1, r -> { });
        List<SopRef> refs = new ArrayList<>();
        for (Path f : files) {
            refs.add(new SopRef(UID.CTImageStorage, StoreInstance.scan(f).sopInstanceUid()));
        }
        assertEquals(count, results.stream().filter(r -> r.outcome() == StoreResult.Outcome.STORED).count());
        return refs;
    }

    @Test
    void scpReportsOnTheSameAssociationAllCommittedAndTheMissingOneFailed(@TempDir Path dir) throws Exception {
        FolderSink sink = new FolderSink(dir.resolve("archive"));
        try (DicomServer scp = DicomServer.start(new DicomServer.Config("COMMITSCP", "127.0.0.1", 0, Set.of(), 4,
                OPTS), sink, ServerSocketFactory.getDefault(), CommitmentPolicy.sameAssociation(sink::holds), null)) {
            List<SopRef> refs = storeSome(dir, scp, 3);
            List<SopRef> asked = new ArrayList<>(refs);
            SopRef missing = new SopRef(UID.CTImageStorage, "1.2.826.0.1.3680043.2.1143.999.1");
            asked.add(missing);
            var scu = new StorageCommitmentScu(new RemoteAe("COMMITSCP", "127.0.0.1", scp.port()), "MODALITY", OPTS,
                    SocketFactory.getDefault(), null, Duration.ofSeconds(5));

            CommitmentResult all = scu.commit(refs, Duration.ofSeconds(10));
            assertTrue(all.allCommitted());
            assertEquals(refs, all.committed());
            assertTrue(all.reportedOnSameAssociation());
            assertEquals(1, all.eventTypeId());

            CommitmentResult some = scu.commit(asked, Duration.ofSeconds(10));
            assertEquals(2, some.eventTypeId());
            assertEquals(refs, some.committed());
            assertFalse(some.isCommitted(missing.sopInstanceUid()));
            CommitmentResult.Failure f = some.failure(missing.sopInstanceUid());
            assertNotNull(f);
            assertEquals(0x0112, f.reason());
            assertEquals("Failure: no such SOP instance", f.meaning());
            assertNull(some.failure(refs.get(0).sopInstanceUid()));
        }
    }

    @Test
    void scpReportsOnANewAssociationToTheScusListener(@TempDir Path dir) throws Exception {
        FolderSink sink = new FolderSink(dir.resolve("archive"));
        CommitmentReceiver receiver = new CommitmentReceiver();
        try (DicomServer listener = DicomServer.start(new DicomServer.Config("MODALITY", "127.0.0.1", 0,
                Set.of("COMMITSCP"), 2, OPTS), new FolderSink(dir.resolve("unused")), ServerSocketFactory.getDefault(),
                null, receiver);
             DicomServer scp = DicomServer.start(new DicomServer.Config("COMMITSCP", "127.0.0.1", 0, Set.of(), 4,
                     OPTS), sink, ServerSocketFactory.getDefault(), new CommitmentPolicy(sink::holds,
                     Map.of("MODALITY", new RemoteAe("MODALITY", "127.0.0.1", listener.port())),
                     CommitmentPolicy.ReportMode.NEW_ASSOCIATION), null)) {
            List<SopRef> refs = storeSome(dir, scp, 2);
            List<SopRef> asked = new ArrayList<>(refs);
            SopRef missing = new SopRef(UID.CTImageStorage, "1.2.826.0.1.3680043.2.1143.999.2");
            asked.add(missing);
            var scu = new StorageCommitmentScu(new RemoteAe("COMMITSCP", "127.0.0.1", scp.port()), "MODALITY", OPTS,
                    SocketFactory.getDefault(), receiver, Duration.ofMillis(200));

            CommitmentResult r = scu.commit(asked, Duration.ofSeconds(10));
            assertFalse(r.reportedOnSameAssociation());
            assertEquals(refs, r.committed());
            assertEquals(0x0112, r.failure(missing.sopInstanceUid()).reason());
            assertEquals(0, receiver.pendingCount());
        }
    }

    @Test
    void noReportWithinTheTimeoutIsAClearError(@TempDir Path dir) throws Exception {
        FolderSink sink = new FolderSink(dir.resolve("archive"));
        CommitmentReceiver receiver = new CommitmentReceiver();
        // The SCP is told to report to a port where nobody listens for MODALITY: the report never arrives.
        int deadPort = org.pdistation.imaging.testing.Peers.freeLoopbackPort();
        try (DicomServer scp = DicomServer.start(new DicomServer.Config("COMMITSCP", "127.0.0.1", 0, Set.of(), 4,
                OPTS), sink, ServerSocketFactory.getDefault(), new CommitmentPolicy(sink::holds,
                Map.of("MODALITY", new RemoteAe("MODALITY", "127.0.0.1", deadPort)),
                CommitmentPolicy.ReportMode.NEW_ASSOCIATION), null)) {
            var scu = new StorageCommitmentScu(new RemoteAe("COMMITSCP", "127.0.0.1", scp.port()), "MODALITY", OPTS,
                    SocketFactory.getDefault(), receiver, Duration.ofMillis(100));
            long t0 = System.nanoTime();
            IOException e = assertThrows(IOException.class, () -> scu.commit(
                    List.of(new SopRef(UID.CTImageStorage, "1.2.3.4")), Duration.ofMillis(800)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(e.getMessage().contains("no Storage Commitment report"), e.getMessage());
            assertTrue(ms < 5000, "took " + ms + " ms");
            assertEquals(0, receiver.pendingCount());
        }
    }

    @Test
    void scpWithoutCommitmentRefusesTheSopClass(@TempDir Path dir) throws Exception {
        try (DicomServer scp = DicomServer.start(new DicomServer.Config("PLAINSCP", "127.0.0.1", 0, Set.of(), 4,
                OPTS), new FolderSink(dir))) {
            var scu = new StorageCommitmentScu(new RemoteAe("PLAINSCP", "127.0.0.1", scp.port()), "MODALITY", OPTS,
                    SocketFactory.getDefault(), null, Duration.ofSeconds(1));
            IOException e = assertThrows(IOException.class, () -> scu.commit(
                    List.of(new SopRef(UID.CTImageStorage, "1.2.3.4")), Duration.ofSeconds(2)));
            assertTrue(e.getMessage().contains("did not accept SOP class " + UID.StorageCommitmentPushModel),
                    e.getMessage());
        }
    }
}
