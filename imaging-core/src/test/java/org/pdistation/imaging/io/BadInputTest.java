package org.pdistation.imaging.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.testing.SharedData;

/**
 * Hostile and damaged input: the reader's only allowed outcomes are a result (complete, or incomplete with an ERROR
 * problem) or a {@link DicomParseException} naming file and offset. Anything else (another exception, a stack
 * overflow, an out-of-memory error, a hang) is a bug.
 */
class BadInputTest {
    private static final List<ReadOptions> MODES =
            List.of(ReadOptions.HEADER_ONLY, ReadOptions.BULK_BY_REFERENCE, ReadOptions.IN_MEMORY);

    @TempDir
    Path dir;

    // ----- (a) truncation at every byte -------------------------------------------------------------------------

    static Stream<TransferSyntax> syntaxes() {
        return Stream.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
    }

    @ParameterizedTest
    @MethodSource("syntaxes")
    void truncationAtEveryByteGivesAProblemOrACompleteResultAtElementBoundaries(TransferSyntax ts) throws IOException {
        Dataset ds = SampleDatasets.small();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        DicomWriter.write(bos, null, ds, ts, WriteOptions.DEFAULT);
        byte[] whole = bos.toByteArray();
        Set<Long> boundaries = boundaries(ds, ts);
        long header = DicomWriter.headerLength(DicomWriter.fileMeta(null, ds, ts));
        long pixelTagOffset = boundaries.stream().filter(b -> b < whole.length).max(Long::compare).orElseThrow();
        Path f = dir.resolve("cut.dcm");
        List<String> failures = new ArrayList<>();
        for (int cut = 0; cut <= whole.length; cut++) {
            byte[] part = java.util.Arrays.copyOf(whole, cut);
            Files.write(f, part);
            for (ReadOptions opt : MODES) {
                // In a deflated file, only the meta group's boundaries are byte boundaries of the file.
                // PS3.5 A.5: an odd-length deflated stream is followed by one NULL pad byte; losing only that pad
                // loses no data, so a complete result is right there too.
                boolean padOnly = ts.deflated() && cut == whole.length - 1 && (whole.length - header) % 2 == 0
                        && whole[whole.length - 1] == 0;
                boolean completeAllowed = cut == whole.length || padOnly
                        || boundaries.contains((long) cut) && (!ts.deflated() || cut <= header)
                        || opt.mode() == ReadOptions.Mode.HEADER_ONLY && !ts.deflated() && cut >= pixelTagOffset + 8;
                String where = ts.uid() + " cut " + cut + " " + opt.mode();
                check(where + " file", f, () -> DicomReader.read(f, opt), completeAllowed, cut, failures);
                check(where + " stream", null, () -> DicomReader.read(new ByteArrayInputStream(part), opt),
                        completeAllowed, cut, failures);
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " unexpected outcomes, first ones:\n"
                    + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        }
    }

    private interface Read {
        DicomFile read() throws IOException;
    }

    private static void check(String where, Path file, Read read, boolean completeAllowed, long size,
                              List<String> failures) {
        try {
            DicomFile df = read.read();
            if (df.complete()) {
                // Header-only reading stops at the pixel data's tag and never sees what follows.
                if (!completeAllowed && df.pixelDataOffset() < 0) {
                    failures.add(where + ": complete result from a cut inside an element");
                }
            } else {
                ReadProblem error = df.problems().stream().filter(p -> p.severity() == ReadProblem.Severity.ERROR)
                        .findFirst().orElse(null);
                if (error == null) {
                    failures.add(where + ": incomplete without an ERROR problem: " + df.problems());
                } else if (error.offset() < 0) {
                    failures.add(where + ": error without an offset: " + error);
                }
            }
        } catch (DicomParseException e) {
            if (e.offset() < 0 || file != null && !e.getMessage().contains(file.toString())) {
                failures.add(where + ": exception lacks file or offset: " + e.getMessage());
            }
        } catch (Throwable e) {
            failures.add(where + ": " + e);
        }
    }

    /** Offsets at which a cut leaves only whole elements: after each meta element and each top-level element. */
    private static Set<Long> boundaries(Dataset ds, TransferSyntax ts) {
        Set<Long> result = new TreeSet<>();
        Dataset meta = DicomWriter.fileMeta(null, ds, ts);
        long header = DicomWriter.headerLength(meta);
        Dataset prefix = new Dataset(false, meta.size());
        // Nothing after "DICM" is read as an empty file without meta (with a warning), like a bare preamble.
        result.add(132L);
        result.add(132L + 12);
        for (int i = 0; i < meta.size(); i++) {
            prefix.set(meta.tagAt(i), meta.vrAt(i), meta.valueAt(i));
            result.add(132 + 12 + DicomWriter.encodedLength(prefix, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                    WriteOptions.DEFAULT));
        }
        prefix = new Dataset(ts.bigEndian(), ds.size());
        result.add(header);
        for (int i = 0; i < ds.size(); i++) {
            prefix.set(ds.tagAt(i), ds.vrAt(i), ds.valueAt(i));
            result.add(header + DicomWriter.encodedLength(prefix, ts, WriteOptions.DEFAULT));
        }
        return result;
    }

    // ----- (b) absurd lengths ---------------------------------------------------------------------------------

    private static byte[] hugeValue(long length) {
        DicomBytes b = DicomBytes.part10("1.2.840.10008.1.2.1");
        b.explicit(Tag.PatientID, "LO", DicomBytes.ascii("X1"));
        b.explicitHeader(0x00091010, "OB", length).raw(new byte[40]);
        return b.toByteArray();
    }

    @Test
    void aLengthOf4GBOnAShortFileIsAPreciseProblem() throws IOException {
        Path f = dir.resolve("huge.dcm");
        byte[] bytes = hugeValue(0xFFFFFFF0L);
        Files.write(f, bytes);
        for (ReadOptions opt : MODES) {
            DicomFile df = DicomReader.read(f, opt);
            assertFalse(df.complete(), opt.mode().name());
            ReadProblem p = firstError(df);
            assertEquals(0x00091010, p.tag());
            assertEquals(bytes.length - 40 - 12, p.offset());
            assertEquals("value length 4294967280 runs past the end of the file (40 bytes left)", p.message());
            assertEquals("X1", df.dataset().getString(Tag.PatientID));
            DicomParseException e = assertThrows(DicomParseException.class,
                    () -> DicomReader.read(f, opt.withStrict(true)));
            assertTrue(e.getMessage().startsWith(f + ": offset " + p.offset() + ", tag (0009,1010): value length"),
                    e.getMessage());
        }
    }

    @Test
    void aLengthOf4GBInAStreamFailsAtTheEndOfTheDataWithoutAllocatingIt() throws IOException {
        byte[] bytes = hugeValue(0xFFFFFFF0L);
        for (ReadOptions opt : MODES) {
            DicomFile df = DicomReader.read(new ByteArrayInputStream(bytes), opt);
            assertFalse(df.complete());
            ReadProblem p = firstError(df);
            assertEquals(0x00091010, p.tag());
            assertTrue(p.message().contains("4294967280"), p.message());
            assertEquals("X1", df.dataset().getString(Tag.PatientID));
        }
    }

    @Test
    void aLengthJustUnder2GBInAStreamIsReadInChunksAndFailsAtTheEnd() throws IOException {
        byte[] bytes = hugeValue(0x7FFFFFE0L);
        // A stream that trickles: a reader allocating the declared length up front would need 2 GB here.
        InputStream slow = new java.io.FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 7));
            }
        };
        DicomFile df = DicomReader.read(slow, ReadOptions.IN_MEMORY);
        assertFalse(df.complete());
        ReadProblem p = firstError(df);
        assertEquals(0x00091010, p.tag());
        assertTrue(p.message().startsWith("truncated: "), p.message());
    }

    @Test
    void anEncapsulatedFragmentOf4GBInAStreamIsAProblem() throws IOException {
        DicomBytes b = DicomBytes.part10("1.2.840.10008.1.2.4.50");
        b.explicitHeader(Tag.PixelData, "OB", DicomBytes.UNDEFINED).item(0).item(0xFFFFFFF0L).raw(new byte[16]);
        for (ReadOptions opt : List.of(ReadOptions.BULK_BY_REFERENCE, ReadOptions.IN_MEMORY)) {
            DicomFile df = DicomReader.read(new ByteArrayInputStream(b.toByteArray()), opt);
            assertFalse(df.complete());
            assertTrue(firstError(df).message().contains("4294967280"), firstError(df).message());
            Path f = dir.resolve("frag.dcm");
            Files.write(f, b.toByteArray());
            DicomFile fromFile = DicomReader.read(f, opt);
            assertEquals("fragment length 4294967280 runs past the end of the file (16 bytes left)",
                    firstError(fromFile).message());
        }
    }

    // ----- (c) deep nesting -------------------------------------------------------------------------------------

    private static final int DEPTH = 10_000;

    private static byte[] nestedUndefined(boolean explicit) {
        DicomBytes b = DicomBytes.part10(explicit ? "1.2.840.10008.1.2.1" : "1.2.840.10008.1.2");
        for (int i = 0; i < DEPTH; i++) {
            if (explicit) {
                b.explicitHeader(Tag.ContentSequence, "SQ", DicomBytes.UNDEFINED);
            } else {
                b.implicitHeader(Tag.ContentSequence, DicomBytes.UNDEFINED);
            }
            b.item(DicomBytes.UNDEFINED);
        }
        for (int i = 0; i < DEPTH; i++) {
            b.itemEnd().sequenceEnd();
        }
        return b.toByteArray();
    }

    private static byte[] nestedDefined() {
        byte[] inner = DicomBytes.le().explicit(Tag.CodeValue, "SH", DicomBytes.ascii("X ")).toByteArray();
        long[] content = new long[DEPTH + 1];
        content[0] = inner.length;
        for (int k = 1; k <= DEPTH; k++) {
            content[k] = content[k - 1] + 12 + 8;
        }
        DicomBytes b = DicomBytes.part10("1.2.840.10008.1.2.1");
        for (int k = DEPTH; k >= 1; k--) {
            b.explicitHeader(Tag.ContentSequence, "SQ", content[k - 1] + 8).item(content[k - 1]);
        }
        return b.raw(inner).toByteArray();
    }

    static Stream<byte[]> deeplyNested() {
        return Stream.of(nestedUndefined(true), nestedUndefined(false), nestedDefined());
    }

    @ParameterizedTest
    @MethodSource("deeplyNested")
    void sequencesNested10000DeepAreRefusedWithoutAStackOverflow(byte[] bytes) throws IOException {
        Path f = dir.resolve("deep.dcm");
        Files.write(f, bytes);
        for (ReadOptions opt : MODES) {
            DicomFile df = DicomReader.read(f, opt);
            assertFalse(df.complete());
            assertEquals("sequences nested deeper than 128", firstError(df).message());
            assertEquals(Tag.ContentSequence, firstError(df).tag());
            DicomFile fromStream = DicomReader.read(new ByteArrayInputStream(bytes), opt);
            assertEquals("sequences nested deeper than 128", firstError(fromStream).message());
            DicomParseException e = assertThrows(DicomParseException.class,
                    () -> DicomReader.read(f, opt.withStrict(true)));
            assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().endsWith("sequences nested deeper than 128"));
        }
    }

    // ----- (d) the shared broken files --------------------------------------------------------------------------

    static Stream<Path> brokenFiles() throws IOException {
        if (SharedData.dicomdata() == null || !Files.isDirectory(SharedData.dicomdata().resolve("broken"))) {
            return Stream.of();
        }
        return SharedDataReadTest.files("broken").stream();
    }

    @ParameterizedTest
    @MethodSource("brokenFiles")
    void brokenFilesGiveProblemsWithOffsetsAndNeverHang(Path f) {
        long size = f.toFile().length();
        List<String> failures = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (ReadOptions opt : MODES) {
                for (ReadOptions o : List.of(opt, opt.withStrict(true))) {
                    check(o + " file", f, () -> DicomReader.read(f, o), true, size, failures);
                    check(o + " stream", null, () -> {
                        try (InputStream in = Files.newInputStream(f)) {
                            return DicomReader.read(in, o);
                        }
                    }, true, size, failures);
                }
            }
        });
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
    }

    @Test
    void theTruncated3GBBulkFileNamesTheElementThatRunsPastTheEnd() throws IOException {
        Path f = SharedData.requireDicomFile("broken/dcm4che/3gb-bulk-data-truncated");
        DicomFile df = DicomReader.read(f, ReadOptions.IN_MEMORY);
        assertFalse(df.complete());
        assertEquals(Tag.PixelData, firstError(df).tag());
        assertTrue(firstError(df).message().startsWith("value length "), firstError(df).message());
        try (InputStream in = Files.newInputStream(f)) {
            DicomFile s = DicomReader.read(in, ReadOptions.IN_MEMORY);
            assertFalse(s.complete());
            assertEquals(Tag.PixelData, firstError(s).tag());
        }
    }

    // ----- (e) garbage ------------------------------------------------------------------------------------------

    @Test
    void randomBytesAreRefusedOrReadAsDamaged() throws IOException {
        Random random = new Random(20240611);
        Path f = dir.resolve("random.bin");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] b = new byte[random.nextInt(2000)];
            random.nextBytes(b);
            if (i % 3 == 0 && b.length > 140) {
                // Also with a valid signature, so that parsing goes past the first checks.
                System.arraycopy(DicomBytes.ascii("DICM"), 0, b, 128, 4);
            }
            Files.write(f, b);
            for (ReadOptions opt : MODES) {
                check("random " + i + " " + opt.mode(), f, () -> DicomReader.read(f, opt), true, b.length, failures);
                check("random " + i + " " + opt.mode() + " stream", null,
                        () -> DicomReader.read(new ByteArrayInputStream(b), opt), true, b.length, failures);
            }
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        }
    }

    @Test
    void anEmptyFileIsNotDicom() throws IOException {
        Path f = dir.resolve("empty.dcm");
        Files.write(f, new byte[0]);
        DicomParseException e = assertThrows(DicomParseException.class, () -> DicomReader.read(f));
        assertEquals(f + ": offset 0: not a DICOM file (too short)", e.getMessage());
    }

    @Test
    void aPreambleAndDicmAloneGiveAnEmptyDatasetWithAWarning() throws IOException {
        Path f = dir.resolve("preamble.dcm");
        Files.write(f, DicomBytes.le().raw(new byte[128]).raw(DicomBytes.ascii("DICM")).toByteArray());
        DicomFile df = DicomReader.read(f);
        assertTrue(df.dataset().isEmpty());
        assertTrue(df.fileMeta().isEmpty());
        assertTrue(df.problems().stream().anyMatch(p -> p.message().startsWith("no file meta information")),
                df.problems().toString());
    }

    @Test
    void anUnknownVRCodeIsReadAsUNWithALongHeader() throws IOException {
        DicomBytes b = DicomBytes.part10("1.2.840.10008.1.2.1");
        b.explicit(Tag.PatientID, "LO", DicomBytes.ascii("P1"));
        b.tag(0x00091010).raw(DicomBytes.ascii("ZZ")).u16(0).u32(4).raw(new byte[] {1, 2, 3, 4});
        b.explicit(Tag.StudyID, "SH", DicomBytes.ascii("S1"));
        DicomFile df = read(b);
        assertTrue(df.complete(), df.problems().toString());
        assertEquals(VR.UN, df.dataset().vrOf(0x00091010));
        assertEquals("S1", df.dataset().getString(Tag.StudyID));
        assertTrue(df.problems().stream().anyMatch(p -> p.message().equals("unknown VR \"ZZ\", read as UN")));
    }

    @Test
    void aMissingVRInAnExplicitStreamIsReadAsImplicit() throws IOException {
        DicomBytes b = DicomBytes.part10("1.2.840.10008.1.2.1");
        b.explicit(Tag.PatientID, "LO", DicomBytes.ascii("P1"));
        b.implicit(Tag.PatientSex, DicomBytes.ascii("F "));
        b.explicit(Tag.StudyID, "SH", DicomBytes.ascii("S1"));
        DicomFile df = read(b);
        assertTrue(df.complete(), df.problems().toString());
        assertEquals("F", df.dataset().getString(Tag.PatientSex));
        assertEquals("S1", df.dataset().getString(Tag.StudyID));
        assertTrue(df.problems().stream().anyMatch(
                p -> p.message().equals("no VR in an explicit VR stream; this element read as implicit VR")));
    }

    @Test
    void implicitDataUnderAnExplicitMetaIsReadAsImplicitWithAWarning() throws IOException {
        DicomBytes b = DicomBytes.part10("1.2.840.10008.1.2.1");
        b.implicit(Tag.SOPClassUID, DicomBytes.ascii("1.2.3\0"));
        b.implicit(Tag.PatientID, DicomBytes.ascii("P1"));
        DicomFile df = read(b);
        assertTrue(df.complete());
        assertFalse(df.transferSyntax().explicitVR());
        assertEquals("P1", df.dataset().getString(Tag.PatientID));
        assertTrue(df.problems().stream().anyMatch(p -> p.message().equals(
                "transfer syntax 1.2.840.10008.1.2.1 says explicit VR, but the data is implicit VR; reading implicit")));
    }

    @Test
    void explicitDataUnderAnImplicitMetaIsReadAsExplicitWithAWarning() throws IOException {
        DicomBytes b = DicomBytes.part10("1.2.840.10008.1.2");
        b.explicit(Tag.SOPClassUID, "UI", DicomBytes.ascii("1.2.3\0"));
        b.explicit(Tag.PatientID, "LO", DicomBytes.ascii("P1"));
        DicomFile df = read(b);
        assertTrue(df.complete());
        assertTrue(df.transferSyntax().explicitVR());
        assertEquals("P1", df.dataset().getString(Tag.PatientID));
        assertTrue(df.problems().stream().anyMatch(p -> p.message().equals(
                "transfer syntax says implicit VR, but the data is explicit VR; reading explicit")));
    }

    @Test
    void anUNElementOfUndefinedLengthIsReadAsAnImplicitVRSequence() throws IOException {
        DicomBytes b = DicomBytes.part10("1.2.840.10008.1.2.1");
        b.explicit(0x00090010, "LO", DicomBytes.ascii("VENDOR"));
        b.explicitHeader(0x00091010, "UN", DicomBytes.UNDEFINED);
        b.item(DicomBytes.UNDEFINED).implicit(Tag.CodeValue, DicomBytes.ascii("A1")).itemEnd();
        b.item(14).implicit(Tag.CodeMeaning, DicomBytes.ascii("ABCDEF")).sequenceEnd();
        b.explicit(Tag.StudyID, "SH", DicomBytes.ascii("S1"));
        DicomFile df = read(b);
        assertTrue(df.complete(), df.problems().toString());
        Sequence seq = df.dataset().getSequence(0x00091010);
        assertNotNull(seq);
        assertEquals(VR.SQ, df.dataset().vrOf(0x00091010));
        assertEquals(2, seq.size());
        assertEquals("A1", seq.get(0).getString(Tag.CodeValue));
        assertEquals("ABCDEF", seq.get(1).getString(Tag.CodeMeaning));
        assertEquals("S1", df.dataset().getString(Tag.StudyID));
    }

    @Test
    void aWrongTagWhereASequenceItemBelongsIsAnError() throws IOException {
        DicomBytes b = DicomBytes.part10("1.2.840.10008.1.2.1");
        b.explicit(Tag.PatientID, "LO", DicomBytes.ascii("P1"));
        long seqOffset = b.size();
        b.explicitHeader(Tag.ReferencedImageSequence, "SQ", DicomBytes.UNDEFINED);
        long itemOffset = b.size();
        b.explicit(Tag.ReferencedSOPClassUID, "UI", DicomBytes.ascii("1.2\0")).sequenceEnd();
        Path f = dir.resolve("wrongitem.dcm");
        Files.write(f, b.toByteArray());
        DicomFile df = DicomReader.read(f);
        assertFalse(df.complete());
        ReadProblem p = firstError(df);
        assertEquals(itemOffset, p.offset());
        assertEquals(Tag.ReferencedImageSequence, p.tag());
        assertEquals("expected an item tag (FFFE,E000) in the sequence, found (0008,1150)", p.message());
        assertEquals("P1", df.dataset().getString(Tag.PatientID));
        assertTrue(seqOffset < itemOffset);
        DicomParseException e = assertThrows(DicomParseException.class,
                () -> DicomReader.read(f, ReadOptions.IN_MEMORY.withStrict(true)));
        assertEquals(f + ": offset " + itemOffset + ", tag (0008,1140): expected an item tag (FFFE,E000) in the "
                + "sequence, found (0008,1150)", e.getMessage());
    }

    private DicomFile read(DicomBytes b) throws IOException {
        Path f = dir.resolve("case.dcm");
        Files.write(f, b.toByteArray());
        return DicomReader.read(f, ReadOptions.IN_MEMORY);
    }

    private static ReadProblem firstError(DicomFile df) {
        return df.problems().stream().filter(p -> p.severity() == ReadProblem.Severity.ERROR).findFirst()
                .orElseThrow(() -> new AssertionError("no error problem in " + df.problems()));
    }
}
