package org.pdistation.imaging.media.iso;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken images give an IOException naming the sector, never a hang, an OutOfMemoryError or another exception. */
class IsoCorruptionTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    static Path tmp;
    static byte[] good;

    @BeforeAll
    static void writeImage() throws IOException {
        Path source = IsoFixture.fileSet(tmp.resolve("src"));
        Path image = tmp.resolve("good.iso");
        new IsoWriter().write(source, image, IsoFixture.options(true), null);
        good = Files.readAllBytes(image);
    }

    /** Opens and reads everything; an IOException anywhere is the accepted outcome for a broken image. */
    private static void readAll(Path img) throws IOException {
        try (IsoFileSystem fs = IsoFileSystems.open(img); Stream<Path> s = Files.walk(fs.root())) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) Files.readAllBytes(p);
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    /** A cut inside the padding after the last file loses nothing and is accepted (TAO disc dumps lack it). */
    @Test
    void truncatedImagesFailWithTheSector() {
        assertTimeoutPreemptively(LIMIT, () -> {
            int[] cuts = {0, 100, 16 * 2048, 16 * 2048 + 1000, 17 * 2048, 19 * 2048, 22 * 2048, 25 * 2048,
                    good.length / 2, good.length - 2048, good.length - 2048 + 10};
            for (int cut : cuts) {
                Path p = write("cut" + cut + ".iso", java.util.Arrays.copyOf(good, cut));
                IOException e = assertThrows(IOException.class, () -> readAll(p), "cut at " + cut);
                assertTrue(e.getMessage().contains("sector"), e.getMessage());
            }
        });
    }

    @Test
    void randomBytesInDescriptorsAndDirectoriesNeverHangOrEscape() {
        assertTimeoutPreemptively(LIMIT, () -> {
            Random random = new Random(4711);
            int directoriesEnd = 40 * 2048; // descriptors, path tables and directories of the fixture
            for (int round = 0; round < 300; round++) {
                byte[] bad = good.clone();
                int hits = 1 + random.nextInt(8);
                for (int i = 0; i < hits; i++) {
                    bad[16 * 2048 + random.nextInt(directoriesEnd - 16 * 2048)] = (byte) random.nextInt(256);
                }
                if (round % 3 == 0) { // also hit the root record of each descriptor
                    bad[16 * 2048 + 156 + random.nextInt(34)] = (byte) random.nextInt(256);
                    bad[17 * 2048 + 156 + random.nextInt(34)] = (byte) random.nextInt(256);
                }
                Path p = write("random.iso", bad);
                try {
                    readAll(p);
                } catch (IOException expected) {
                    // a precise problem is the right answer
                }
            }
        });
    }

    @Test
    void aBadStandardIdentifierIsNamed() throws IOException {
        byte[] bad = good.clone();
        bad[16 * 2048 + 1] = 'X';
        IOException e = assertThrows(IOException.class, () -> readAll(write("cd001.iso", bad)));
        assertTrue(e.getMessage().contains("sector 16") && e.getMessage().contains("CD001"), e.getMessage());
    }

    @Test
    void aDirectoryPointingToItselfIsALoop() {
        assertTimeoutPreemptively(LIMIT, () -> {
            for (int tree = 16; tree <= 17; tree++) {
                byte[] bad = good.clone();
                if (tree == 16) bad[17 * 2048 + 88] = 0; // no Joliet escape: the primary tree is read
                // the root record of the descriptor gives the root directory extent
                long rootExtent = IsoBytes.le32(bad, tree * 2048 + 156 + 2);
                int dir = (int) rootExtent * 2048;
                // walk the root's records past "." and ".." to the first subdirectory, point it at the root
                int pos = dir + (bad[dir] & 0xFF);
                pos += bad[pos] & 0xFF;
                while ((bad[pos + 25] & 2) == 0) pos += bad[pos] & 0xFF;
                IsoBytes.both32(bad, pos + 2, rootExtent);
                IOException e = assertThrows(IOException.class, () -> readAll(write("loop.iso", bad)));
                assertTrue(e.getMessage().contains("loop"), e.getMessage());
            }
        });
    }

    @Test
    void anAbsurdDirectorySizeIsRefusedBeforeReading() throws IOException {
        byte[] bad = good.clone();
        IsoBytes.both32(bad, 17 * 2048 + 156 + 10, 0xFFFF_F800L);
        IOException e = assertThrows(IOException.class, () -> readAll(write("huge.iso", bad)));
        assertTrue(e.getMessage().contains("sector"), e.getMessage());
    }

    @Test
    void anExtentBeyondTheImageIsNamed() throws IOException {
        byte[] bad = good.clone();
        IsoBytes.both32(bad, 16 * 2048 + 156 + 2, 0x00FF_FFFFL);
        bad[17 * 2048 + 88] = 0; // no Joliet escape: the primary tree is read
        IOException e = assertThrows(IOException.class, () -> readAll(write("beyond.iso", bad)));
        assertTrue(e.getMessage().contains("beyond the end of the image"), e.getMessage());
    }
}
