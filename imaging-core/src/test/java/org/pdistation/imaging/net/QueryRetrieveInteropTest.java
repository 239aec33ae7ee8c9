package org.pdistation.imaging.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.net.dimse.Status;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

/** FindScu, MoveScu and GetScu against DCMTK dcmqrscp, with our DicomServer as the C-MOVE destination. */
class QueryRetrieveInteropTest {
    static final List<String> FILES = List.of("single/pydicom/CT_small.dcm", "single/pydicom/MR_small.dcm");

    /** A dcmqrscp serving {@link #FILES} as AE QRSCP, knowing OURSCP at {@code destPort}. */
    private static PeerProcess startQrscp(Path dir, int port, int destPort) throws Exception {
        Path db = Files.createDirectories(dir.resolve("db"));
        Path cfg = dir.resolve("dcmqrscp.cfg");
        Files.writeString(cfg, """
                NetworkTCPPort  = %d
                MaxPDUSize      = 65536
                MaxAssociations = 16

                HostTable BEGIN
                ourscp = (OURSCP, 127.0.0.1, %d)
                HostTable END

                VendorTable BEGIN
                VendorTable END

                AETable BEGIN
                QRSCP  %s  RW  (200, 1024mb)  ANY
                AETable END
                """.formatted(port, destPort, db));
        List<String> idx = new ArrayList<>(List.of(Peers.require("dcmqridx").toString(), db.toString()));
        for (String f : FILES) {
            idx.add(SharedData.requireDicomFile(f).toString());
        }
        Peers.run(Duration.ofSeconds(60), idx).requireSuccess();
        return PeerProcess.start(port, PeerProcess.executable("dcmqrscp"), "-c", cfg.toString(),
                String.valueOf(port));
    }

    private static Set<String> expectedStudies() throws Exception {
        Set<String> uids = new TreeSet<>();
        for (String f : FILES) {
            uids.add(DicomReader.read(SharedData.requireDicomFile(f), ReadOptions.HEADER_ONLY).dataset()
                    .getString(Tag.StudyInstanceUID));
        }
        return uids;
    }

    private static Dataset studyKeys(String studyUid) {
        Dataset keys = new Dataset();
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, QueryLevel.STUDY.name());
        keys.setString(Tag.StudyInstanceUID, VR.UI, studyUid == null ? "" : studyUid);
        keys.setString(Tag.PatientName, VR.PN, "");
        keys.setString(Tag.StudyDate, VR.DA, "");
        return keys;
    }

    @Test
    void findAtStudyAndImageLevelReturnsEveryMatch(@TempDir Path dir) throws Exception {
        int port = Peers.freeLoopbackPort();
        try (PeerProcess qr = startQrscp(dir, port, Peers.freeLoopbackPort())) {
            FindScu scu = new FindScu(new RemoteAe("QRSCP", "127.0.0.1", port), "PDI", NetOptions.DEFAULT);
            FindScu.Result studies = scu.find(QueryModel.STUDY_ROOT, studyKeys(null));
            assertEquals(Status.SUCCESS, studies.status());
            Set<String> got = new TreeSet<>();
            for (Dataset m : studies.matches()) {
                got.add(m.getString(Tag.StudyInstanceUID));
            }
            assertEquals(expectedStudies(), got);

            String study = got.iterator().next();
            Dataset image = new Dataset();
            image.setString(Tag.QueryRetrieveLevel, VR.CS, "IMAGE");
            image.setString(Tag.StudyInstanceUID, VR.UI, study);
            image.setString(Tag.SeriesInstanceUID, VR.UI, "");
            image.setString(Tag.SOPInstanceUID, VR.UI, "");
            FindScu.Result images = scu.find(QueryModel.STUDY_ROOT, withSeries(scu, study, image));
            assertEquals(Status.SUCCESS, images.status());
            assertEquals(1, images.matches().size());
            assertTrue(images.matches().get(0).getString(Tag.SOPInstanceUID).startsWith("1."));
        }
    }

    /** Study Root IMAGE level needs the series UID (PS3.4 C.4.1.3.1 unique keys above the level). */
    private static Dataset withSeries(FindScu scu, String study, Dataset image) throws Exception {
        Dataset series = new Dataset();
        series.setString(Tag.QueryRetrieveLevel, VR.CS, "SERIES");
        series.setString(Tag.StudyInstanceUID, VR.UI, study);
        series.setString(Tag.SeriesInstanceUID, VR.UI, "");
        FindScu.Result r = scu.find(QueryModel.STUDY_ROOT, series);
        assertEquals(1, r.matches().size());
        image.setString(Tag.SeriesInstanceUID, VR.UI, r.matches().get(0).getString(Tag.SeriesInstanceUID));
        return image;
    }

    @Test
    void cancelAfterFirstMatchEndsTheFind(@TempDir Path dir) throws Exception {
        int port = Peers.freeLoopbackPort();
        try (PeerProcess qr = startQrscp(dir, port, Peers.freeLoopbackPort())) {
            FindScu scu = new FindScu(new RemoteAe("QRSCP", "127.0.0.1", port), "PDI", NetOptions.DEFAULT);
            FindScu.Result r = scu.find(QueryModel.STUDY_ROOT, studyKeys(null), m -> false);
            assertTrue(r.cancelled());
            assertTrue(r.status().equals(Status.CANCEL) || r.status().isSuccess(), r.status().toString());
            assertTrue(r.matches().size() >= 1);
        }
    }

    @Test
    void moveSendsTheStudyToOurServer(@TempDir Path dir) throws Exception {
        int port = Peers.freeLoopbackPort();
        Path received = dir.resolve("received");
        try (DicomServer server = DicomServer.start(new DicomServer.Config("OURSCP", "127.0.0.1", 0, Set.of(), 4,
                NetOptions.DEFAULT), new FolderSink(received));
             PeerProcess qr = startQrscp(dir, port, server.port())) {
            String study = expectedStudies().iterator().next();
            RetrieveResult r = new MoveScu(new RemoteAe("QRSCP", "127.0.0.1", port), "PDI", NetOptions.DEFAULT)
                    .move(QueryModel.STUDY_ROOT, "OURSCP", studyKeys(study));
            assertEquals(Status.SUCCESS, r.status(), r.describe() + "\n" + qr.output());
            assertEquals(1, r.completed());
            assertEquals(0, r.failed());
            try (var s = Files.list(received)) {
                assertEquals(1, s.filter(p -> p.toString().endsWith(".dcm")).count());
            }
        }
    }

    @Test
    void getReceivesTheStudyOnTheSameAssociation(@TempDir Path dir) throws Exception {
        int port = Peers.freeLoopbackPort();
        Path received = dir.resolve("got");
        try (PeerProcess qr = startQrscp(dir, port, Peers.freeLoopbackPort())) {
            FolderSink sink = new FolderSink(received);
            Set<String> studies = expectedStudies();
            int total = 0;
            for (String study : studies) {
                RetrieveResult r = new GetScu(new RemoteAe("QRSCP", "127.0.0.1", port), "PDI", NetOptions.DEFAULT)
                        .get(QueryModel.STUDY_ROOT, studyKeys(study), sink);
                assertEquals(Status.SUCCESS, r.status(), r.describe() + "\n" + qr.output());
                total += r.completed();
            }
            assertEquals(FILES.size(), total);
            Set<String> got = new TreeSet<>();
            try (var s = Files.list(received)) {
                for (Path p : s.toList()) {
                    got.add(DicomReader.read(p, ReadOptions.HEADER_ONLY).dataset().getString(Tag.StudyInstanceUID));
                }
            }
            assertEquals(studies, got);
        }
    }
}
