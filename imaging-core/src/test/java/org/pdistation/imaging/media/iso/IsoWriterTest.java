package org.pdistation.imaging.media.iso;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.testing.Peers;

class IsoWriterTest {
    @TempDir
    static Path tmp;
    static Path source;
    static Path image;
    static Path plainImage;

    @BeforeAll
    static void writeImages() throws IOException {
        source = IsoFixture.fileSet(tmp.resolve("src"));
        image = tmp.resolve("pdi.iso");
        plainImage = tmp.resolve("plain.iso");
        AtomicLong last = new AtomicLong();
        long size = new IsoWriter().write(source, image, IsoFixture.options(true), (done, total) -> last.set(done));
        assertEquals(Files.size(image), size);
        assertEquals(size, last.get(), "progress ends at the image size");
        new IsoWriter().write(source, plainImage, IsoFixture.options(false), IsoWriter.Progress.NONE);
    }

    private static List<String> xorrisoFiles(Path img, String joliet) throws Exception {
        Path xorriso = Peers.require("xorriso");
        Peers.Result r = Peers.run(Duration.ofSeconds(60), xorriso.toString(), "-rockridge", "off", "-joliet",
                joliet, "-indev", img.toString(), "-find", "/", "-type", "f").requireSuccess();
        List<String> out = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            if (line.startsWith("'/")) out.add(line.substring(2, line.length() - 1));
        }
        out.sort(null);
        return out;
    }

    @Test
    void xorrisoListsEveryFileInThePrimaryAndJolietTrees() throws Exception {
        List<String> expected = IsoFixture.files(source);
        assertTrue(expected.contains("DICOMDIR") && expected.contains("IHE_PDI/INDEX.HTM"));
        assertEquals(expected, xorrisoFiles(image, "off"));
        assertEquals(expected, xorrisoFiles(image, "on"));
        assertEquals(expected, xorrisoFiles(plainImage, "off"));
    }

    @Test
    void osirroxExtractsByteIdenticalFiles() throws Exception {
        Path osirrox = Peers.require("osirrox");
        for (Path img : List.of(image, plainImage)) {
            Path out = tmp.resolve("x-" + img.getFileName());
            Peers.run(Duration.ofSeconds(60), osirrox.toString(), "-indev", img.toString(), "-extract", "/",
                    out.toString()).requireSuccess();
            IsoFixture.assertSameTree(source, out);
            assertArrayEquals(Files.readAllBytes(source.resolve("DICOMDIR")),
                    Files.readAllBytes(out.resolve("DICOMDIR")));
        }
    }

    @Test
    void pvdInfoShowsTheFileSetIdAsVolumeId() throws Exception {
        Path xorriso = Peers.require("xorriso");
        Peers.Result r = Peers.run(Duration.ofSeconds(60), xorriso.toString(), "-indev", image.toString(),
                "-pvd_info").requireSuccess();
        String all = r.stdout() + r.stderr();
        assertTrue(all.contains("Volume Id    : " + IsoFixture.FILE_SET_ID), all);
        assertTrue(all.contains("Publisher Id : PDI STATION"), all);
        assertTrue(all.contains("App Id       : PDI STATION"), all);
        assertTrue(all.contains("Creation Time: 2026112010153000"), all);
    }

    @Test
    void theImageIsReadableByTheOwnerOnly() throws IOException {
        if (Files.getFileStore(image).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(image)));
        }
    }

    @Test
    void sameTreeAndOptionsGiveTheSameBytes() throws IOException {
        Path again = tmp.resolve("again.iso");
        new IsoWriter().write(source, again, IsoFixture.options(true), null);
        assertEquals(-1, Files.mismatch(image, again));
    }

    @Test
    void recordsLevel1IdentifiersWithVersionAndDot() throws IOException {
        byte[] all = Files.readAllBytes(plainImage);
        String latin = new String(all, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(latin.contains("DICOMDIR.;1"));
        assertTrue(latin.contains("README.TXT;1"));
        assertTrue(latin.contains("IM000001.;1"));
        assertEquals(1, all[16 * 2048] & 0xFF, "sector 16 holds the primary volume descriptor");
        assertEquals(255, all[17 * 2048] & 0xFF, "without Joliet the terminator follows at once");
        for (int i = 0; i < 16 * 2048; i++) assertEquals(0, all[i], "system area byte " + i);
    }

    @Test
    void refusesANameThatIsNotLevel1AndLeavesNothing() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(src.resolve("readme.txt"), "x");
        Path out = tmp.resolve("bad.iso");
        IOException e = assertThrows(IOException.class,
                () -> new IsoWriter().write(src, out, IsoFixture.options(true), null));
        assertTrue(e.getMessage().contains("readme.txt"), e.getMessage());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(tmp.resolve("bad.iso.part")));
    }

    @Test
    void refusesDirectoriesDeeperThanEightLevels() throws IOException {
        Path src = tmp.resolve("deep");
        Path d = src;
        for (int i = 1; i <= 8; i++) d = d.resolve("D" + i);
        Files.createDirectories(d);
        IOException e = assertThrows(IOException.class,
                () -> new IsoWriter().write(src, tmp.resolve("deep.iso"), IsoFixture.options(true), null));
        assertTrue(e.getMessage().contains("D8"), e.getMessage());
    }

    @Test
    void refusesAVolumeIdThatIsNotDCharacters() {
        assertThrows(IllegalArgumentException.class, () -> IsoOptions.pdi("pdi test", IsoFixture.CREATED));
        assertThrows(IllegalArgumentException.class, () -> IsoOptions.pdi("A".repeat(33), IsoFixture.CREATED));
    }

    @Test
    void aFailingDiskRemovesThePartFileAndLeavesNoImage() {
        Path out = tmp.resolve("full.iso");
        IsoWriter failing = new IsoWriter(ch -> new FullDisk(ch, 100_000));
        IOException e = assertThrows(IOException.class,
                () -> failing.write(source, out, IsoFixture.options(true), null));
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertTrue(e.getMessage().contains("full.iso"), e.getMessage());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(tmp.resolve("full.iso.part")));
    }

    /** A channel that fails like a full disk once {@code capacity} bytes are written. */
    private static final class FullDisk implements WritableByteChannel {
        private final WritableByteChannel out;
        private long left;

        FullDisk(WritableByteChannel out, long capacity) {
            this.out = out;
            this.left = capacity;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (left <= 0) throw new IOException("No space left on device");
            int want = (int) Math.min(src.remaining(), left);
            ByteBuffer part = src.slice().limit(want);
            int n = out.write(part);
            src.position(src.position() + n);
            left -= n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return out.isOpen();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
