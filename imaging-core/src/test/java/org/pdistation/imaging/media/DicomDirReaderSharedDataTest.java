package org.pdistation.imaging.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

class DicomDirReaderSharedDataTest {
    @TempDir
    Path tmp;

    static Stream<Path> dicomdirs() throws IOException {
        Path data = SharedData.require();
        try (Stream<Path> s = Files.walk(data)) {
            return s.filter(p -> p.getFileName().toString().startsWith("DICOMDIR") && Files.isRegularFile(p))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("dicomdirs")
    void readsTheSameTreeAsPydicom(Path dicomdir) throws IOException {
        FileSetTree tree = DicomDirReader.read(dicomdir);
        String ours = TreeText.of(tree.roots());
        String theirs = PydicomTree.tree(dicomdir, tmp);
        if (theirs == null) {
            // pydicom refuses it (unknown record type): our tree must still hold every referenced instance
            // dcmdump lists, and say what was wrong.
            assertFalse(tree.problems().isEmpty(), "problems expected for " + dicomdir);
            Path dcmdump = Peers.require("dcmdump");
            String dump = Peers.run(Duration.ofSeconds(60), dcmdump.toString(), "+P", "0004,1511", dicomdir.toString())
                    .requireSuccess().stdout();
            long inDump = dump.lines().filter(l -> l.contains("(0004,1511)")).count();
            long inTree = tree.allRecords().stream().filter(r -> r.keys().contains(Tag.ReferencedSOPInstanceUIDInFile))
                    .count();
            assertEquals(inDump, inTree, "referenced instances in " + dicomdir);
            return;
        }
        assertEquals(theirs, ours, "tree of " + dicomdir + "; problems: " + tree.problems());
    }

    @Test
    void resolvesReferencedFilesOfThePydicomSet() throws IOException {
        Path dicomdir = SharedData.requireDicomFile("dicomdir/pydicom-dicomdirtests/DICOMDIR");
        FileSetTree tree = DicomDirReader.read(dicomdir);
        List<DirectoryRecord> leaves = tree.allRecords().stream().filter(r -> r.type() == RecordType.IMAGE).toList();
        assertFalse(leaves.isEmpty());
        for (DirectoryRecord r : leaves) {
            assertNotNull(r.referencedFile(), "unresolved " + r);
            assertTrue(Files.isRegularFile(r.referencedFile()));
        }
        assertTrue(tree.problems().isEmpty(), tree.problems().toString());
    }

    @Test
    void rebuildsTheHierarchyWhenOffsetsAreMissing() throws IOException {
        Path dicomdir = SharedData.requireDicomFile("dicomdir/pydicom-dicomdirtests/DICOMDIR-nooffset");
        Path reference = SharedData.requireDicomFile("dicomdir/pydicom-dicomdirtests/DICOMDIR");
        FileSetTree tree = DicomDirReader.read(dicomdir);
        assertEquals(TreeText.of(DicomDirReader.read(reference).roots()), TreeText.of(tree.roots()));
    }

    @Test
    void keepsUnknownRecordTypesWithAProblem() throws IOException {
        Path dicomdir = SharedData.requireDicomFile("dicomdir/pydicom-dicomdirtests/DICOMDIR-nopatient");
        FileSetTree tree = DicomDirReader.read(dicomdir);
        assertTrue(tree.allRecords().stream().anyMatch(r -> r.type() == RecordType.UNKNOWN));
        assertTrue(tree.problems().stream().anyMatch(p -> p.message().contains("unknown directory record type")),
                tree.problems().toString());
        FileSetSummary damaged = FileSetSummary.of(tree);
        FileSetSummary intact = FileSetSummary.of(DicomDirReader.read(
                SharedData.requireDicomFile("dicomdir/pydicom-dicomdirtests/DICOMDIR")));
        assertEquals(intact.instances(), damaged.instances());
        assertEquals(intact.patients(), damaged.patients());
    }

    @Test
    void reportsMissingReferencedFilesOfAnOrphanDicomdir() throws IOException {
        Path dicomdir = SharedData.requireDicomFile("broken/fo-dicom/DICOMDIR");
        FileSetTree tree = DicomDirReader.read(dicomdir);
        assertFalse(tree.roots().isEmpty());
        assertTrue(tree.problems().stream().anyMatch(p -> p.message().contains("not found")));
    }

    @Test
    void summarisesTheFileSet() throws IOException {
        Path dicomdir = SharedData.requireDicomFile("dicomdir/pydicom-dicomdirtests/DICOMDIR");
        FileSetSummary s = FileSetOpener.open(dicomdir.getParent()).summary();
        long leaves = DicomDirReader.read(dicomdir).allRecords().stream().filter(r -> r.type().isLeaf()).count();
        assertEquals(leaves, s.instances());
        assertTrue(s.patients() >= 1);
    }
}
