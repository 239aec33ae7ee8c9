package org.pdistation.imaging.media;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.io.DicomParseException;
import org.pdistation.imaging.synth.SyntheticCtStudy;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The DICOMDIR reader on hostile bytes: the outcome is a tree (with problems) or a {@link DicomParseException};
 * never another exception, a hang or a stack overflow. The {@code @FuzzTest} runs over its seeds in a normal build
 * and fuzzes with {@code JAZZER_FUZZ=1 ./mvnw -pl imaging-core test -Dtest='DicomDirFuzzTest#readsAnyDicomdir'};
 * the seeded mutation test runs in every build from a DICOMDIR that the writer makes here.
 */
class DicomDirFuzzTest {
    private static final int ITERATIONS = 3_000;
    private static final long TIME_LIMIT_NANOS = 45_000_000_000L;

    @FuzzTest(maxDuration = "30s")
    void readsAnyDicomdir(byte[] data) throws IOException {
        Path dir = Files.createTempDirectory("fuzz-fileset");
        try {
            readTarget(data, dir);
        } finally {
            Files.deleteIfExists(dir.resolve("DICOMDIR"));
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void mutantsOfAValidDicomdirGiveATreeOrADicomParseException(@TempDir Path root, @TempDir Path scratch)
            throws IOException {
        new SyntheticCtStudy(16, 3, 11).write(root, 9);
        DicomDirWriter.write(new DicomDirWriter.Request(root, Profile.STD_GEN_CD, "FUZZ"));
        byte[] valid = Files.readAllBytes(root.resolve("DICOMDIR"));
        // The mutants live beside the real files so that Referenced File IDs resolve and are followed.
        Files.move(root.resolve("DICOMDIR"), scratch.resolve("valid"));
        Random random = new Random(0xD1C0_D1L);
        long start = System.nanoTime();
        int done = 0;
        while (done < ITERATIONS && System.nanoTime() - start < TIME_LIMIT_NANOS) {
            byte[] mutant = mutate(valid, random);
            try {
                readTarget(mutant, root);
            } catch (Throwable t) {
                throw new AssertionError("mutant " + done + " of " + mutant.length + " bytes", t);
            }
            done++;
        }
        assertTrue(done >= 200, "only " + done + " mutants in the time limit");
    }

    private static void readTarget(byte[] data, Path dir) throws IOException {
        Path dicomdir = dir.resolve("DICOMDIR");
        Files.write(dicomdir, data);
        try {
            FileSetTree tree = DicomDirReader.read(dicomdir);
            if (tree == null) {
                throw new AssertionError("null tree");
            }
        } catch (DicomParseException expected) {
            // an allowed outcome: the bytes are not a DICOMDIR at all
        }
    }

    /** Overwrites bytes (offsets and lengths above all), truncates, or duplicates a slice. */
    private static byte[] mutate(byte[] src, Random r) {
        byte[] b = src.clone();
        switch (r.nextInt(4)) {
            case 0 -> {
                for (int i = 0, n = 1 + r.nextInt(8); i < n; i++) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
            }
            case 1 -> {
                // A 32-bit value somewhere: lands on offsets (0004,1400/1420) and lengths often.
                int at = 132 + r.nextInt(b.length - 136);
                int v = switch (r.nextInt(3)) {
                    case 0 -> r.nextInt(b.length + 64);
                    case 1 -> -1 - r.nextInt(16);
                    default -> r.nextInt();
                };
                b[at] = (byte) v;
                b[at + 1] = (byte) (v >> 8);
                b[at + 2] = (byte) (v >> 16);
                b[at + 3] = (byte) (v >> 24);
            }
            case 2 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length));
            default -> {
                int from = r.nextInt(b.length);
                int len = Math.min(b.length - from, 1 + r.nextInt(300));
                int to = r.nextInt(b.length);
                byte[] out = new byte[b.length + len];
                System.arraycopy(b, 0, out, 0, to);
                System.arraycopy(b, from, out, to, len);
                System.arraycopy(b, to, out, to + len, b.length - to);
                b = out;
            }
        }
        return b;
    }
}
