package org.pdistation.imaging.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSetScannerTest {
    @TempDir
    Path tmp;

    @Test
    void scanGivesTheSameSummaryAsTheDicomdir() throws IOException {
        Path root = tmp.resolve("set");
        SyntheticFileSet.create(root);
        Files.writeString(root.resolve("README.TXT"), "hello");
        FileSetOpener.Opened scanned = FileSetOpener.open(root);
        assertNull(scanned.tree());
        DicomDirWriter.write(new DicomDirWriter.Request(root, Profile.STD_GEN_CD, "X"));
        FileSetOpener.Opened fromDir = FileSetOpener.open(root);
        assertEquals(sorted(fromDir.summary()), sorted(scanned.summary()));
        assertEquals(20, scanned.summary().instances());
        assertEquals(2, scanned.summary().patients());
        assertEquals(3, scanned.summary().studies());
    }

    private static List<SeriesSummary> sorted(FileSetSummary s) {
        return s.series().stream().sorted(java.util.Comparator.comparing(SeriesSummary::seriesUid)).toList();
    }

    @Test
    void findsTheDicomdirWhateverItsCase() throws IOException {
        Path root = tmp.resolve("set");
        SyntheticFileSet.create(root);
        DicomDirWriter.write(new DicomDirWriter.Request(root, Profile.STD_GEN_CD, ""));
        Files.move(root.resolve("DICOMDIR"), root.resolve("dicomdir"));
        assertEquals(root.resolve("dicomdir"), FileSetOpener.findDicomdir(root));
        assertTrue(FileSetOpener.open(root).tree() != null);
    }

    @Test
    void doesNotFollowLinksOutOfTheRoot() throws IOException {
        Path outside = tmp.resolve("outside");
        SyntheticFileSet.create(outside);
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.createSymbolicLink(root.resolve("LINK"), outside.resolve("DICOM"));
        assertEquals(0, FileSetScanner.scan(root).instances().size());
    }

    @Test
    void formatsTsvWithTheDocumentedColumns() throws IOException {
        Path root = tmp.resolve("set");
        SyntheticFileSet.create(root);
        String tsv = SummaryFormat.tsv(FileSetOpener.open(root).summary());
        List<String> lines = tsv.lines().toList();
        assertEquals("patient_id\tpatient_name\tstudy_uid\tstudy_date\tseries_uid\tmodality\tinstances", lines.get(0));
        assertEquals(7, lines.size());
        assertTrue(lines.contains("PAT001\tDoe^John\t" + SyntheticFileSet.studyUid(0, 0) + "\t20260110\t"
                + SyntheticFileSet.seriesUid(0, 0, 0) + "\tCT\t6"), tsv);
        String text = SummaryFormat.text(FileSetOpener.open(root).summary());
        assertTrue(text.contains("Patient PAT002 Müller^Jürgen (2 studies, 8 instances)"), text);
        assertTrue(text.endsWith("2 patient(s), 3 study(ies), 6 series, 20 instance(s)\n"), text);
    }
}
