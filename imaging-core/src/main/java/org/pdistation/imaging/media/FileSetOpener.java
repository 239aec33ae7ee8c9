package org.pdistation.imaging.media;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens what a user points at: a DICOMDIR file, a folder holding one (any case, as ISO 9660 mounts show it), or a
 * folder without one, which is scanned.
 */
public final class FileSetOpener {
    private FileSetOpener() {}

    /** The summary, plus the tree when a DICOMDIR was read. */
    public record Opened(FileSetSummary summary, FileSetTree tree) {}

    public static Opened open(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            FileSetTree tree = DicomDirReader.read(path);
            return new Opened(FileSetSummary.of(tree), tree);
        }
        if (!Files.isDirectory(path)) {
            throw new java.nio.file.NoSuchFileException(path.toString());
        }
        Path dicomdir = findDicomdir(path);
        if (dicomdir != null) {
            FileSetTree tree = DicomDirReader.read(dicomdir);
            return new Opened(FileSetSummary.of(tree), tree);
        }
        return new Opened(FileSetSummary.of(FileSetScanner.scan(path)), null);
    }

    /** The folder's DICOMDIR entry matched case-insensitively, also as "DICOMDIR." or "DICOMDIR;1"; or null. */
    public static Path findDicomdir(Path folder) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Path p : ds) {
                String n = p.getFileName().toString().toUpperCase(java.util.Locale.ROOT);
                if ((n.equals("DICOMDIR") || n.equals("DICOMDIR.") || n.equals("DICOMDIR;1"))
                        && Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        return null;
    }
}
