package org.pdistation.creator.stage;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Staged files hold patient data: folders 700 and files 600 where the file system has POSIX permissions. */
public final class Privacy {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private Privacy() {}

    /** Creates the folder and its missing parents below {@code base} owner-only. */
    public static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        if (POSIX) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR));
        } else {
            Files.createDirectory(dir);
        }
    }

    /** A new empty file, owner-only. */
    public static Path createFile(Path file) throws IOException {
        if (POSIX) {
            FileAttribute<Set<PosixFilePermission>> a = PosixFilePermissions.asFileAttribute(FILE);
            return Files.createFile(file, a);
        }
        return Files.createFile(file);
    }

    /** Sets owner-only permissions on an existing file (one written by another library). */
    public static void restrict(Path file) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(file, Files.isDirectory(file) ? DIR : FILE);
        }
    }

    public static Path createTempDirectory(Path parent, String prefix) throws IOException {
        return POSIX ? Files.createTempDirectory(parent, prefix, PosixFilePermissions.asFileAttribute(DIR))
                : Files.createTempDirectory(parent, prefix);
    }
}
