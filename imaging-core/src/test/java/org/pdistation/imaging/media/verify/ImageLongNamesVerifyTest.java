package org.pdistation.imaging.media.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.media.iso.IsoFileSystem;
import org.pdistation.imaging.media.iso.IsoFileSystems;
import org.pdistation.imaging.media.iso.IsoOptions;
import org.pdistation.imaging.media.iso.IsoWriter;

/**
 * Rule 10 on a disc image whose viewer keeps its long names only in the Joliet and UDF trees (IsoOptions long-name
 * folders leave them out of the ISO 9660 Level 1 tree): nothing a Level 1 reader sees breaks the rule, so no
 * warning; the same files in a folder still get the single per-folder warning (MediaVerifierTest).
 */
class ImageLongNamesVerifyTest {
    private static final List<String> VIEWER_FILES = List.of("pdistation-linux-x64/bin/pdistation",
            "pdistation-linux-x64/lib/app/pdistation.jar",
            "pdistation-linux-x64/lib/runtime/conf/security/policy/limited/deep/exempt_local.policy", "LINUX.SH");

    @TempDir
    Path dir;

    private Path image() throws IOException {
        Path src = GoodFileSet.create(dir.resolve("src"));
        for (String f : VIEWER_FILES) {
            Path p = src.resolve("VIEWER").resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "not DICOM");
        }
        Path iso = dir.resolve("pdi.iso");
        new IsoWriter().write(src, iso, IsoOptions.pdi("PDI_LONG", Instant.parse("2026-11-20T10:00:00Z"))
                .withUdf(true).withLongNamesUnder(Set.of("VIEWER")), null);
        return iso;
    }

    private static List<Finding> rule10(VerifyReport r) {
        return r.findings().stream().filter(f -> f.rule() == 10).toList();
    }

    private static String text(VerifyReport r) {
        return r.findings().stream().map(Finding::format).collect(Collectors.joining("\n"));
    }

    @Test
    void longNamesOnlyInTheJolietAndUdfTreesAreNotRule10Warnings() throws IOException {
        Path iso = image();
        try (IsoFileSystem joliet = IsoFileSystems.open(iso); IsoFileSystem udf = IsoFileSystems.openUdf(iso)) {
            for (IsoFileSystem fs : List.of(joliet, udf)) {
                VerifyReport r = MediaVerifier.verify(fs.root(), VerifyOptions.DEFAULT);
                assertFalse(r.hasErrors(), fs.format() + "\n" + text(r));
                assertEquals(Profile.STD_GEN_CD, r.profile(), text(r));
                assertEquals(List.of(), rule10(r), fs.format() + "\n" + text(r));
                // The viewer was walked all the same: 4 images, README.TXT, DICOMDIR and the 4 viewer files.
                assertEquals(10, r.filesVerified(), text(r));
            }
        }
    }

    @Test
    void theSameFilesCopiedToAFolderKeepTheSingleWarning() throws IOException {
        Path iso = image();
        VerifyReport r;
        try (IsoFileSystem joliet = IsoFileSystems.open(iso)) {
            Path copy = dir.resolve("copy");
            try (var walk = Files.walk(joliet.root())) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path to = copy.resolve(joliet.root().relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
            r = MediaVerifier.verify(copy, VerifyOptions.DEFAULT);
        }
        // One warning for the folder's first long name, one for the rest, one for the path deeper than 8 levels.
        List<String> r10 = rule10(r).stream().map(Finding::format).toList();
        assertEquals(3, r10.size(), text(r));
        assertEquals(1, r10.stream().filter(f -> f.contains("2 more file(s) under VIEWER/")).count(), text(r));
        assertEquals(1, r10.stream().filter(f -> f.contains("more than 8 directory levels")).count(), text(r));
    }
}
