package org.pdistation.imaging.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.testing.Peers;

class DicomDirWriterTest {
    @TempDir
    Path tmp;

    private DicomDirWriter.Outcome writeSet(Path root, Profile profile) throws IOException {
        SyntheticFileSet.create(root);
        return DicomDirWriter.write(new DicomDirWriter.Request(root, profile, "PDI_TEST"));
    }

    @Test
    void writesOneRecordPerEntityWithOffsetsOnItemTags() throws IOException {
        Path root = tmp.resolve("set");
        DicomDirWriter.Outcome out = writeSet(root, Profile.STD_GEN_CD);
        assertEquals(2, out.patients());
        assertEquals(3, out.studies());
        assertEquals(6, out.series());
        assertEquals(20, out.instances());
        assertTrue(out.skipped().isEmpty(), out.problems().toString());

        DicomFile df = DicomReader.read(out.dicomdir(), ReadOptions.IN_MEMORY.withStrict(true));
        assertEquals(UID.MediaStorageDirectoryStorage, df.fileMeta().getString(Tag.MediaStorageSOPClassUID));
        assertEquals(out.fileSetUid(), df.fileMeta().getString(Tag.MediaStorageSOPInstanceUID));
        assertEquals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), df.fileMeta().getString(Tag.TransferSyntaxUID));
        assertEquals("PDI_TEST", df.dataset().getString(Tag.FileSetID));
        assertEquals(0, df.dataset().getInt(Tag.FileSetConsistencyFlag, -1));

        Sequence seq = df.dataset().getSequence(Tag.DirectoryRecordSequence);
        Set<Long> itemPositions = new HashSet<>();
        for (Dataset item : seq) {
            itemPositions.add(item.streamPosition());
        }
        byte[] bytes = Files.readAllBytes(out.dicomdir());
        List<Long> offsets = new ArrayList<>();
        offsets.add(df.dataset().getLong(Tag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, 0));
        offsets.add(df.dataset().getLong(Tag.OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity, 0));
        for (Dataset item : seq) {
            offsets.add(item.getLong(Tag.OffsetOfTheNextDirectoryRecord, 0));
            offsets.add(item.getLong(Tag.OffsetOfReferencedLowerLevelDirectoryEntity, 0));
            assertEquals(0xFFFF, item.getInt(Tag.RecordInUseFlag, 0));
        }
        for (long off : offsets) {
            if (off == 0) {
                continue;
            }
            assertTrue(itemPositions.contains(off), "offset " + off + " is not an item start");
            // PS3.3 F.3.2.1: (FFFE,E000) little endian
            assertArrayEquals(new byte[] {(byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0},
                    java.util.Arrays.copyOfRange(bytes, (int) off, (int) off + 4), "bytes at " + off);
        }
    }

    @Test
    void readsBackTheTreeItWrote() throws IOException {
        Path root = tmp.resolve("set");
        DicomDirWriter.Outcome out = writeSet(root, Profile.STD_GEN_DVD_JPEG);
        FileSetTree tree = DicomDirReader.read(out.dicomdir());
        assertTrue(tree.problems().isEmpty(), tree.problems().toString());
        assertEquals(2, tree.roots().size());
        List<DirectoryRecord> all = tree.allRecords();
        assertEquals(20, all.stream().filter(r -> r.type().isLeaf()).count());
        assertEquals(2, all.stream().filter(r -> r.type() == RecordType.SR_DOCUMENT).count());
        for (DirectoryRecord r : all) {
            if (r.type().isLeaf()) {
                assertNotNull(r.referencedFile(), "unresolved " + r);
                DicomFile f = DicomReader.read(r.referencedFile(), ReadOptions.HEADER_ONLY);
                assertEquals(f.fileMeta().getString(Tag.MediaStorageSOPInstanceUID),
                        r.keys().getString(Tag.ReferencedSOPInstanceUIDInFile));
                assertEquals(f.fileMeta().getString(Tag.MediaStorageSOPClassUID),
                        r.keys().getString(Tag.ReferencedSOPClassUIDInFile));
            }
            if (r.type() == RecordType.IMAGE) {
                assertEquals(4, r.keys().getInt(Tag.Rows, 0)); // DVD profile key
            }
        }
        DirectoryRecord latin = tree.roots().stream()
                .filter(r -> "PAT002".equals(r.keys().getString(Tag.PatientID))).findFirst().orElseThrow();
        assertEquals("ISO_IR 100", latin.keys().getString(Tag.SpecificCharacterSet));
        assertArrayEquals("Müller^Jürgen".getBytes(StandardCharsets.ISO_8859_1),
                trimmed(latin.keys().getBytes(Tag.PatientName)));
        DirectoryRecord ascii = tree.roots().stream()
                .filter(r -> "PAT001".equals(r.keys().getString(Tag.PatientID))).findFirst().orElseThrow();
        assertFalse(ascii.keys().contains(Tag.SpecificCharacterSet));
        assertEquals("19700101", ascii.keys().getString(Tag.PatientBirthDate));
    }

    private static byte[] trimmed(byte[] b) {
        int n = b.length;
        while (n > 0 && (b[n - 1] == ' ' || b[n - 1] == 0)) {
            n--;
        }
        return java.util.Arrays.copyOf(b, n);
    }

    @Test
    void passesDicom3toolsChecks() throws IOException {
        Path dciodvfy = Peers.require("dciodvfy");
        Path dcentvfy = Peers.require("dcentvfy");
        Path root = tmp.resolve("set");
        DicomDirWriter.Outcome out = writeSet(root, Profile.STD_GEN_CD);
        Peers.Result iod = Peers.run(Duration.ofSeconds(60), dciodvfy.toString(), out.dicomdir().toString());
        String iodText = iod.stdout() + iod.stderr();
        assertFalse(iodText.lines().anyMatch(l -> l.startsWith("Error")), iodText);

        List<String> cmd = new ArrayList<>(List.of(dcentvfy.toString()));
        try (Stream<Path> s = Files.walk(root.resolve("DICOM"))) {
            s.filter(Files::isRegularFile).sorted().forEach(p -> cmd.add(p.toString()));
        }
        Peers.Result ent = Peers.run(Duration.ofSeconds(60), cmd);
        String entText = ent.stdout() + ent.stderr();
        assertFalse(entText.lines().anyMatch(l -> l.startsWith("Error")), entText);
    }

    @Test
    void dcmdumpAndPydicomReadTheSameTree() throws IOException {
        Path dcmdump = Peers.require("dcmdump");
        Path root = tmp.resolve("set");
        DicomDirWriter.Outcome out = writeSet(root, Profile.STD_GEN_CD);
        Peers.Result dump = Peers.run(Duration.ofSeconds(60), dcmdump.toString(), "-E", out.dicomdir().toString());
        assertEquals(0, dump.exitCode(), dump.stdout() + dump.stderr());
        assertFalse((dump.stdout() + dump.stderr()).contains("E: "), dump.stderr());

        String theirs = PydicomTree.tree(out.dicomdir(), tmp);
        assertNotNull(theirs, "pydicom refused our DICOMDIR");
        assertEquals(theirs, TreeText.of(DicomDirReader.read(out.dicomdir()).roots()));
    }

    @Test
    void buildsTheSameTreeAsDcmmkdir() throws IOException {
        Path dcmmkdir = Peers.require("dcmmkdir");
        Path ours = tmp.resolve("ours");
        DicomDirWriter.Outcome out = writeSet(ours, Profile.STD_GEN_CD);
        Path theirs = tmp.resolve("theirs");
        try (Stream<Path> s = Files.walk(ours.resolve("DICOM"))) {
            for (Path p : s.toList()) {
                Path target = theirs.resolve(ours.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Peers.Result r = Peers.run(Duration.ofSeconds(60), dcmmkdir.toString(), "+r", "+id", theirs.toString(),
                "+D", theirs.resolve("DICOMDIR").toString(), "DICOM");
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertEquals(TreeText.of(DicomDirReader.read(theirs.resolve("DICOMDIR")).roots()),
                TreeText.of(DicomDirReader.read(out.dicomdir()).roots()));
    }

    @Test
    void skipsNonDicomFilesAndNonConformantFileIds() throws IOException {
        Path root = tmp.resolve("set");
        SyntheticFileSet.create(root);
        Files.writeString(root.resolve("README.TXT"), "not DICOM");
        Files.copy(root.resolve("DICOM/P0/ST0/SE0/IM0"), root.resolve("DICOM/P0/ST0/SE0/im_lower.dcm"));
        DicomDirWriter.Outcome out = DicomDirWriter.write(new DicomDirWriter.Request(root, Profile.STD_GEN_CD, ""));
        assertEquals(20, out.instances());
        assertEquals(2, out.skipped().size(), out.problems().toString());
        assertTrue(out.problems().stream().anyMatch(p -> p.message().contains("not conformant")));
        assertTrue(out.problems().stream().anyMatch(p -> p.message().contains("not a DICOM")));
    }

    @Test
    void generatesAStudyIdWhenTheInstanceHasNone() throws IOException {
        Path root = tmp.resolve("set");
        Dataset ds = new Dataset();
        ds.setString(Tag.SOPClassUID, org.pdistation.imaging.data.VR.UI, SyntheticFileSet.CT);
        ds.setString(Tag.SOPInstanceUID, org.pdistation.imaging.data.VR.UI, "2.25.99.1");
        ds.setString(Tag.StudyInstanceUID, org.pdistation.imaging.data.VR.UI, "2.25.99");
        ds.setString(Tag.SeriesInstanceUID, org.pdistation.imaging.data.VR.UI, "2.25.99.0");
        ds.setString(Tag.PatientID, org.pdistation.imaging.data.VR.LO, "X");
        org.pdistation.imaging.io.DicomWriter.write(root.resolve("IM1"), ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        DicomDirWriter.Outcome out = DicomDirWriter.write(new DicomDirWriter.Request(root, Profile.STD_GEN_CD, ""));
        assertTrue(out.problems().stream().anyMatch(p -> p.message().contains("no Study ID; generated")),
                out.problems().toString());
        FileSetTree tree = DicomDirReader.read(out.dicomdir());
        DirectoryRecord study = tree.roots().get(0).children().get(0);
        assertEquals("1", study.keys().getString(Tag.StudyID));
        assertTrue(study.keys().contains(Tag.StudyDescription)); // type 2: present, empty
    }

    @Test
    void reportsDuplicateSopInstanceUids() throws IOException {
        Path root = tmp.resolve("set");
        SyntheticFileSet.create(root);
        Files.copy(root.resolve("DICOM/P0/ST0/SE0/IM0"), root.resolve("DICOM/P0/ST0/SE0/IM99"));
        DicomDirWriter.Outcome out = DicomDirWriter.write(new DicomDirWriter.Request(root, Profile.STD_GEN_CD, ""));
        assertEquals(20, out.instances());
        assertTrue(out.problems().stream().anyMatch(p -> p.message().contains("duplicate SOP Instance UID")));
    }

    @Test
    void reportsFilesThatDisagreeWithTheirPatientRecord() throws IOException {
        Path root = tmp.resolve("set");
        SyntheticFileSet.create(root);
        Path f = root.resolve("DICOM/P0/ST0/SE1/IM0");
        DicomFile df = DicomReader.read(f, ReadOptions.IN_MEMORY);
        df.dataset().setString(Tag.PatientName, org.pdistation.imaging.data.VR.PN, "Other^Name");
        org.pdistation.imaging.io.DicomWriter.write(f, df.fileMeta(), df.dataset(), df.transferSyntax(),
                org.pdistation.imaging.io.WriteOptions.DEFAULT);
        DicomDirWriter.Outcome out = DicomDirWriter.write(new DicomDirWriter.Request(root, Profile.STD_GEN_CD, ""));
        assertTrue(out.problems().stream().anyMatch(p -> p.message().startsWith("PatientName differs")
                && p.file().equals(f.toAbsolutePath())), out.problems().toString());
        assertTrue(out.problems().stream().noneMatch(p -> p.message().contains("Other")));
    }

    @Test
    void everyRecordKeyNamesAKnownAttribute() {
        RecordKeys keys = RecordKeys.load();
        assertFalse(keys.keysFor(RecordType.PATIENT, Profile.STD_GEN_CD).isEmpty());
        assertEquals(List.of("PatientName", "PatientID", "PatientBirthDate", "PatientSex"),
                keys.keysFor(RecordType.PATIENT, Profile.STD_GEN_USB_JPEG).stream().map(RecordKeys.Key::keyword)
                        .toList());
    }
}
