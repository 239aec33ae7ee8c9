package org.pdistation.viewer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.media.OpenedMedium;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.Peers;

/**
 * {@code pdistation create} end to end on each kind of target: a folder with web content, an ISO image with a
 * label, and a disc in xorriso's {@code stdio:} pseudo-drive; each result must pass {@code verify-media}.
 */
class CreateCommandTest extends InProcessCli {
    @TempDir
    Path work;

    private Path input() throws Exception {
        Path in = work.resolve("in");
        new SyntheticCtStudy(32, 3, 11).write(in, 3);
        return in;
    }

    @Test
    void aFolderWithWebContentPassesVerifyMedia() throws Exception {
        Path in = input();
        Path disc = work.resolve("disc");
        assertEquals(0, run("create", "--web", "--institution", "Test Hospital", "--out", disc.toString(),
                in.toString()), out + "\n" + err);
        assertTrue(Files.isRegularFile(disc.resolve("INDEX.HTM")), out.toString());
        assertTrue(Files.isDirectory(disc.resolve("IHE_PDI")), out.toString());
        assertEquals(0, run("verify-media", "--web", "--profile", "STD-GEN-CD", disc.toString()), out + "\n" + err);
    }

    @Test
    void anIsoImageWithALabelPassesVerifyMediaAndKeepsTheLabelOffTheMedium() throws Exception {
        Path in = input();
        Path iso = work.resolve("out/study.iso");
        assertEquals(0, run("create", "--label", "--iso",
                iso.toString(), in.toString()), out + "\n" + err);
        assertTrue(Files.isRegularFile(iso));
        assertTrue(Files.size(work.resolve("out/LABEL-DISC1.pdf")) > 0, out.toString());
        assertTrue(Files.size(work.resolve("out/LABEL-DISC1.png")) > 0, out.toString());
        try (OpenedMedium m = OpenedMedium.open(iso)) {
            assertTrue(m.image());
            assertTrue(Files.exists(m.root().resolve("DICOMDIR")));
            try (var s = Files.list(m.root())) {
                assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith("LABEL")), "label on the medium");
            }
        }
        assertEquals(0, run("verify-media", "--profile", "STD-GEN-CD", iso.toString()), out + "\n" + err);
    }

    @Test
    void aDiscBurnedInAPseudoDrivePassesVerifyMedia() throws Exception {
        Path xorriso = Peers.require("xorriso");
        Path in = input();
        Path drive = work.resolve("drive.img");
        Files.createFile(drive);
        assertEquals(0, run("create", "--burn", "stdio:" + drive, in.toString()), out + "\n" + err);
        assertTrue(Files.size(drive) > 0);
        assertTrue(Peers.run(Duration.ofSeconds(60), xorriso.toString(), "-indev", "stdio:" + drive, "-find", "/",
                "-type", "f").stdout().contains("DICOMDIR"));
        assertEquals(0, run("verify-media", "--profile", "STD-GEN-CD", drive.toString()), out + "\n" + err);
    }

    @Test
    void aFailingBurnerIsAFailedJobNotADoneOne() throws Exception {
        Path in = input();
        assertEquals(1, run("create", "--burn", "stdio:" + work.resolve("no/such/folder/drive.img"), in.toString()),
                out + "\n" + err);
        assertTrue(out.toString().contains("FAILED"), out.toString());
    }

    @Test
    void exactlyOneTargetIsRequired() throws Exception {
        Path in = input();
        assertEquals(2, run("create", in.toString()));
        assertEquals(2, run("create", "--out", work.resolve("a").toString(), "--iso", work.resolve("b.iso").toString(),
                in.toString()));
    }
}
