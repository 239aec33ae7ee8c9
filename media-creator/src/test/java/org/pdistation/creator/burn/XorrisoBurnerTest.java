package org.pdistation.creator.burn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.testing.Peers;

/**
 * The Linux burn path end to end: xorriso burns to a {@code stdio:} pseudo-drive (a regular file stands in for the
 * disc, xorriso(1) "-outdev"), and osirrox reads the burned session back.
 */
class XorrisoBurnerTest {
    @TempDir
    Path tmp;

    private Path xorriso;
    /** A folder whose name holds a space and quotes: arguments must reach the tool unchanged. */
    private Path work;
    private Path content;
    private Path iso;

    @BeforeEach
    void makeImage() throws IOException {
        xorriso = Peers.require("xorriso");
        work = Files.createDirectories(tmp.resolve("burn 'this' \"disc\""));
        content = Files.createDirectories(work.resolve("content"));
        Random random = new Random(20261120);
        for (int i = 0; i < 4; i++) {
            byte[] bytes = new byte[100_000 + i * 77_777];
            random.nextBytes(bytes);
            Files.write(content.resolve("FILE" + i + ".BIN"), bytes);
        }
        Files.createDirectories(content.resolve("SUB"));
        Files.writeString(content.resolve("SUB/README.TXT"), "generated for the burn test\n");
        iso = work.resolve("image one.iso");
        makeIso(content, iso);
    }

    private void makeIso(Path dir, Path out) {
        Peers.run(Duration.ofMinutes(2), xorriso.toString(), "-as", "mkisofs", "-J", "-o", out.toString(),
                dir.toString()).requireSuccess();
    }

    private Drive pseudoDrive(Path file) {
        return Drive.of(XorrisoBurner.STDIO + file);
    }

    private XorrisoBurner burner() {
        return XorrisoBurner.at(xorriso);
    }

    @Test
    void anEmptyPseudoDriveHoldsABlankMedium() throws Exception {
        Path disc = Files.createFile(work.resolve("disc.img"));
        MediaStatus status = burner().mediaStatus(pseudoDrive(disc));
        assertEquals(MediaState.BLANK, status.state());
        assertEquals("stdio file", status.mediaType());
        assertTrue(status.freeBytes() > Files.size(iso), status.toString());
    }

    @Test
    void burnsTheImageByteForByteAsASessionThatOsirroxReadsBack() throws Exception {
        Path disc = Files.createFile(work.resolve("disc.img"));
        byte[] isoBytes = Files.readAllBytes(iso);
        List<BurnProgress> events = new ArrayList<>();

        burner().burn(iso, pseudoDrive(disc), BurnOptions.DEFAULT, events::add, Cancellation.none());

        assertFalse(events.isEmpty());
        BurnProgress last = events.get(events.size() - 1);
        assertEquals(BurnPhase.DONE, last.phase());
        assertEquals(100, last.percent());
        assertEquals(isoBytes.length, last.bytesTotal());
        assertTrue(events.stream().anyMatch(e -> e.phase() == BurnPhase.VERIFYING), events.toString());
        // a byte-for-byte session: the pseudo-disc starts with exactly the image (xorrecord may pad after it)
        byte[] discBytes = Files.readAllBytes(disc);
        assertTrue(discBytes.length >= isoBytes.length);
        assertArrayEquals(isoBytes, Arrays.copyOf(discBytes, isoBytes.length));
        assertArrayEquals(isoBytes, Files.readAllBytes(iso), "the source image is never modified");

        Path extracted = work.resolve("extracted");
        Peers.run(Duration.ofMinutes(2), Peers.require("osirrox").toString(), "-indev", "stdio:" + disc,
                "-extract", "/", extracted.toString()).requireSuccess();
        try (Stream<Path> files = Files.walk(content)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path copy = extracted.resolve(content.relativize(f).toString());
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(copy), f.toString());
            }
        }

        MediaStatus after = burner().mediaStatus(pseudoDrive(disc));
        assertTrue(after.state() == MediaState.APPENDABLE || after.state() == MediaState.CLOSED, after.toString());
    }

    @Test
    void reportsWritingProgressFromXorrisosUpdateLinesInOrder() throws Exception {
        Path disc = Files.createFile(work.resolve("disc.img"));
        Path big = bigImage(4_000_000);
        List<BurnProgress> events = new ArrayList<>();
        // 8x CD (about 1.2 MB/s): xorriso throttles a pseudo-drive too, so the burn lasts long enough to report
        burner().burn(big, pseudoDrive(disc), BurnOptions.DEFAULT.withSpeed(8).withVerify(false), events::add,
                Cancellation.none());
        List<BurnProgress> writing = events.stream().filter(e -> e.phase() == BurnPhase.WRITING).toList();
        // xorriso prints an UPDATE line about once a second; a pseudo-drive is not always throttled to the asked
        // speed, so a quick burn may end before the first one. XorrisoOutputTest parses the lines themselves; here
        // the order of whatever arrived, and the final 100 % DONE report, are what counts.
        assertTrue(events.stream().anyMatch(e -> e.phase() == BurnPhase.PREPARING), events.toString());
        for (int i = 1; i < writing.size(); i++) {
            assertTrue(writing.get(i).bytesDone() >= writing.get(i - 1).bytesDone(), writing.toString());
        }
        assertEquals(new BurnProgress(Files.size(big), Files.size(big), BurnPhase.DONE), events.getLast());
    }

    @Test
    void aSimulatedBurnWritesNothing() throws Exception {
        Path disc = Files.createFile(work.resolve("disc.img"));
        burner().burn(iso, pseudoDrive(disc), BurnOptions.DEFAULT.withSimulate(true), p -> { }, Cancellation.none());
        assertEquals(0, Files.size(disc));
    }

    @Test
    void aDriveThatDoesNotExistFailsWithXorrisosMessage() throws Exception {
        List<BurnProgress> events = new ArrayList<>();
        String sha = sha256(iso);
        BurnException e = assertThrows(BurnException.class, () -> burner().burn(iso, Drive.of("/dev/pdistation-sr9"),
                BurnOptions.DEFAULT, events::add, Cancellation.none()));
        assertTrue(e.getMessage().contains("/dev/pdistation-sr9"), e.getMessage());
        // xorriso 1.5: "Drive address '…' rejected because: not existing"; older: "File object '…' not found"
        assertTrue(e.getMessage().contains("not existing") || e.getMessage().contains("not found"), e.getMessage());
        assertNotEquals(0, e.exitCode());
        assertNoDone(events);
        assertEquals(sha, sha256(iso));
    }

    @Test
    void aReadOnlyPseudoDriveIsRefusedAndLeftUntouched() throws Exception {
        Path disc = Files.createFile(work.resolve("disc.img"));
        Files.setPosixFilePermissions(disc, PosixFilePermissions.fromString("r--r--r--"));
        List<BurnProgress> events = new ArrayList<>();
        BurnException e = assertThrows(BurnException.class, () -> burner().burn(iso, pseudoDrive(disc),
                BurnOptions.DEFAULT, events::add, Cancellation.none()));
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
        assertEquals(0, Files.size(disc));
        assertNoDone(events);
    }

    @Test
    void aDirectoryAsPseudoDriveFailsWithXorrisosMessage() throws Exception {
        Path dir = Files.createDirectories(work.resolve("not a disc"));
        String sha = sha256(iso);
        List<BurnProgress> events = new ArrayList<>();
        BurnException e = assertThrows(BurnException.class, () -> burner().burn(iso, pseudoDrive(dir),
                BurnOptions.DEFAULT, events::add, Cancellation.none()));
        assertTrue(e.getMessage().contains("Is a directory"), e.getMessage());
        assertNotEquals(0, e.exitCode());
        assertTrue(e.toolOutput().contains("FAILURE"), e.toolOutput());
        assertNoDone(events);
        assertEquals(sha, sha256(iso));
    }

    @Test
    void aFullTargetFailsAndNothingIsReportedDone() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "no /dev/full on this system");
        List<BurnProgress> events = new ArrayList<>();
        BurnException e = assertThrows(BurnException.class, () -> burner().burn(iso, pseudoDrive(full),
                BurnOptions.DEFAULT, events::add, Cancellation.none()));
        assertTrue(e.getMessage().contains("failure with writing") || e.getMessage().contains("No space"),
                e.getMessage());
        assertNoDone(events);
    }

    @Test
    void aMissingToolIsNamedWithThePackageToInstall() {
        XorrisoBurner missing = XorrisoBurner.at(tmp.resolve("no-such-dir/xorriso"));
        BurnException e = assertThrows(BurnException.class, missing::listDrives);
        assertTrue(e.getMessage().contains("xorriso"), e.getMessage());
        assertTrue(e.getMessage().contains("install"), e.getMessage());
        BurnException burn = assertThrows(BurnException.class, () -> missing.burn(iso,
                pseudoDrive(work.resolve("disc.img")), BurnOptions.DEFAULT, p -> { }, Cancellation.none()));
        assertTrue(burn.getMessage().contains("not found"), burn.getMessage());
        assertFalse(Files.exists(work.resolve("disc.img")));
    }

    @Test
    void cancellingMidBurnKillsXorrisoAndFailsWithoutDone() throws Exception {
        Path disc = Files.createFile(work.resolve("disc.img"));
        Path big = bigImage(20_000_000);
        String sha = sha256(big);
        Cancellation cancel = new Cancellation();
        List<BurnProgress> events = new ArrayList<>();
        long t0 = System.nanoTime();
        BurnException e = assertThrows(BurnException.class, () -> burner().burn(big, pseudoDrive(disc),
                BurnOptions.DEFAULT.withSpeed(4), p -> {
                    events.add(p);
                    if (p.phase() == BurnPhase.WRITING) {
                        cancel.cancel();
                    }
                }, cancel));
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
        assertEquals(BurnException.NO_EXIT_CODE, e.exitCode());
        assertTrue(seconds < 20, "a 4x burn of 20 MB takes ~30 s; the cancel must end it early, took " + seconds);
        assertNoDone(events);
        assertTrue(Files.size(disc) < Files.size(big), "the disc is incomplete");
        assertEquals(sha, sha256(big), "the source image is never modified");
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count(),
                "xorriso was reaped");
    }

    @Test
    void xorrisoKilledFromOutsideMidBurnFailsWithItsExitStatus() throws Exception {
        Path disc = Files.createFile(work.resolve("disc.img"));
        Path big = bigImage(20_000_000);
        String sha = sha256(big);
        List<BurnProgress> events = new ArrayList<>();
        BurnException e = assertThrows(BurnException.class, () -> burner().burn(big, pseudoDrive(disc),
                BurnOptions.DEFAULT.withSpeed(4), p -> {
                    events.add(p);
                    if (p.phase() == BurnPhase.WRITING) {
                        // someone else (an OOM killer, a user) ends the tool: only our own children are touched
                        ProcessHandle.current().children().forEach(ProcessHandle::destroyForcibly);
                    }
                }, Cancellation.none()));
        assertTrue(e.getMessage().contains("xorriso exit code"), e.getMessage());
        assertNotEquals(0, e.exitCode());
        assertNoDone(events);
        assertEquals(sha, sha256(big));
    }

    @Test
    void aMachineWithoutDrivesListsNone() throws Exception {
        // Build machines have no optical drive; xorriso then says "No drives found" with exit code 32.
        List<Drive> drives = burner().listDrives();
        for (Drive d : drives) {
            assertFalse(d.id().isBlank());
        }
    }

    private Path bigImage(int bytes) throws IOException {
        Path dir = Files.createDirectories(work.resolve("big"));
        byte[] data = new byte[bytes];
        new Random(7).nextBytes(data);
        Files.write(dir.resolve("BIG.BIN"), data);
        Path out = work.resolve("big.iso");
        makeIso(dir, out);
        return out;
    }

    private static void assertNoDone(List<BurnProgress> events) {
        assertTrue(events.stream().noneMatch(e -> e.phase() == BurnPhase.DONE), events.toString());
    }

    private static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }
}
