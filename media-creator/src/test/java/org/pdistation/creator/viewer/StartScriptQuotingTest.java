package org.pdistation.creator.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pdistation.imaging.testing.Peers;

/**
 * The Linux/macOS start file on the medium runs only the viewer, with the medium's folder as one argument, whatever
 * the medium is called: the mount point comes from the disc's volume label or the stick's name, i.e. from whoever
 * made the medium. Spaces, quotes, {@code $(...)}, back-quotes, globs, non-ASCII, a leading '-' and a set CDPATH
 * must neither run anything nor change the arguments.
 */
class StartScriptQuotingTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"PATIENT DISC", "it's \"x\"", "$(touch PWNED)", "`touch PWNED`", "a;touch PWNED&*?[",
            "Ünïcødé 患者", "-n", "--help"})
    void runsTheViewerOnTheMediumFolderWhateverTheMediumIsCalled(String mediumName) throws Exception {
        Path sh = Path.of("/bin/sh");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(sh), "needs /bin/sh");
        Path medium = tmp.resolve(mediumName);
        Path build = medium.resolve("VIEWER/pdistation-linux-x64");
        Files.createDirectories(build.resolve("bin"));
        // One argument per line, so that a split or a glob would show.
        Files.writeString(build.resolve("bin/pdistation"), "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        Files.setPosixFilePermissions(build.resolve("bin/pdistation"), PosixFilePermissions.fromString("rwx------"));
        PortableBuild b = PortableBuild.of(build);
        Path script = medium.resolve("VIEWER/" + b.platform().startScript());
        Files.writeString(script, StartInstructions.startScript(b), StandardCharsets.UTF_8);
        Files.createDirectories(tmp.resolve("cdpath/VIEWER"));

        // As the README says: from the medium's folder, "sh VIEWER/LINUX.SH"; by its full path; and relative to
        // the folder above (where $0 starts with the medium's name, e.g. "-n/VIEWER/LINUX.SH").
        for (List<String> cmd : List.of(List.of("env", "CDPATH=" + tmp.resolve("cdpath"), "sh", "-c",
                        "cd -- \"$1\" && sh VIEWER/LINUX.SH", "sh", medium.toString()),
                List.of("sh", script.toString()),
                List.of("sh", "-c", "cd -- \"$1\" && sh -- \"$2/VIEWER/LINUX.SH\"", "sh", tmp.toString(),
                        mediumName))) {
            Peers.Result r = Peers.run(Duration.ofSeconds(20), cmd.toArray(String[]::new)).requireSuccess();
            assertEquals("view\n" + medium.toRealPath() + "\n", r.stdout(), String.join(" ", cmd));
        }
        try (var s = Files.walk(tmp)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().equals("PWNED")), "nothing else ran");
        }
    }
}
