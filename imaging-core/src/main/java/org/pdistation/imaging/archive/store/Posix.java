package org.pdistation.imaging.archive.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Owner-only permissions where the file system is POSIX: the archive holds patient data (STYLE.md). */
final class Posix {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private Posix() {
    }

    static void ownerOnlyFile(Path p) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** Creates {@code dir} and its missing parents below {@code root}, each 700. */
    static Path ownerOnlyDirs(Path root, Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Path parent = dir.getParent();
        if (parent != null && !parent.equals(root.getParent())) {
            ownerOnlyDirs(root, parent);
        }
        try {
            Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return dir;
        }
        if (POSIX) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        return dir;
    }
}
