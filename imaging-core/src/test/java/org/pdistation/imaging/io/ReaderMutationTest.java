package org.pdistation.imaging.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.Tag;

/**
 * Seeded mutation of valid files, run in every build (Jazzer only replays its seeds there; see
 * {@link DicomReaderFuzzTest}). 20,000 mutants of generated files in every uncompressed syntax plus hand-made
 * structures, each read from a stream in every mode; every 20th also from a file. Bounded in time so that a slow
 * machine shortens the run rather than failing it.
 */
class ReaderMutationTest {
    private static final int ITERATIONS = 20_000;
    private static final long TIME_LIMIT_NANOS = 60_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void mutantsOfValidFilesGiveAResultOrADicomParseException() throws IOException {
        List<byte[]> seeds = seeds();
        Random random = new Random(0x5EED_D1C0L);
        Path file = dir.resolve("mutant.dcm");
        long start = System.nanoTime();
        int done = 0;
        while (done < ITERATIONS && System.nanoTime() - start < TIME_LIMIT_NANOS) {
            byte[] mutant = mutate(seeds.get(random.nextInt(seeds.size())), random);
            try {
                ReaderFuzzTarget.readStream(mutant);
                if (done % 20 == 0) {
                    ReaderFuzzTarget.readFile(mutant, file);
                }
            } catch (Throwable t) {
                throw new AssertionError("mutant " + done + " (" + mutant.length + " bytes, hex "
                        + java.util.HexFormat.of().formatHex(mutant, 0, Math.min(mutant.length, 400)) + "...)", t);
            }
            done++;
        }
        assertTrue(done >= 1000, "only " + done + " mutants in the time limit");
    }

    static List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (TransferSyntax ts : List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN)) {
            for (WriteOptions opt : List.of(WriteOptions.DEFAULT, new WriteOptions(true, true))) {
                ByteArrayOutputStream bos = new ByteArrayOutputStream();
                DicomWriter.write(bos, null, SampleDatasets.small(), ts, opt);
                seeds.add(bos.toByteArray());
            }
        }
        DicomBytes un = DicomBytes.part10("1.2.840.10008.1.2.1");
        un.explicitHeader(0x00091010, "UN", DicomBytes.UNDEFINED)
                .item(DicomBytes.UNDEFINED).implicit(Tag.CodeValue, DicomBytes.ascii("A1")).itemEnd().sequenceEnd();
        seeds.add(un.toByteArray());
        DicomBytes encapsulated = DicomBytes.part10("1.2.840.10008.1.2.4.50");
        encapsulated.explicitHeader(Tag.PixelData, "OB", DicomBytes.UNDEFINED).item(4).u32(0).item(6)
                .raw(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, (byte) 0xFF, (byte) 0xD9}).sequenceEnd();
        seeds.add(encapsulated.toByteArray());
        return seeds;
    }

    /** A few byte flips, 16/32-bit "interesting" values (lengths!), cuts, duplications and deletions. */
    private static byte[] mutate(byte[] seed, Random r) {
        byte[] b = seed.clone();
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits && b.length > 8; e++) {
            int at = r.nextInt(b.length - 4);
            switch (r.nextInt(6)) {
                case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b[at] = (byte) r.nextInt(256);
                case 2 -> {
                    long[] interesting = {0, 1, 0x7F, 0xFF, 0xFFFF, 0x7FFFFFFF, 0xFFFFFFF0L, 0xFFFFFFFFL, 0x80000000L};
                    long v = interesting[r.nextInt(interesting.length)];
                    int width = r.nextBoolean() ? 2 : 4;
                    for (int k = 0; k < width; k++) {
                        b[at + k] = (byte) (v >>> (8 * k));
                    }
                }
                case 3 -> b = java.util.Arrays.copyOf(b, at + 1);
                case 4 -> {
                    int len = Math.min(1 + r.nextInt(64), b.length - at);
                    byte[] c = new byte[b.length + len];
                    System.arraycopy(b, 0, c, 0, at + len);
                    System.arraycopy(b, at, c, at + len, b.length - at);
                    b = c;
                }
                default -> {
                    int len = Math.min(1 + r.nextInt(16), b.length - at);
                    byte[] c = new byte[b.length - len];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + len, c, at, b.length - at - len);
                    b = c;
                }
            }
        }
        return b;
    }
}
