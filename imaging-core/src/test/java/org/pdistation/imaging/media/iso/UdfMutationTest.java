package org.pdistation.imaging.media.iso;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated UDF images whose descriptor tags are made valid again after the change (ECMA-167 3/7.2: checksum and
 * CRC), so that the damage gets past the tag check into the fields behind it — extents, lengths, counts, ICB
 * references, name lengths. Whatever the fields say, opening and reading every file ends with the data or an
 * IOException within seconds: no hang, no OutOfMemoryError, no other exception, no name that is a path.
 */
class UdfMutationTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final long[] ODD_VALUES = {0, 1, 2, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL, 0xFFFF_FFFEL,
            0x0001_0000L, 2047, 2048, 2049};

    @TempDir
    static Path tmp;
    static byte[] clean;
    /** Byte offsets of every valid descriptor tag in the clean image, with its CRC length. */
    static List<int[]> tags = new ArrayList<>();

    @BeforeAll
    static void writeImage() throws IOException {
        Path source = IsoFixture.fileSet(tmp.resolve("src"));
        Path bridge = tmp.resolve("bridge.iso");
        new IsoWriter().write(source, bridge, IsoFixture.options(true).withUdf(true), IsoWriter.Progress.NONE);
        clean = Files.readAllBytes(UdfImages.udfOnly(bridge, tmp.resolve("clean.img")));
        for (int off = 0; off + 16 <= clean.length; off += 4) {
            int id = UdfBytes.u16(clean, off);
            boolean known = id >= 1 && id <= 9 || id >= 256 && id <= 266;
            int crcLength = UdfBytes.u16(clean, off + 10);
            if (known && UdfBytes.u16(clean, off + 2) >= 2 && clean[off + 5] == 0
                    && (clean[off + 4] & 0xFF) == UdfBytes.tagChecksum(clean, off)
                    && off + 16 + crcLength <= clean.length
                    && UdfBytes.crc(clean, off + 16, crcLength) == UdfBytes.u16(clean, off + 8)) {
                tags.add(new int[] {off, crcLength});
            }
        }
        assertTrue(tags.size() > 20, "found " + tags.size() + " descriptors");
    }

    @Test
    void mutatedFieldsBehindValidTagsEndInTheDataOrAnIOException() {
        assertTimeoutPreemptively(LIMIT, () -> {
            Random random = new Random(20260207);
            Path img = tmp.resolve("mutated.img");
            List<String> failures = new ArrayList<>();
            // 4000 rounds: round 3394 makes the root File Entry a symbolic link (was a NullPointerException).
            for (int round = 0; round < 4000; round++) {
                byte[] bad = clean.clone();
                int changes = 1 + random.nextInt(3);
                for (int c = 0; c < changes; c++) {
                    int[] t = tags.get(random.nextInt(tags.size()));
                    int off = t[0];
                    int len = t[1];
                    if (len < 4) continue;
                    int at = off + 16 + random.nextInt(len - 3);
                    if (random.nextBoolean()) {
                        bad[at] = (byte) random.nextInt(256);
                    } else {
                        UdfBytes.le32(bad, at, ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
                    }
                    UdfBytes.le16(bad, off + 8, UdfBytes.crc(bad, off + 16, len));
                    bad[off + 4] = (byte) UdfBytes.tagChecksum(bad, off);
                }
                Files.write(img, bad);
                try {
                    readAll(img);
                } catch (IOException expected) {
                    // a precise problem is the right answer
                } catch (RuntimeException | Error e) {
                    failures.add("round " + round + ": " + e + " at " + java.util.Arrays.toString(java.util.Arrays.copyOf(e.getStackTrace(), 4)));
                }
            }
            if (!failures.isEmpty()) {
                fail(failures.size() + " rounds failed, e.g. " + failures.subList(0, Math.min(5, failures.size())));
            }
        });
    }

    /** Opens, walks and reads every file; checks every name is a name, not a path. */
    private static void readAll(Path img) throws IOException {
        try (IsoFileSystem fs = IsoFileSystems.open(img); Stream<Path> s = Files.walk(fs.root())) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.getFileName() != null) {
                    String n = p.getFileName().toString();
                    if (n.isEmpty() || n.equals(".") || n.equals("..") || n.contains("/") || n.indexOf('\0') >= 0) {
                        throw new AssertionError("entry name '" + n + "' is not a plain name");
                    }
                }
                if (Files.isRegularFile(p)) {
                    Files.readAllBytes(p);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
