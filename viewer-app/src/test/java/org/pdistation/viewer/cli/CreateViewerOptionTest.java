package org.pdistation.viewer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.synth.SyntheticCtStudy;

import picocli.CommandLine;

/** {@code pdistation create --viewer DIR}: the portable viewer build on a folder medium; refused where it cannot go. */
class CreateViewerOptionTest {
    @TempDir
    Path work;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new PdiStationCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private Path input() throws Exception {
        Path in = work.resolve("in");
        new SyntheticCtStudy(32, 3, 12).write(in, 3);
        return in;
    }

    private Path build() throws Exception {
        Path b = work.resolve("pdistation-linux-x64");
        Files.createDirectories(b.resolve("bin"));
        Files.writeString(b.resolve("bin/pdistation"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(b.resolve("bin/pdistation"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return b;
    }

    @Test
    void aFolderMediumGetsTheViewerAndPassesVerifyMedia() throws Exception {
        Path disc = work.resolve("disc");
        assertEquals(0, run("create", "--web", "--out", disc.toString(), "--viewer", build().toString(),
                input().toString()), out + "\n" + err);
        assertTrue(Files.isExecutable(disc.resolve("VIEWER/pdistation-linux-x64/bin/pdistation")));
        assertTrue(Files.isRegularFile(disc.resolve("VIEWER/LINUX.SH")));
        assertEquals(0, run("verify-media", "--web", "--profile", "STD-GEN-CD", disc.toString()), out + "\n" + err);
    }

    @Test
    void anIsoTargetIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path iso = work.resolve("study.iso");
        assertEquals(2, run("create", "--iso", iso.toString(), "--viewer", build().toString(), input().toString()));
        assertTrue(err.toString().contains("--viewer needs a folder target"), err.toString());
        assertFalse(Files.exists(iso));
    }

    @Test
    void aFolderThatIsNoBuildIsRefusedWithWhatWasExpected() throws Exception {
        Path notBuild = Files.createDirectories(work.resolve("empty"));
        assertEquals(2, run("create", "--out", work.resolve("disc").toString(), "--viewer", notBuild.toString(),
                input().toString()));
        assertTrue(err.toString().contains("no launcher found"), err.toString());
    }
}
