package org.pdistation.imaging.media.iso;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random mutations of a small UDF bridge image (seeded, so a failure repeats): opening the UDF side and reading
 * every file either works or ends in the reader's own IOException; never another exception, a hang or an
 * OutOfMemoryError. Each case runs with a time limit.
 */
class UdfFuzzTest {
    private static final int CASES = 2000;
    private static final long SEED = 20_261_120L;
    private static final long CASE_LIMIT_MS = 5_000;

    @TempDir
    Path tmp;

    @Test
    void randomlyMutatedBridgeImagesGiveAnswersOrProblemsNeverCrashesOrHangs() throws Exception {
        Path source = tmp.resolve("src");
        Files.createDirectories(source.resolve("VIEWER/build/lib/a-long-name"));
        Files.writeString(source.resolve("README.TXT"), "readme\r\n");
        Files.writeString(source.resolve("VIEWER/build/lib/a-long-name/data.bin"), "d".repeat(5000));
        Files.writeString(source.resolve("VIEWER/build/start.sh"), "#!/bin/sh\n");
        Files.write(source.resolve("VIEWER/EMPTY.TXT"), new byte[0]);
        Path image = tmp.resolve("good.iso");
        new IsoWriter().write(source, image, IsoFixture.options(true).withUdf(true)
                .withLongNamesUnder(java.util.Set.of("VIEWER")), null);
        byte[] good = Files.readAllBytes(image);
        long partition = UdfImages.partitionStart(image);
        int metadataEnd = (int) Math.min(good.length, (partition + 16) * 2048);

        Random random = new Random(SEED);
        Path bad = tmp.resolve("bad.iso");
        int opened = 0;
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "udf-fuzz");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int n = 0; n < CASES; n++) {
                byte[] b = mutate(good, random, partition, metadataEnd);
                Files.write(bad, b);
                Future<Boolean> f = worker.submit(() -> readAll(bad));
                try {
                    if (f.get(CASE_LIMIT_MS, TimeUnit.MILLISECONDS)) opened++;
                } catch (TimeoutException e) {
                    f.cancel(true);
                    fail("case " + n + " (seed " + SEED + ") did not finish within " + CASE_LIMIT_MS + " ms");
                } catch (ExecutionException e) {
                    throw new AssertionError("case " + n + " (seed " + SEED + "): " + e.getCause(), e.getCause());
                }
            }
        } finally {
            worker.shutdownNow();
        }
        // Most mutations hit bytes a reader tolerates or skips; some must still open for the test to mean much.
        assertTrue(opened > CASES / 10, "only " + opened + " of " + CASES + " mutated images opened");
    }

    /**
     * One to eight changes: random bytes, a whole descriptor tag's fields, a 32-bit field set to an extreme value,
     * or a cut-off image; aimed at the UDF volume structures, the anchors and the partition's descriptors.
     */
    private static byte[] mutate(byte[] good, Random random, long partition, int metadataEnd) {
        byte[] b = good.clone();
        int changes = 1 + random.nextInt(8);
        for (int i = 0; i < changes; i++) {
            int where = switch (random.nextInt(4)) {
                case 0 -> 16 * 2048 + random.nextInt(50 * 2048);                      // VRS, VDS, LVID
                case 1 -> 256 * 2048 + random.nextInt(2048);                           // first anchor
                case 2 -> b.length - 2048 + random.nextInt(2048);                      // last anchor
                default -> (int) (partition * 2048) + random.nextInt(metadataEnd - (int) (partition * 2048));
            };
            switch (random.nextInt(4)) {
                case 0 -> b[where] = (byte) random.nextInt(256);
                case 1 -> { // an extreme 32-bit value at a 4-byte boundary (lengths, locations, counts)
                    int at = Math.min(where & ~3, b.length - 4);
                    long v = random.nextBoolean() ? 0xFFFF_FFFFL : random.nextInt(3) == 0 ? 0 : 0x7FFF_FFFFL;
                    IsoBytes.le32(b, at, v);
                }
                case 2 -> b[where] ^= (byte) (1 << random.nextInt(8));
                default -> { // keep the mutation but repair the tag of the descriptor's sector so it gets read
                    b[where] = (byte) random.nextInt(256);
                    int sector = where / 2048 * 2048;
                    int id = UdfBytes.u16(b, sector);
                    if (id > 0 && id < 300) {
                        int crcLength = Math.min(UdfBytes.u16(b, sector + 10), 2048 - 16);
                        UdfBytes.tag(b, sector, id, UdfBytes.u32(b, sector + 12), 16 + crcLength);
                    }
                }
            }
        }
        if (random.nextInt(20) == 0) {
            return java.util.Arrays.copyOf(b, 16 * 2048 + random.nextInt(b.length - 16 * 2048));
        }
        return b;
    }

    /** True when the UDF side opened; false for the reader's own IOException, the accepted answer to bad input. */
    private static boolean readAll(Path img) {
        try (IsoFileSystem fs = IsoFileSystems.openUdf(img); Stream<Path> s = Files.walk(fs.root())) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) {
                    Files.readAllBytes(p);
                    fs.posixPermissions(p);
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        } catch (UncheckedIOException e) {
            return false; // Files.walk wraps the reader's IOException
        }
    }
}
