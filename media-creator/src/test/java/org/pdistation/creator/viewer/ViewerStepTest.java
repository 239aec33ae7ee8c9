package org.pdistation.creator.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pdistation.creator.CreateReport;
import org.pdistation.creator.MediaCreator;
import org.pdistation.creator.plan.MediumSize;
import org.pdistation.creator.plan.Plan;
import org.pdistation.creator.plan.Planner;
import org.pdistation.creator.plan.SelectionReader;
import org.pdistation.creator.plan.TranscodePolicy;
import org.pdistation.creator.stage.CreateOptions;
import org.pdistation.creator.stage.StagingStep;
import org.pdistation.creator.target.FolderTarget;
import org.pdistation.creator.target.Progress;
import org.pdistation.creator.web.WebContentStep;
import org.pdistation.imaging.codec.CodecRegistry;
import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.Peers;

class ViewerStepTest {
    private static final FileTime BUILT = FileTime.from(Instant.parse("2026-01-02T03:04:05Z"));

    @TempDir
    Path tmp;

    /** A stand-in for build-packages.sh's portable folder: a launcher that prints its arguments, a jar, a link. */
    private Path fakeLinuxBuild() throws IOException {
        Path b = tmp.resolve("builds/pdistation-linux-x64");
        Files.createDirectories(b.resolve("bin"));
        Files.writeString(b.resolve("bin/pdistation"), "#!/bin/sh\necho \"launched: $*\"\n");
        Files.setPosixFilePermissions(b.resolve("bin/pdistation"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(b.resolve("lib/app"));
        Files.write(b.resolve("lib/app/pdistation.jar"), new byte[] {'P', 'K', 3, 4});
        Files.setLastModifiedTime(b.resolve("lib/app/pdistation.jar"), BUILT);
        Files.createDirectories(b.resolve("lib/runtime/legal/java.base"));
        Files.createDirectories(b.resolve("lib/runtime/legal/java.sql"));
        Files.writeString(b.resolve("lib/runtime/legal/java.base/LICENSE"), "license text");
        Files.createSymbolicLink(b.resolve("lib/runtime/legal/java.sql/LICENSE"), Path.of("../java.base/LICENSE"));
        Files.writeString(b.resolve("autorun.inf"), "[autorun]\nopen=bin/pdistation\n");
        return b;
    }

    private CreateReport.MediumReport create(Profile profile, List<PortableBuild> builds, List<String> notes,
                                             Path out) throws IOException {
        Path in = tmp.resolve("in");
        new SyntheticCtStudy(64, 4, 3).write(in, 4);
        long reserve = ViewerStep.bytes(builds);
        Plan plan = new Planner(profile, MediumSize.CD, TranscodePolicy.standard(), reserve)
                .plan(SelectionReader.read(List.of(in)));
        List<StagingStep> steps = List.of(new ViewerStep(builds, notes::add), new WebContentStep("en", notes::add));
        CreateOptions options = new CreateOptions("Test Hospital", "", "VIEWERTEST", true, false, false, null);
        CreateReport report = new MediaCreator(options, steps, null, CodecRegistry.standard(), null)
                .create(plan, n -> new FolderTarget(out, false), Progress.NONE);
        return report.media().get(0);
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"STD_GEN_CD", "STD_GEN_USB_J2K"})
    void aMediumWithTheViewerPassesVerificationAndCarriesAWorkingStartFile(Profile profile) throws Exception {
        List<String> notes = new ArrayList<>();
        Path out = tmp.resolve("medium");
        CreateReport.MediumReport m = create(profile, List.of(PortableBuild.of(fakeLinuxBuild())), notes, out);

        // Done means written, read back, and passed the MediaVerifier conformance check for the profile.
        assertEquals(CreateReport.Outcome.DONE, m.outcome(), m.reason());
        Path viewer = out.resolve("VIEWER/pdistation-linux-x64");
        assertTrue(Files.isExecutable(viewer.resolve("bin/pdistation")), "launcher stays executable");
        assertEquals(BUILT, Files.getLastModifiedTime(viewer.resolve("lib/app/pdistation.jar")),
                "the jar keeps its time (the AppCDS archive checks it)");
        Path copiedLink = viewer.resolve("lib/runtime/legal/java.sql/LICENSE");
        assertFalse(Files.isSymbolicLink(copiedLink), "links become files");
        assertEquals("license text", Files.readString(copiedLink));
        try (Stream<Path> s = Files.walk(out)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().equalsIgnoreCase("autorun.inf")));
        }
        assertTrue(notes.stream().anyMatch(n -> n.contains("autorun.inf")), notes.toString());

        String readme = Files.readString(out.resolve("README.TXT"), StandardCharsets.UTF_8);
        int section = readme.indexOf("VIEWER ON THIS MEDIUM");
        assertTrue(section > 0 && section < readme.indexOf("\r\nCONTACT\r\n"), readme);
        assertTrue(readme.contains("sh VIEWER/LINUX.SH"), readme);
        assertTrue(Files.readString(out.resolve("VIEWER/README.TXT")).contains("pdistation-linux-x64/bin/pdistation"));
        assertTrue(Files.readString(out.resolve("INDEX.HTM")).contains("href=\"VIEWER/README.TXT\""),
                "INDEX.HTM links the viewer's instructions");

        // The start file runs the build's launcher on the medium's own root (where its DICOMDIR is).
        Path start = out.resolve("VIEWER/LINUX.SH");
        assertTrue(Files.isExecutable(start));
        Peers.Result r = Peers.run(Duration.ofSeconds(30), "/bin/sh", start.toString()).requireSuccess();
        assertEquals("launched: view " + out.toRealPath(), r.stdout().strip());
    }

    @Test
    void aFolderWithoutALauncherIsRefusedWithWhatWasExpected() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("not-a-build"));
        IOException e = assertThrows(IOException.class, () -> PortableBuild.of(empty));
        assertTrue(e.getMessage().contains("bin/pdistation"), e.getMessage());
    }

    @Test
    void aFolderNameThatCannotTravelIsRefused() throws IOException {
        Path odd = Files.createDirectories(tmp.resolve("my viewer;1"));
        Files.createDirectories(odd.resolve("bin"));
        Files.writeString(odd.resolve("bin/pdistation"), "#!/bin/sh\n");
        IOException e = assertThrows(IOException.class, () -> PortableBuild.of(odd));
        assertTrue(e.getMessage().contains("folder name"), e.getMessage());
    }

    @Test
    void theLinuxBuildsScriptIsPreferredToTheJpackageLauncher() throws IOException {
        Path b = fakeLinuxBuild();
        assertEquals("bin/pdistation", PortableBuild.of(b).launcher());
        Files.writeString(b.resolve("pdistation.sh"), "#!/bin/sh\n");
        assertEquals("pdistation.sh", PortableBuild.of(b).launcher());
    }

    @Test
    void twoBuildsForOnePlatformAreRefused() throws IOException {
        PortableBuild a = PortableBuild.of(fakeLinuxBuild());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ViewerStep(List.of(a, a), n -> { }));
        assertTrue(e.getMessage().contains("Linux"), e.getMessage());
    }

    @Test
    void windowsStartFileUsesBackslashesAndOpensTheMediumRoot() {
        PortableBuild w = new PortableBuild(tmp, "pdistation-windows-x64", PortableBuild.Platform.WINDOWS,
                "pdistation.exe");
        String bat = StartInstructions.startScript(w);
        assertTrue(bat.contains("\"%~dp0pdistation-windows-x64\\pdistation.exe\" view \"%~dp0..\""), bat);
        assertTrue(bat.contains("\r\n"));
    }
}
