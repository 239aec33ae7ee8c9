package org.pdistation.viewer.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.pdistation.imaging.media.DicomDirWriter;
import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.synth.SyntheticCtStudy;

/** Small file-sets made by a test: a conformant one, and the same one broken the way real discs are. */
public final class BrokenDiscs {
    private BrokenDiscs() {}

    /** A conformant STD-GEN-CD file-set of {@code files} generated CT slices under {@code root}, with README.TXT. */
    public static List<Path> good(Path root, int files) throws IOException {
        Files.createDirectories(root);
        List<Path> written = new SyntheticCtStudy(32, files, 7).write(root, files);
        Files.writeString(root.resolve("README.TXT"), "Test disc made by a PDI Station test\r\n");
        DicomDirWriter.write(new DicomDirWriter.Request(root, Profile.STD_GEN_CD, "TESTDISC"));
        return written;
    }

    /**
     * {@link #good} with a referenced file deleted (the DICOMDIR lists a file that is not on the disc) and another
     * renamed to lower case (found only through a name variant), the way careless copying breaks a disc.
     */
    public static Path broken(Path root) throws IOException {
        List<Path> files = good(root, 4);
        Files.delete(files.get(1));
        Path renamed = files.get(2);
        Files.move(renamed, renamed.resolveSibling(renamed.getFileName().toString().toLowerCase(java.util.Locale.ROOT)));
        return root;
    }

    /** Deletes {@code root} and everything below it (a medium being unmounted). */
    public static void delete(Path root) throws IOException {
        try (var s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
