package org.pdistation.imaging.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.net.CommitmentResult.SopRef;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.OrthancPeer;
import org.pdistation.imaging.testing.Peers;

/**
 * Our Storage Commitment SCU against Orthanc, which (since 1.6) reports on a new association to the modality it
 * finds in its DicomModalities by our calling AE title.
 */
class StorageCommitmentScuOrthancTest {

    @Test
    void orthancCommitsStoredInstancesAndFailsTheOneNeverStored(@TempDir Path dir) throws Exception {
        Peers.require("Orthanc");
        NetOptions opts = NetOptions.DEFAULT.withReadTimeout(Duration.ofSeconds(20));
        CommitmentReceiver receiver = new CommitmentReceiver();
        try (DicomServer listener = DicomServer.start(new DicomServer.Config("PDIMOD", "127.0.0.1", 0,
                Set.of("ORTHANC"), 4, opts), new FolderSink(dir.resolve("unused")), ServerSocketFactory.getDefault(),
                null, receiver)) {
            try (OrthancPeer orthanc = OrthancPeer.start(Files.createDirectories(dir.resolve("orthanc")),
                    "\"DicomModalities\": { \"pdi\": [ \"PDIMOD\", \"127.0.0.1\", " + listener.port() + " ] }")) {
                RemoteAe target = new RemoteAe("ORTHANC", "127.0.0.1", orthanc.dicomPort());
                List<Path> files = new SyntheticCtStudy(64, 4, 11).write(dir.resolve("src"), 4);
                for (StoreResult r : new StoreScu(target, "PDIMOD", opts).store(files, 1, r -> { })) {
                    assertEquals(StoreResult.Outcome.STORED, r.outcome(), r.describe());
                }
                List<SopRef> refs = new ArrayList<>();
                for (Path f : files) {
                    refs.add(new SopRef(UID.CTImageStorage, StoreInstance.scan(f).sopInstanceUid()));
                }
                var scu = new StorageCommitmentScu(target, "PDIMOD", opts, SocketFactory.getDefault(), receiver,
                        Duration.ofSeconds(1));

                CommitmentResult all = scu.commit(refs, Duration.ofSeconds(30));
                assertTrue(all.allCommitted(), () -> all + "\n" + orthanc.log());
                assertFalse(all.reportedOnSameAssociation(), "Orthanc reports on a new association");
                assertEquals(Set.copyOf(refs), Set.copyOf(all.committed()));

                List<SopRef> asked = new ArrayList<>(refs);
                SopRef never = new SopRef(UID.CTImageStorage, "1.2.826.0.1.3680043.2.1143.4242.1");
                asked.add(never);
                CommitmentResult some = scu.commit(asked, Duration.ofSeconds(30));
                assertEquals(2, some.eventTypeId());
                assertEquals(Set.copyOf(refs), Set.copyOf(some.committed()));
                assertFalse(some.isCommitted(never.sopInstanceUid()));
                CommitmentResult.Failure f = some.failure(never.sopInstanceUid());
                assertNotNull(f, some::toString);
                // PS3.4 J.3.3.1.1: Orthanc reports 0112H (no such object instance) for what it does not hold.
                assertEquals(0x0112, f.reason(), f.meaning());
            }
        }
    }
}
