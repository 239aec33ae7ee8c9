package org.pdistation.viewer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.media.iso.IsoFileSystem;
import org.pdistation.imaging.media.iso.IsoFileSystems;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.Peers;

/** {@code pdistation create --viewer DIR}: the portable viewer build on a folder medium, an ISO image or a disc. */
class CreateViewerOptionTest extends InProcessCli {
    @TempDir
    Path work;

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

    /** The fake build plus what a real runtime has: a long name, a deep folder, an executable java. */
    private Path runtimeLikeBuild() throws Exception {
        Path b = build();
        Path deep = Files.createDirectories(b.resolve("lib/runtime/conf/security/policy/limited"));
        Files.writeString(deep.resolve("exempt_local.policy"), "grant {};\n");
        Files.createDirectories(b.resolve("lib/runtime/bin"));
        Files.writeString(b.resolve("lib/runtime/bin/java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(b.resolve("lib/runtime/bin/java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(b.resolve("lib/app"));
        Files.writeString(b.resolve("lib/app/pdistation-0.1.0-SNAPSHOT-long-name.jar"), "jar");
        return b;
    }

    private static final String LAUNCHER = "VIEWER/pdistation-linux-x64/bin/pdistation";
    private static final String JAVA = "VIEWER/pdistation-linux-x64/lib/runtime/bin/java";
    private static final String JAR = "VIEWER/pdistation-linux-x64/lib/app/pdistation-0.1.0-SNAPSHOT-long-name.jar";
    private static final String POLICY =
            "VIEWER/pdistation-linux-x64/lib/runtime/conf/security/policy/limited/exempt_local.policy";

    /** The UDF side of the image: the viewer's names, bytes and execute permissions. */
    private static void assertViewerInUdf(Path image) throws Exception {
        try (IsoFileSystem fs = IsoFileSystems.openUdf(image)) {
            Path root = fs.root();
            Set<PosixFilePermission> rx = PosixFilePermissions.fromString("r-xr-xr-x");
            assertEquals(Optional.of(rx), fs.posixPermissions(root.resolve(LAUNCHER)));
            assertEquals(Optional.of(rx), fs.posixPermissions(root.resolve(JAVA)));
            assertEquals(Optional.of(rx), fs.posixPermissions(root.resolve("VIEWER/LINUX.SH")));
            assertEquals(Optional.of(PosixFilePermissions.fromString("r--r--r--")),
                    fs.posixPermissions(root.resolve(JAR)));
            assertEquals("jar", Files.readString(root.resolve(JAR)));
            assertEquals("grant {};\n", Files.readString(root.resolve(POLICY)));
            assertTrue(Files.isRegularFile(root.resolve("DICOMDIR")));
        }
    }

    @Test
    void anIsoImageCarriesTheViewerInUdfAndPassesVerifyMedia() throws Exception {
        Path iso = work.resolve("study.iso");
        assertEquals(0, run("create", "--web", "--iso", iso.toString(), "--viewer", runtimeLikeBuild().toString(),
                input().toString()), out + "\n" + err);
        assertViewerInUdf(iso);
        try (IsoFileSystem fs = IsoFileSystems.open(iso)) { // Joliet: the same long names
            assertEquals("jar", Files.readString(fs.root().resolve(JAR)));
        }
        assertEquals(0, run("verify-media", "--web", "--profile", "STD-GEN-CD", iso.toString()), out + "\n" + err);
    }

    @Test
    void aBurnedDiscCarriesTheViewerInUdf() throws Exception {
        Peers.require("xorriso");
        Path disc = work.resolve("disc.img");
        assertEquals(0, run("create", "--burn", "stdio:" + disc, "--viewer", runtimeLikeBuild().toString(),
                input().toString()), out + "\n" + err);
        assertViewerInUdf(disc);
    }

    @Test
    void aFolderThatIsNoBuildIsRefusedWithWhatWasExpected() throws Exception {
        Path notBuild = Files.createDirectories(work.resolve("empty"));
        assertEquals(2, run("create", "--out", work.resolve("disc").toString(), "--viewer", notBuild.toString(),
                input().toString()));
        assertTrue(err.toString().contains("no launcher found"), err.toString());
    }
}
