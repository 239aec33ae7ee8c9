package org.pdistation.imaging.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.archive.service.AccessPolicy;
import org.pdistation.imaging.archive.service.ArchiveServer;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.net.DicomServer;
import org.pdistation.imaging.net.FolderSink;
import org.pdistation.imaging.net.GetScu;
import org.pdistation.imaging.net.MoveScu;
import org.pdistation.imaging.net.QueryModel;
import org.pdistation.imaging.net.RetrieveResult;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

/** DCMTK storescu/findscu/getscu/movescu against a running archive. */
class ArchiveInteropTest {
    private static final List<String> FILES = List.of(
            "charset/pydicom/chrFren.dcm", "charset/pydicom/chrGerm.dcm", "charset/pydicom/chrGreek.dcm",
            "charset/pydicom/chrRuss.dcm", "charset/pydicom/chrH31.dcm", "charset/pydicom/chrX1.dcm",
            "charset/pydicom/chrX2.dcm", "charset/pydicom/chrArab.dcm", "charset/pydicom/chrHbrw.dcm",
            "charset/pydicom/chrKoreanMulti.dcm", "single/pydicom/CT_small.dcm",
            "single/dcm4che/CT-JPEGLosslessSV1.dcm", "single/dcm4che/MR-JPEGLosslessSV1.dcm",
            "single/fo-dicom/CT-MONO2-16-ankle", "single/dicomparser/CT1_UNC.implicit_little_endian.dcm");

    @TempDir
    Path tmp;
    Archive archive;
    DicomServer server;
    int movePort;
    final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
    /** SOP Instance UID -> source file, first file per UID. */
    final Map<String, Path> sent = new LinkedHashMap<>();

    @BeforeEach
    void start() throws Exception {
        Peers.require("storescu");
        Path data = SharedData.require().resolve("dicomdata");
        archive = Archive.open(tmp.resolve("archive"));
        movePort = Peers.freeLoopbackPort();
        AccessPolicy access = new AccessPolicy(Set.of(),
                Map.of("VIEWER", new RemoteAe("VIEWER", "127.0.0.1", movePort)));
        server = ArchiveServer.start(archive, "ARCH", "127.0.0.1", 0, access, NetOptions.DEFAULT, lines::add);
        for (String f : FILES) {
            Path p = data.resolve(f);
            sent.putIfAbsent(FileMeta.read(p).sopInstanceUid(), p);
        }
        sendAll();
    }

    /** storescu proposes a compressed syntax only when told: JPEG lossless files go in a run with -xs. */
    private void sendAll() throws IOException {
        for (boolean jpeg : new boolean[] {false, true}) {
            List<String> cmd = new ArrayList<>(List.of("storescu", jpeg ? "-xs" : "-R", "-aet", "SENDER", "-aec",
                    "ARCH", "127.0.0.1", String.valueOf(server.port())));
            for (Path p : sent.values()) {
                if (FileMeta.read(p).transferSyntaxUid().equals("1.2.840.10008.1.2.4.70") == jpeg) {
                    cmd.add(p.toString());
                }
            }
            Peers.run(Duration.ofSeconds(60), cmd).requireSuccess();
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (archive != null) {
            archive.close();
        }
    }

    @Test
    void storescuFilesEveryInstanceOnceAndCheckIsClean() throws Exception {
        assertEquals(sent.size(), archive.index().allInstances().size());
        assertTrue(archive.check(true).clean());
        for (String rel : archive.store().listFiles()) {
            String name = rel.substring(rel.lastIndexOf('/') + 1);
            assertTrue(name.matches("[0-9a-f]{32}\\.dcm"), rel);
        }
        // A second send of the same files is a no-op.
        sendAll();
        assertEquals(sent.size(), archive.index().allInstances().size());
        assertTrue(archive.index().auditTrail().stream().anyMatch(r -> "SENDER".equals(r.callingAet())
                && r.what().contains("C_STORE_RQ") && r.outcome().equals("released")));
    }

    private List<Path> find(String aet, String level, String... keys) throws IOException {
        Path out = Files.createTempDirectory(tmp, "find");
        List<String> cmd = new ArrayList<>(List.of("findscu", "PATIENT".equals(level) ? "-P" : "-S", "-aet", aet, "-aec", "ARCH", "-X", "-od",
                out.toString(), "-k", "QueryRetrieveLevel=" + level, "-k", "SpecificCharacterSet=ISO_IR 192"));
        for (String k : keys) {
            cmd.add("-k");
            cmd.add(k);
        }
        cmd.add("127.0.0.1");
        cmd.add(String.valueOf(server.port()));
        Peers.run(Duration.ofSeconds(60), cmd);
        try (Stream<Path> s = Files.list(out)) {
            return s.sorted().toList();
        }
    }

    @Test
    void findscuFindsAtEveryLevelWithAccentAndJapaneseNames() throws Exception {
        assertEquals(sent.size(), find("VIEWER", "IMAGE", "SOPInstanceUID").size());
        long studies = archive.index().allInstances().stream().map(i -> i.studyUid()).distinct().count();
        assertEquals(studies, find("VIEWER", "STUDY", "StudyInstanceUID").size());
        assertTrue(find("VIEWER", "SERIES", "SeriesInstanceUID", "Modality").size() >= studies);
        List<Path> jerome = find("VIEWER", "STUDY", "PatientName=buc^jerome", "StudyInstanceUID");
        assertEquals(1, jerome.size());
        assertEquals("Buc^Jérôme", DicomReader.read(jerome.get(0), ReadOptions.IN_MEMORY).dataset()
                .getText(Tag.PatientName));
        assertEquals(1, find("VIEWER", "STUDY", "PatientName=äneas*", "StudyInstanceUID").size());
        List<Path> yamada = find("VIEWER", "STUDY", "PatientName=山田*", "StudyInstanceUID");
        assertEquals(1, yamada.size());
        assertTrue(DicomReader.read(yamada.get(0), ReadOptions.IN_MEMORY).dataset().getText(Tag.PatientName)
                .contains("山田^太郎"));
        assertEquals(1, find("VIEWER", "STUDY", "PatientName=やまだ^たろう", "StudyInstanceUID").size());
        assertEquals(1, find("VIEWER", "PATIENT", "PatientName=Yamada*", "PatientID").size());
    }

    @Test
    void findFromAnUnknownCallingAeIsRefused() throws Exception {
        assertEquals(0, find("STRANGER", "STUDY", "StudyInstanceUID").size());
        assertTrue(archive.index().auditTrail().stream().anyMatch(r -> "STRANGER".equals(r.callingAet())
                && r.what().contains("C_FIND_RQ")));
    }

    @Test
    void getscuAndMovescuRetrieveEveryInstanceByteIdentical() throws Exception {
        Path got = Files.createDirectories(tmp.resolve("got"));
        Path moved = Files.createDirectories(tmp.resolve("moved"));
        for (String study : studies()) {
            // getscu +B writes the data sets exactly as received (movescu with +B stored no files here; without it,
            // it writes these data sets unchanged too), so that both can be compared byte for byte.
            Peers.run(Duration.ofSeconds(60), "getscu", "-S", "+B", "-aet", "VIEWER", "-aec", "ARCH", "-od",
                    got.toString(), "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study,
                    "127.0.0.1", String.valueOf(server.port()));
            Peers.run(Duration.ofSeconds(60), "movescu", "-S", "-aet", "VIEWER", "-aec", "ARCH", "-aem",
                    "VIEWER",
                    "+P", String.valueOf(movePort), "+xa", "-od", moved.toString(), "-k", "QueryRetrieveLevel=STUDY",
                    "-k", "StudyInstanceUID=" + study, "127.0.0.1", String.valueOf(server.port()))
                    .requireSuccess();
        }
        assertEquals(sent.keySet(), uids(moved));
        // getscu proposes uncompressed syntaxes only: the JPEG lossless instances cannot come (we do not transcode).
        Set<String> uncompressed = new java.util.HashSet<>();
        for (var e : sent.entrySet()) {
            if (!FileMeta.read(e.getValue()).transferSyntaxUid().equals("1.2.840.10008.1.2.4.70")) {
                uncompressed.add(e.getKey());
            }
        }
        assertEquals(uncompressed, uids(got));
        // Issue 7 acceptance: movescu/getscu get them back byte-identical in their data set.
        assertEquals(sent.size(), compare(moved));
        assertEquals(uncompressed.size(), compare(got));
    }

    @Test
    void ourMoveAndGetScusReceiveByteIdenticalDataSets() throws Exception {
        Path moved = Files.createDirectories(tmp.resolve("moved-ours"));
        Path got = Files.createDirectories(tmp.resolve("got-ours"));
        RemoteAe arch = new RemoteAe("ARCH", "127.0.0.1", server.port());
        try (DicomServer dest = DicomServer.start(new DicomServer.Config("VIEWER", "127.0.0.1", movePort, Set.of(),
                4, NetOptions.DEFAULT), new FolderSink(moved))) {
            for (String study : studies()) {
                Dataset keys = new Dataset();
                keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
                keys.setString(Tag.StudyInstanceUID, VR.UI, study);
                RetrieveResult r = new MoveScu(arch, "VIEWER", NetOptions.DEFAULT)
                        .move(QueryModel.STUDY_ROOT, "VIEWER", keys);
                assertTrue(r.status().isSuccess(), r.describe());
                RetrieveResult g = new GetScu(arch, "VIEWER", NetOptions.DEFAULT)
                        .get(QueryModel.STUDY_ROOT, keys, new FolderSink(got));
                assertTrue(g.status().isSuccess(), g.describe());
            }
        }
        assertEquals(sent.size(), compare(moved));
        assertEquals(sent.size(), compare(got));
    }

    private List<String> studies() throws Exception {
        return archive.index().allInstances().stream().map(i -> i.studyUid()).distinct().toList();
    }

    private static Set<String> uids(Path dir) throws IOException {
        Set<String> out = new java.util.HashSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.toList()) {
                out.add(FileMeta.read(f).sopInstanceUid());
            }
        }
        return out;
    }

    /**
     * Counts retrieved files whose data set bytes equal those the archive received and holds (DCMTK's storescu
     * re-encodes some files while sending, e.g. recomputed group lengths, so the source file is not the reference).
     */
    private int compare(Path dir) throws Exception {
        int same = 0;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.toList()) {
                FileMeta m = FileMeta.read(f);
                var stored = archive.index().findInstance(m.sopInstanceUid()).orElseThrow();
                assertEquals(stored.transferSyntax(), m.transferSyntaxUid());
                byte[] held;
                try (InputStream in = Files.newInputStream(archive.store().resolve(stored.path()))) {
                    in.skipNBytes(stored.datasetOffset());
                    held = in.readAllBytes();
                }
                assertArrayEquals(held, dataset(f), f.toString());
                same++;
            }
        }
        return same;
    }

    private static byte[] dataset(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            in.skipNBytes(FileMeta.read(p).datasetOffset());
            return in.readAllBytes();
        }
    }
}
