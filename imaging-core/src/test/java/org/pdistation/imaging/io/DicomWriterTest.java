package org.pdistation.imaging.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.BulkData;
import org.pdistation.imaging.data.ByteUtils;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.testing.Peers;

/** The writer's choices, checked on the bytes it produces and by DCMTK. */
class DicomWriterTest {
    @TempDir
    Path dir;

    @Test
    void groupLengthsCountTheBytesOfTheirGroupAndDcmdumpAgrees() throws IOException {
        Dataset ds = SampleDatasets.small();
        Path f = dir.resolve("gl.dcm");
        DicomWriter.write(f, null, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, new WriteOptions(true, true));
        byte[] b = Files.readAllBytes(f);
        Map<Integer, long[]> groups = walkGroups(b);
        assertTrue(groups.keySet().containsAll(List.of(0x0002, 0x0008, 0x0010, 0x0020, 0x0028, 0x7FE0)), groups.keySet().toString());
        for (Map.Entry<Integer, long[]> g : groups.entrySet()) {
            assertEquals(g.getValue()[1], g.getValue()[0], "group " + Integer.toHexString(g.getKey()));
        }
        Peers.Result dump = Peers.run(Duration.ofSeconds(60), Peers.require("dcmdump").toString(), f.toString())
                .requireSuccess();
        Matcher m = Pattern.compile("^\\(([0-9a-f]{4}),0000\\) UL (\\d+)", Pattern.MULTILINE).matcher(dump.stdout());
        int seen = 0; // top-level lines only: items carry group lengths of their own
        while (m.find()) {
            int group = Integer.parseInt(m.group(1), 16);
            assertEquals(groups.get(group)[1], Long.parseLong(m.group(2)), "dcmdump's group " + m.group(1));
            seen++;
        }
        assertEquals(groups.size(), seen, dump.stdout());
        DicomFile back = DicomReader.read(f, ReadOptions.IN_MEMORY);
        assertTrue(back.complete());
        assertEquals(List.of(), DatasetComparison.differences(ds, back.dataset(), false).stream()
                .filter(d -> !d.contains("(0010,0010)") && !d.contains("(0020,4000)")).toList());
    }

    /**
     * Walks top-level explicit VR LE elements (sequences must have defined lengths): for each group, {declared group
     * length, bytes counted after the group length element}.
     */
    private static Map<Integer, long[]> walkGroups(byte[] b) {
        Map<Integer, long[]> groups = new LinkedHashMap<>();
        int p = 132;
        while (p < b.length) {
            int tag = ByteUtils.tag(b, p, false);
            String vr = new String(b, p + 4, 2, StandardCharsets.US_ASCII);
            long len;
            int header;
            if (DicomBytes.longHeader(vr)) {
                len = ByteUtils.u32(b, p + 8, false);
                header = 12;
            } else {
                len = ByteUtils.u16(b, p + 6, false);
                header = 8;
            }
            int group = tag >>> 16;
            if ((tag & 0xFFFF) == 0) {
                groups.put(group, new long[] {ByteUtils.u32(b, p + 8, false), 0});
            } else {
                groups.get(group)[1] += header + len;
            }
            p += header + (int) len;
        }
        return groups;
    }

    @Test
    void definedLengthSequencesAreWrittenWithoutDelimiters() throws IOException {
        Dataset ds = SampleDatasets.small();
        for (TransferSyntax ts : List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                TransferSyntax.EXPLICIT_VR_BIG_ENDIAN)) {
            Path f = dir.resolve("defined.dcm");
            DicomWriter.write(f, null, ds, ts, WriteOptions.DEFINED_LENGTHS);
            String dump = Peers.run(Duration.ofSeconds(60), Peers.require("dcmdump").toString(), f.toString())
                    .requireSuccess().stdout();
            assertTrue(dump.contains("(0008,1140) SQ (Sequence with explicit length #=2)"), dump);
            assertTrue(dump.contains("(fffe,e000) na (Item with explicit length #=3)"), dump);
            assertFalse(dump.contains("undefined length"), dump);
            // dcmdump lists pseudo delimiters "for re-encoding" after defined-length items; the bytes have none.
            byte[] b = Files.readAllBytes(f);
            byte[] delimiter = new byte[4];
            ByteUtils.putTag(delimiter, 0, Tag.ItemDelimitationItem, ts.bigEndian());
            assertEquals(-1, indexOf(b, delimiter), ts.uid());
            DicomFile back = DicomReader.read(f, ReadOptions.IN_MEMORY);
            assertTrue(back.complete());
            assertEquals(List.of(), DatasetComparison.differences(DicomReader.read(write(ds, ts), ReadOptions.IN_MEMORY)
                    .dataset(), back.dataset(), !ts.explicitVR()));
        }
    }

    private Path write(Dataset ds, TransferSyntax ts) throws IOException {
        Path f = Files.createTempFile(dir, "ref", ".dcm");
        DicomWriter.write(f, null, ds, ts, WriteOptions.DEFAULT);
        return f;
    }

    @Test
    void oddLengthValuesArePaddedWithTheirVRsPaddingByte() throws IOException {
        Dataset ds = new Dataset();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.3");
        ds.setBytes(Tag.SOPInstanceUID, VR.UI, "1.2.345".getBytes(StandardCharsets.US_ASCII));
        ds.setBytes(Tag.PatientID, VR.LO, "ABC".getBytes(StandardCharsets.US_ASCII));
        ds.setString(Tag.PatientName, VR.PN, "Doe^J");
        ds.setBytes(0x00091010, VR.OB, new byte[] {1, 2, 3});
        ds.setString(0x00090010, VR.LO, "X");
        for (TransferSyntax ts : List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN)) {
            Dataset back = DicomReader.read(write(ds, ts), ReadOptions.IN_MEMORY).dataset();
            assertArrayEquals("1.2.3\0".getBytes(StandardCharsets.US_ASCII), back.getBytes(Tag.SOPClassUID), ts.uid());
            assertArrayEquals("1.2.345\0".getBytes(StandardCharsets.US_ASCII), back.getBytes(Tag.SOPInstanceUID));
            assertArrayEquals("ABC ".getBytes(StandardCharsets.US_ASCII), back.getBytes(Tag.PatientID));
            assertArrayEquals("Doe^J ".getBytes(StandardCharsets.US_ASCII), back.getBytes(Tag.PatientName));
            assertArrayEquals("X ".getBytes(StandardCharsets.US_ASCII), back.getBytes(0x00090010));
            assertArrayEquals(new byte[] {1, 2, 3, 0}, back.getBytes(0x00091010));
        }
    }

    @Test
    void aValueTooLongForA16BitLengthIsWrittenAsUN() throws IOException {
        Dataset ds = new Dataset();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.3");
        byte[] text = new byte[70_000];
        Arrays.fill(text, (byte) 'A');
        ds.setBytes(Tag.StudyDescription, VR.LO, text);
        ds.setString(Tag.PatientID, VR.LO, "P");
        Path f = write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        byte[] b = Files.readAllBytes(f);
        byte[] header = new byte[12];
        ByteUtils.putTag(header, 0, Tag.StudyDescription, false);
        header[4] = 'U';
        header[5] = 'N';
        ByteUtils.put32(header, 8, 70_000, false);
        assertTrue(indexOf(b, header) > 0, "PS3.5 6.2.2: written as UN with a 32-bit length");
        DicomFile back = DicomReader.read(f, ReadOptions.IN_MEMORY);
        assertTrue(back.complete());
        assertEquals(VR.UN, back.dataset().vrOf(Tag.StudyDescription));
        assertArrayEquals(text, back.dataset().getBytes(Tag.StudyDescription));
        assertEquals("P", back.dataset().getString(Tag.PatientID));
        Peers.run(Duration.ofSeconds(60), Peers.require("dcmdump").toString(), f.toString()).requireSuccess();
        // Implicit VR has 32-bit lengths for everything: nothing to change.
        Dataset implicit = DicomReader.read(write(ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN), ReadOptions.IN_MEMORY).dataset();
        assertEquals(VR.LO, implicit.vrOf(Tag.StudyDescription));
        assertArrayEquals(text, implicit.getBytes(Tag.StudyDescription));
    }

    @Test
    void fileMetaFollowsPs310Section71() throws IOException {
        Dataset ds = SampleDatasets.small();
        Path f = write(ds, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);
        byte[] b = Files.readAllBytes(f);
        assertArrayEquals(new byte[128], Arrays.copyOf(b, 128), "preamble of zeros");
        assertEquals("DICM", new String(b, 128, 4, StandardCharsets.US_ASCII));
        // (0002,0000) UL, explicit VR little endian even when the dataset is big endian.
        assertArrayEquals(new byte[] {2, 0, 0, 0, 'U', 'L', 4, 0}, Arrays.copyOfRange(b, 132, 140));
        long groupLength = ByteUtils.u32(b, 140, false);
        int datasetStart = (int) (144 + groupLength);
        assertEquals(Tag.SpecificCharacterSet, ByteUtils.tag(b, datasetStart, true), "big-endian dataset right after the meta");
        DicomFile back = DicomReader.read(f, ReadOptions.IN_MEMORY);
        Dataset meta = back.fileMeta();
        assertArrayEquals(new byte[] {0, 1}, meta.getBytes(Tag.FileMetaInformationVersion));
        assertEquals(VR.OB, meta.vrOf(Tag.FileMetaInformationVersion));
        assertEquals(ds.getString(Tag.SOPClassUID), meta.getString(Tag.MediaStorageSOPClassUID));
        assertEquals(ds.getString(Tag.SOPInstanceUID), meta.getString(Tag.MediaStorageSOPInstanceUID));
        assertEquals(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN.uid(), meta.getString(Tag.TransferSyntaxUID));
        assertEquals(Implementation.CLASS_UID, meta.getString(Tag.ImplementationClassUID));
        assertEquals(Implementation.VERSION_NAME, meta.getString(Tag.ImplementationVersionName));
        assertEquals(groupLength, meta.getLong(Tag.FileMetaInformationGroupLength, -1));
        assertEquals(DicomWriter.headerLength(DicomWriter.fileMeta(null, ds, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN)),
                datasetStart);
        assertTrue(back.problems().isEmpty(), back.problems().toString());
        assertTrue(back.hasPreamble());
        assertFalse(back.dataset().contains(Tag.TransferSyntaxUID), "group 0002 only in the meta");
    }

    @Test
    void filesAreReadableByTheOwnerOnly() throws IOException {
        Path f = dir.resolve("private.dcm");
        DicomWriter.write(f, SampleDatasets.small(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void aDatasetThatCannotBeEncodedLeavesNoPartialFile() throws IOException {
        Dataset ds = SampleDatasets.small();
        // Encoding fails halfway: the pixel data refers to a file that is gone.
        ds.set(Tag.PixelData, VR.OW, new BulkData(dir.resolve("gone.raw"), 0, 1 << 20, false));
        Path f = dir.resolve("new.dcm");
        assertThrows(IOException.class, () -> DicomWriter.write(f, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        assertFalse(Files.exists(f));
        Path existing = dir.resolve("existing.dcm");
        Files.writeString(existing, "previous content");
        assertThrows(IOException.class, () -> DicomWriter.write(existing, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        assertEquals("previous content", Files.readString(existing));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("existing.dcm"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file left behind");
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
