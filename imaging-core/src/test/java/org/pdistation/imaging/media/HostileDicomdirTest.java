package org.pdistation.imaging.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;

@Timeout(60)
class HostileDicomdirTest {
    @TempDir
    Path tmp;

    private static List<Dataset> patientStudySeriesImage() {
        return new ArrayList<>(List.of(RawDicomdir.record("PATIENT", "P1"), RawDicomdir.record("STUDY", "1.2"),
                RawDicomdir.record("SERIES", "1.2.3"), RawDicomdir.record("IMAGE", "1.2.3.4")));
    }

    private static void chainDown(long[] at, List<Dataset> r) {
        for (int i = 0; i + 1 < r.size(); i++) {
            RawDicomdir.setLower(r.get(i), at[i + 1]);
        }
    }

    @Test
    void stopsAtANextOffsetPointingToItself() throws IOException {
        Path f = RawDicomdir.write(tmp.resolve("DICOMDIR"), patientStudySeriesImage(), (at, r) -> {
            chainDown(at, r);
            RawDicomdir.setNext(r.get(3), at[3]);
            return at[0];
        });
        FileSetTree tree = DicomDirReader.read(f);
        assertEquals(4, tree.allRecords().size());
        assertTrue(tree.problems().stream().anyMatch(p -> p.message().contains("cycle")), tree.problems().toString());
    }

    @Test
    void stopsAtALowerLevelOffsetPointingBackToTheRoot() throws IOException {
        Path f = RawDicomdir.write(tmp.resolve("DICOMDIR"), patientStudySeriesImage(), (at, r) -> {
            chainDown(at, r);
            RawDicomdir.setLower(r.get(3), at[0]);
            RawDicomdir.setNext(r.get(2), at[1]);
            return at[0];
        });
        FileSetTree tree = DicomDirReader.read(f);
        assertEquals(4, tree.allRecords().size());
        assertTrue(tree.problems().stream().filter(p -> p.message().contains("cycle")).count() >= 2,
                tree.problems().toString());
    }

    @Test
    void reportsAnOffsetThatLandsMidItem() throws IOException {
        Path f = RawDicomdir.write(tmp.resolve("DICOMDIR"), patientStudySeriesImage(), (at, r) -> {
            chainDown(at, r);
            RawDicomdir.setLower(r.get(2), at[3] + 4);
            return at[0];
        });
        FileSetTree tree = DicomDirReader.read(f);
        assertTrue(tree.problems().stream().anyMatch(p -> p.message().contains("does not land")
                && p.offset() > 0), tree.problems().toString());
        // The record nothing validly points to is recovered at the root level, with a warning.
        assertEquals(2, tree.roots().size());
        assertEquals(RecordType.IMAGE, tree.roots().get(1).type());
        assertTrue(tree.problems().stream().anyMatch(p -> p.message().contains("added at the root level")));
    }

    @Test
    void ignoresInactiveRecords() throws IOException {
        List<Dataset> recs = patientStudySeriesImage();
        recs.add(RawDicomdir.record("IMAGE", "1.2.3.5"));
        recs.get(4).setInt(Tag.RecordInUseFlag, VR.US, 0);
        Path f = RawDicomdir.write(tmp.resolve("DICOMDIR"), recs, (at, r) -> {
            for (int i = 0; i + 1 < 4; i++) {
                RawDicomdir.setLower(r.get(i), at[i + 1]);
            }
            RawDicomdir.setNext(r.get(3), at[4]);
            return at[0];
        });
        FileSetTree tree = DicomDirReader.read(f);
        assertEquals(4, tree.allRecords().size());
    }

    @Test
    void refusesFileIdsThatEscapeTheRoot() throws IOException {
        Path root = tmp.resolve("media");
        Files.createDirectories(root.resolve("DICOM"));
        Files.writeString(tmp.resolve("secret"), "outside");
        List<Dataset> recs = new ArrayList<>(List.of(RawDicomdir.record("PATIENT", "P1"),
                RawDicomdir.record("STUDY", "1.2"), RawDicomdir.record("SERIES", "1.2.3")));
        String[][] ids = {{"..", "..", "etc", "passwd"}, {"../../etc/passwd"}, {"/etc/passwd"}, {"C:\\x"},
                {"C:", "x"}, {"DICOM", "", "X"}, {"..", "secret"}};
        for (int i = 0; i < ids.length; i++) {
            Dataset img = RawDicomdir.record("IMAGE", "1.2.3." + i);
            img.setString(Tag.ReferencedFileID, VR.CS, ids[i]);
            recs.add(img);
        }
        Path f = RawDicomdir.write(root.resolve("DICOMDIR"), recs, (at, r) -> {
            RawDicomdir.setLower(r.get(0), at[1]);
            RawDicomdir.setLower(r.get(1), at[2]);
            RawDicomdir.setLower(r.get(2), at[3]);
            for (int i = 3; i + 1 < r.size(); i++) {
                RawDicomdir.setNext(r.get(i), at[i + 1]);
            }
            return at[0];
        });
        FileSetTree tree = DicomDirReader.read(f);
        List<DirectoryRecord> images = tree.allRecords().stream().filter(r -> r.type() == RecordType.IMAGE).toList();
        assertEquals(ids.length, images.size());
        for (DirectoryRecord img : images) {
            assertNull(img.referencedFile(), img.toString());
            assertTrue(tree.problems().stream().anyMatch(p -> p.offset() == img.offset()
                    && p.message().contains("refused")), "no refusal for " + img + ": " + tree.problems());
        }
    }

    @Test
    void followsTenThousandRecordsWithoutStackOverflow() throws IOException {
        List<Dataset> recs = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            recs.add(RawDicomdir.record("PATIENT", "P" + i));
        }
        Path f = RawDicomdir.write(tmp.resolve("DICOMDIR"), recs, (at, r) -> {
            for (int i = 0; i + 1 < r.size(); i++) {
                RawDicomdir.setNext(r.get(i), at[i + 1]);
            }
            return at[0];
        });
        FileSetTree tree = DicomDirReader.read(f);
        assertEquals(10_000, tree.roots().size());
        assertTrue(tree.problems().isEmpty(), tree.problems().toString());
    }

    @Test
    void followsTenThousandNestedLevelsWithoutStackOverflow() throws IOException {
        List<Dataset> recs = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            recs.add(RawDicomdir.record("SERIES", "1." + i));
        }
        Path f = RawDicomdir.write(tmp.resolve("DICOMDIR"), recs, (at, r) -> {
            chainDown(at, r);
            return at[0];
        });
        FileSetTree tree = DicomDirReader.read(f);
        assertEquals(10_000, tree.allRecords().size());
        FileSetSummary.of(tree);
    }
}
