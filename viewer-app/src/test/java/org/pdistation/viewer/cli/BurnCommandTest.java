package org.pdistation.viewer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.creator.burn.BurnException;
import org.pdistation.creator.burn.BurnOptions;
import org.pdistation.creator.burn.BurnPhase;
import org.pdistation.creator.burn.BurnProgress;
import org.pdistation.creator.burn.Burner;
import org.pdistation.creator.burn.Cancellation;
import org.pdistation.creator.burn.Drive;
import org.pdistation.creator.burn.MediaState;
import org.pdistation.creator.burn.MediaStatus;
import org.pdistation.imaging.testing.Peers;

import picocli.CommandLine;

/** {@code pdistation burn} as a clerk runs it, with xorriso's stdio: pseudo-drive standing in for a disc. */
class BurnCommandTest extends InProcessCli {
    @TempDir
    Path tmp;

    private int runWith(Burner burner, String... args) {
        CommandLine cl = new CommandLine(new BurnCommand(burner));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private Path image() throws Exception {
        Path xorriso = Peers.require("xorriso");
        Path dir = Files.createDirectories(tmp.resolve("content dir"));
        Files.writeString(dir.resolve("README.TXT"), "burn command test\n");
        Files.write(dir.resolve("DATA.BIN"), new byte[300_000]);
        Path iso = tmp.resolve("my image.iso");
        Peers.run(Duration.ofMinutes(2), xorriso.toString(), "-as", "mkisofs", "-J", "-o", iso.toString(),
                dir.toString()).requireSuccess();
        return iso;
    }

    @Test
    void listDrivesOnAMachineWithoutDrivesSaysNoDrives() {
        Peers.require("xorriso");
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        assertEquals(0, run("burn", "--list-drives"), err.toString());
        String text = out.toString();
        // a build machine has no optical drive; where one has, each drive is a line "id<TAB>name<TAB>medium"
        assertTrue(text.strip().equals("no drives") || text.lines().allMatch(l -> l.split("\t").length == 3), text);
    }

    @Test
    void burnsAnImageToAPseudoDriveWithProgressAndExitsZero() throws Exception {
        Path iso = image();
        Path disc = Files.createFile(tmp.resolve("disc.img"));
        assertEquals(0, run("burn", "--device", "stdio:" + disc, iso.toString()), err.toString());
        String text = out.toString();
        assertTrue(text.contains("100 %"), text);
        assertTrue(text.contains("written to stdio:" + disc + " and verified"), text);
        byte[] isoBytes = Files.readAllBytes(iso);
        assertArrayEquals(isoBytes, Arrays.copyOf(Files.readAllBytes(disc), isoBytes.length));
    }

    @Test
    void aFailedBurnPrintsTheToolsMessageAndExitsOne() throws Exception {
        Path iso = image();
        Path dir = Files.createDirectories(tmp.resolve("a directory"));
        assertEquals(1, run("burn", "--device", "stdio:" + dir, iso.toString()));
        assertTrue(err.toString().contains("FAILED") && err.toString().contains("Is a directory"), err.toString());
        assertTrue(!out.toString().contains("written to"), out.toString());
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        assertEquals(2, run("burn"));
        assertEquals(2, run("burn", "--device", "/dev/sr0"));
        assertEquals(2, run("burn", "--device", "/dev/sr0", tmp.resolve("missing.iso").toString()));
        assertEquals(2, run("burn", "--list-drives", "--device", "/dev/sr0"));
        assertEquals(2, run("burn", "--speed", "fast", "--device", "/dev/sr0", "x.iso"));
    }

    @Test
    void listDrivesPrintsEachDriveWithItsMedium() {
        Burner fake = new Burner() {
            @Override
            public List<Drive> listDrives() {
                return List.of(new Drive("/dev/sr0", "ASUS", "DRW-24D5MT", "/dev/sr0"),
                        new Drive("/dev/sr1", "HL-DT-ST", "BD-RE", "/dev/sr1"));
            }

            @Override
            public MediaStatus mediaStatus(Drive drive) throws BurnException {
                if (drive.id().equals("/dev/sr1")) {
                    throw new BurnException("tray open");
                }
                return new MediaStatus(MediaState.BLANK, 700_000_000L, "CD-R");
            }

            @Override
            public void burn(Path isoImage, Drive drive, BurnOptions options, BurnProgress.Listener listener,
                    Cancellation cancellation) {
                listener.progress(new BurnProgress(1, 1, BurnPhase.DONE));
            }

            @Override
            public void eject(Drive drive) {
            }
        };
        assertEquals(0, runWith(fake, "--list-drives"), err.toString());
        assertEquals(List.of("/dev/sr0\tASUS DRW-24D5MT\tblank, CD-R, 700.0 MB free",
                "/dev/sr1\tHL-DT-ST BD-RE\tmedium unknown: tray open"), out.toString().lines().toList());
    }
}
