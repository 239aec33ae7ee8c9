package org.pdistation.viewer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.media.DicomDirWriter;
import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.media.iso.IsoOptions;
import org.pdistation.imaging.media.iso.IsoWriter;
import org.pdistation.imaging.synth.SyntheticCtStudy;

/** {@code verify-media} as a user runs it: finding lines, the summary line, and the exit codes. */
class VerifyMediaCommandTest extends InProcessCli {
    @TempDir
    Path root;

    private void conformantMedium() throws Exception {
        new SyntheticCtStudy(16, 2, 3).write(root, 3);
        Files.writeString(root.resolve("README.TXT"), "test medium\r\n", StandardCharsets.US_ASCII);
        DicomDirWriter.write(new DicomDirWriter.Request(root, Profile.STD_GEN_CD, "TEST"));
    }

    @Test
    void aConformantMediumExitsZeroWithASummaryLine() throws Exception {
        conformantMedium();
        assertEquals(0, run("verify-media", "--profile", "STD-GEN-CD", root.toString()), out + "\n" + err);
        List<String> lines = out.toString().lines().toList();
        assertEquals("verified 5 files, 0 errors, 0 warnings; profile STD-GEN-CD: conformant",
                lines.get(lines.size() - 1), out.toString());
    }

    @Test
    void aMissingFilePrintsAnErrorLineWithItsRuleAndExitsOne() throws Exception {
        conformantMedium();
        Files.delete(root.resolve("DICOM/ST000001/SE000002/IM000001"));
        assertEquals(1, run("verify-media", "--quiet", root.toString()), out + "\n" + err);
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.matches("ERROR  R20  DICOMDIR @\\d+ \\(0004,1500\\): referenced file "
                + "'DICOM\\\\ST000001\\\\SE000002\\\\IM000001' does not exist")), out.toString());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("ERROR") || l.startsWith("verified")), out.toString());
        assertTrue(lines.get(lines.size() - 1).endsWith("profile STD-GEN-CD: not conformant"), out.toString());
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        assertEquals(2, run("verify-media", "--profile", "STD-NOPE", root.toString()));
        assertEquals(2, run("verify-media", root.resolve("absent").toString()));
    }

    @Test
    void anIsoImageIsVerifiedThroughItsFileSystem(@TempDir Path images) throws Exception {
        conformantMedium();
        Path iso = images.resolve("disc.iso");
        new IsoWriter().write(root, iso, IsoOptions.pdi("TEST", Instant.parse("2026-11-20T10:00:00Z")), (d, t) -> { });
        assertEquals(0, run("verify-media", "--profile", "STD-GEN-CD", iso.toString()), out + "\n" + err);
        assertTrue(out.toString().contains("verified 5 files, 0 errors"), out.toString());
    }

    @Test
    void aCorruptIsoImageIsABrokenMediumNotAUsageError(@TempDir Path images) throws Exception {
        byte[] bytes = new byte[40 * 2048];
        System.arraycopy("\u0001CD001".getBytes(StandardCharsets.US_ASCII), 0, bytes, 16 * 2048, 6);
        Path iso = Files.write(images.resolve("broken.iso"), bytes);
        assertEquals(1, run("verify-media", iso.toString()), out + "\n" + err);
        assertTrue(err.toString().contains("cannot open"), err.toString());
    }
}
