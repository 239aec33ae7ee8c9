package org.pdistation.imaging.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.archive.index.ArchiveIndex;
import org.pdistation.imaging.archive.index.InstanceRecord;
import org.pdistation.imaging.archive.service.AccessPolicy;
import org.pdistation.imaging.archive.service.ArchiveServer;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.net.DicomServer;
import org.pdistation.imaging.net.FindScu;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.QueryModel;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.imaging.net.dimse.Status;

class ArchiveFindCancelTest {
    @TempDir
    Path dir;

    @Test
    void cancelStopsThePendingResponsesAndAnswersCancel() throws Exception {
        try (Archive a = Archive.open(dir)) {
            a.index().withConnection(c -> {
                c.setAutoCommit(false);
                for (int i = 0; i < 5000; i++) {
                    ArchiveIndex.insertRow(c, new InstanceRecord(
                            new InstanceRecord.Patient("P1", "", "DOE^JOHN", null, null),
                            new InstanceRecord.Study("1.2.3", "20240101", null, null, null, null, null),
                            new InstanceRecord.Series("1.2.3.1", "CT", 1, null),
                            new InstanceRecord.Instance("1.2.3.1." + i, "1.2.840.10008.5.1.4.1.1.2", i,
                                    "1.2.840.10008.1.2.1", "objects/x/" + i, 1, 1, "00", Instant.now(), "T")));
                }
                c.commit();
                c.setAutoCommit(true);
                return null;
            });
            try (DicomServer s = ArchiveServer.start(a, "ARCH", "127.0.0.1", 0, new AccessPolicy(Set.of("VIEWER"),
                    Map.of()), NetOptions.DEFAULT, l -> { })) {
                Dataset keys = new Dataset();
                keys.setString(Tag.QueryRetrieveLevel, VR.CS, "IMAGE");
                keys.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3");
                keys.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3.1");
                keys.setBytes(Tag.SOPInstanceUID, VR.UI, new byte[0]);
                FindScu.Result r = new FindScu(new RemoteAe("ARCH", "127.0.0.1", s.port()), "VIEWER",
                        NetOptions.DEFAULT).find(QueryModel.STUDY_ROOT, keys, m -> false);
                assertTrue(r.cancelled());
                assertEquals(Status.CANCEL, r.status());
                assertTrue(r.matches().size() < 5000, "stopped early: " + r.matches().size());
            }
        }
    }

    @Test
    void findFromAnAeNeitherAllowedNorKnownIsRefusedNotAuthorized() throws Exception {
        try (Archive a = Archive.open(dir);
             DicomServer s = ArchiveServer.start(a, "ARCH", "127.0.0.1", 0, new AccessPolicy(Set.of(),
                     Map.of("VIEWER", new RemoteAe("VIEWER", "127.0.0.1", 1))), NetOptions.DEFAULT, l -> { })) {
            Dataset keys = new Dataset();
            keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
            keys.setBytes(Tag.StudyInstanceUID, VR.UI, new byte[0]);
            RemoteAe arch = new RemoteAe("ARCH", "127.0.0.1", s.port());
            FindScu.Result refused = new FindScu(arch, "STRANGER", NetOptions.DEFAULT)
                    .find(QueryModel.STUDY_ROOT, keys);
            assertEquals(0x0124, refused.status().code());
            assertEquals(Status.SUCCESS, new FindScu(arch, "VIEWER", NetOptions.DEFAULT)
                    .find(QueryModel.STUDY_ROOT, keys).status());
        }
    }
}
