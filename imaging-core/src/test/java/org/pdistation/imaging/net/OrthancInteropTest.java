package org.pdistation.imaging.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.pdistation.imaging.testing.OrthancPeer;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

/** Echo, store, find, move and get against Orthanc (loopback only, generated configuration). */
class OrthancInteropTest {
    /** Syntaxes Orthanc accepts by default; the selection takes files round-robin over them for variety. */
    private static final List<String> SYNTAXES = List.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.1",
            "1.2.840.10008.1.2.1.99", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51",
            "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.80",
            "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.5");

    /**
     * Files Orthanc 1.10.1 refuses: it aborts on odd-length deflated data sets (the files lack the PS3.5 A.5 pad
     * byte; "Odd Fragment Length"), on two fragment layouts, and answers A900 for a few (RT, CR with Modality LUT Sequence).
     */
    private static final Set<String> EXCLUDED = Set.of("multiframe/weasis/jpeg2000-multiframe-multifragments.dcm",
            "multiframe/pydicom/rtdose.dcm", "multiframe/fo-dicom/DIRW0007", "single/fo-dicom/CR-ModalitySequenceLUT.dcm",
            "single/pydicom/rtplan.dcm", "single/pydicom/rtdose_1frame.dcm",
            "single/dicomparser/wave_dfl", "single/pydicom/image_dfl.dcm");

    /** Up to {@code count} readable storage instances of single/ and multiframe/, distinct SOP Instance UIDs. */
    static List<Path> selectFiles(int count) throws IOException {
        Path root = SharedData.require().resolve("dicomdata");
        Map<String, List<Path>> bySyntax = new LinkedHashMap<>();
        for (String ts : SYNTAXES) {
            bySyntax.put(ts, new ArrayList<>());
        }
        List<String> manifest = Files.readAllLines(root.resolve("MANIFEST.tsv"));
        for (String line : manifest.subList(1, manifest.size())) {
            String[] f = line.split("\t", -1);
            if (f.length < 7 || !(f[0].startsWith("single/") || f[0].startsWith("multiframe/"))
                    || !f[4].contains("Storage") || Long.parseLong(f[3]) > 4_000_000 || EXCLUDED.contains(f[0])) {
                continue;
            }
            String ts = f[6].split(" ")[0];
            if (bySyntax.containsKey(ts)) {
                bySyntax.get(ts).add(root.resolve(f[0]));
            }
        }
        List<Path> chosen = new ArrayList<>();
        Set<String> uids = new HashSet<>();
        for (int round = 0; chosen.size() < count && round < 40; round++) {
            for (List<Path> files : bySyntax.values()) {
                if (round < files.size() && chosen.size() < count) {
                    Path p = files.get(round);
                    try {
                        StoreInstance i = StoreInstance.scan(p);
                        Dataset ds = DicomReader.read(p, ReadOptions.HEADER_ONLY).dataset();
                        // Orthanc refuses instances without the identifiers of its patient/study/series index.
                        boolean indexable = ds.getString(Tag.PatientID) != null
                                && ds.getString(Tag.StudyInstanceUID) != null
                                && ds.getString(Tag.SeriesInstanceUID) != null;
                        if (indexable && uids.add(i.sopInstanceUid())) {
                            chosen.add(p);
                        }
                    } catch (IOException | RuntimeException unreadable) {
                        // not sendable as it is; another file of the syntax is taken
                    }
                }
            }
        }
        return chosen;
    }

    @Test
    void echoStoreFindMoveAndGetAgainstOrthanc(@TempDir Path dir) throws Exception {
        List<Path> files = selectFiles(30);
        assertTrue(files.size() >= 25, "only " + files.size() + " shared files selected");
        Path moved = dir.resolve("moved");
        try (DicomServer ours = DicomServer.start(new DicomServer.Config("OURSCP", "127.0.0.1", 0, Set.of(), 4,
                NetOptions.DEFAULT), new FolderSink(moved))) {
            // Orthanc answers C-FIND/C-MOVE/C-GET only for AEs it knows: ours is its "pdi" modality.
            OrthancPeer orthanc = OrthancPeer.start(dir, """
                    "DicomModalities": { "pdi": [ "OURSCP", "127.0.0.1", %d ] }""".formatted(ours.port()));
            try {
                RemoteAe target = new RemoteAe("ORTHANC", "127.0.0.1", orthanc.dicomPort());

                assertEquals(Status.SUCCESS, EchoScu.echo(target, "PDI", NetOptions.DEFAULT));

                List<StoreResult> results = new StoreScu(target, "PDI", NetOptions.DEFAULT).store(files, 4, r -> { });
                for (StoreResult r : results) {
                    assertEquals(StoreResult.Outcome.STORED, r.outcome(), () -> r.describe() + "\n"
                            + results.stream().filter(x -> x.outcome() != StoreResult.Outcome.STORED)
                            .map(StoreResult::describe).toList() + "\n" + orthanc.log());
                }

                // Every instance arrived with its data set bytes unchanged.
                Map<String, Path> sent = new LinkedHashMap<>();
                for (Path f : files) {
                    sent.put(StoreInstance.scan(f).sopInstanceUid(), f);
                }
                List<String> ids = orthanc.instances();
                int rewritten = 0;
                assertEquals(files.size(), ids.size());
                for (String id : ids) {
                    Path got = Files.write(dir.resolve(id + ".dcm"), orthanc.getBytes("/instances/" + id + "/file"));
                    Path original = sent.get(StoreInstance.scan(got).sopInstanceUid());
                    assertNotNull(original, "Orthanc holds an instance we did not send: " + id);
                    byte[] a = StoreScuInteropTest.dataSet(original);
                    byte[] b = StoreScuInteropTest.dataSet(got);
                    if (!java.util.Arrays.equals(a, b)) {
                        // Orthanc 1.10 re-encodes many headers (its DCMTK writer); the pixel data must stay as sent.
                        assertArrayEquals(pixels(original), pixels(got), "pixel data of " + original);
                        rewritten++;
                    }
                }

                assertTrue(rewritten < files.size(), "Orthanc kept no data set byte for byte");

                // C-FIND at the three levels below PATIENT; Orthanc answers queries only from AEs listed in
                // DicomModalities, so the SCUs call as OURSCP.
                Path first = files.get(0);
                Dataset ds = DicomReader.read(first, ReadOptions.HEADER_ONLY).dataset();
                String study = ds.getString(Tag.StudyInstanceUID);
                String series = ds.getString(Tag.SeriesInstanceUID);
                FindScu find = new FindScu(target, "OURSCP", NetOptions.DEFAULT);
                Dataset keys = new Dataset();
                keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
                keys.setString(Tag.StudyInstanceUID, VR.UI, "");
                Set<String> studies = new TreeSet<>();
                for (Dataset m : find.find(QueryModel.STUDY_ROOT, keys).matches()) {
                    studies.add(m.getString(Tag.StudyInstanceUID));
                }
                Set<String> expectedStudies = new TreeSet<>();
                for (Path f : files) {
                    expectedStudies.add(DicomReader.read(f, ReadOptions.HEADER_ONLY).dataset()
                            .getString(Tag.StudyInstanceUID));
                }
                assertEquals(expectedStudies, studies);
                keys.setString(Tag.QueryRetrieveLevel, VR.CS, "SERIES");
                keys.setString(Tag.StudyInstanceUID, VR.UI, study);
                keys.setString(Tag.SeriesInstanceUID, VR.UI, "");
                assertTrue(find.find(QueryModel.STUDY_ROOT, keys).matches().stream()
                        .anyMatch(m -> series.equals(m.getString(Tag.SeriesInstanceUID))));
                keys.setString(Tag.QueryRetrieveLevel, VR.CS, "IMAGE");
                keys.setString(Tag.SeriesInstanceUID, VR.UI, series);
                keys.setString(Tag.SOPInstanceUID, VR.UI, "");
                FindScu.Result images = find.find(QueryModel.STUDY_ROOT, keys);
                assertEquals(Status.SUCCESS, images.status());
                String firstUid = sopInstanceUid(first);
                assertTrue(images.matches().stream().anyMatch(m -> firstUid.equals(m.getString(Tag.SOPInstanceUID))));
                int inSeries = images.matches().size();

                // C-MOVE of the series to our server, then C-GET of the same series.
                Dataset retrieve = new Dataset();
                retrieve.setString(Tag.QueryRetrieveLevel, VR.CS, "SERIES");
                retrieve.setString(Tag.StudyInstanceUID, VR.UI, study);
                retrieve.setString(Tag.SeriesInstanceUID, VR.UI, series);
                RetrieveResult move = new MoveScu(target, "OURSCP", NetOptions.DEFAULT)
                        .move(QueryModel.STUDY_ROOT, "OURSCP", retrieve);
                assertEquals(Status.SUCCESS, move.status(), move.describe());
                try (var s = Files.list(moved)) {
                    assertEquals(inSeries, s.filter(f -> f.toString().endsWith(".dcm")).count());
                }
                Path got = dir.resolve("got");
                List<String> classes = new ArrayList<>();
                for (Path f : files) {
                    String c = StoreInstance.scan(f).sopClassUid();
                    if (!classes.contains(c)) {
                        classes.add(c);
                    }
                }
                RetrieveResult get = new GetScu(target, "OURSCP", NetOptions.DEFAULT,
                        javax.net.SocketFactory.getDefault(), classes)
                        .get(QueryModel.STUDY_ROOT, retrieve, new FolderSink(got));
                assertEquals(Status.SUCCESS, get.status(), get.describe());
                assertEquals(inSeries, get.completed());
                Path back = got.resolve(sopInstanceUid(first) + ".dcm");
                assertTrue(Files.exists(back), "C-GET did not bring back " + first);
            } catch (IOException e) {
                throw new AssertionError(e + "\n" + orthanc.log(), e);
            } finally {
                orthanc.close();
            }
        }
    }

    private static String sopInstanceUid(Path f) throws IOException {
        return StoreInstance.scan(f).sopInstanceUid();
    }

    /** Native pixel data, or the encapsulated fragments concatenated. */
    private static byte[] pixels(Path f) throws IOException {
        Dataset ds = DicomReader.read(f, ReadOptions.IN_MEMORY).dataset();
        org.pdistation.imaging.data.Fragments frags = ds.getFragments(Tag.PixelData);
        if (frags == null) {
            return ds.getBytes(Tag.PixelData);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 1; i < frags.size(); i++) {
            out.writeBytes((byte[]) frags.get(i));
        }
        return out.toByteArray();
    }

}
