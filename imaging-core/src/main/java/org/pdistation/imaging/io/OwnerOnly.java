package org.pdistation.imaging.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders readable by their owner only ({@code rw-------} / {@code rwx------}) where the file system has
 * POSIX permissions: what PDI Station writes may hold patient data (README "Privacy"). Elsewhere (Windows) the
 * per-user folder's ACLs apply and these calls create plainly.
 *
 * <p>Files are created with the permission attribute, never created first and restricted afterwards, so there is no
 * moment at which another user could open them. Java cannot set the process umask, which is why SQLite databases
 * are created here before SQLite opens them: SQLite gives its {@code -wal}, {@code -shm} and {@code -journal}
 * files the main file's permissions on Unix (checked by OwnerOnlyTest), not the umask's.
 */
public final class OwnerOnly {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    /** SQLite's sibling files (sqlite.org/tempfiles.html: rollback journal, write-ahead log, shared memory). */
    private static final String[] SQLITE_SIBLINGS = {"-journal", "-wal", "-shm"};

    private OwnerOnly() {}

    /** Whether the default file system has POSIX permissions. */
    public static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates {@code dir} and its missing parents; each folder this call creates is {@code rwx------}. Folders that
     * exist are left as they are (the user's choice, e.g. an output folder on a share).
     */
    public static Path createDirectories(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            return dir;
        }
        Path parent = abs.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            if (posix()) {
                Files.createDirectory(abs, PosixFilePermissions.asFileAttribute(DIR));
                // The umask can only have removed bits from the attribute; set them exactly.
                Files.setPosixFilePermissions(abs, DIR);
            } else {
                Files.createDirectory(abs);
            }
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(abs)) {
                throw raced;
            }
        }
        return dir;
    }

    /** Creates a new, empty {@code rw-------} file; fails when it exists. */
    public static Path createFile(Path file) throws IOException {
        return posix() ? Files.createFile(file, fileAttribute()) : Files.createFile(file);
    }

    /**
     * Opens {@code file} for writing from its start: a new file is created {@code rw-------}; an existing one is
     * restricted to its owner before it is truncated, so that the new content is never readable by others.
     */
    public static OutputStream newOutputStream(Path file) throws IOException {
        try {
            createFile(file);
        } catch (FileAlreadyExistsException exists) {
            restrict(file);
        }
        return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** A temporary file {@code rw-------} in {@code dir} (as {@link Files#createTempFile(Path, String, String,
     * FileAttribute[])} does on POSIX by default, said explicitly). */
    public static Path createTempFile(Path dir, String prefix, String suffix) throws IOException {
        return posix() ? Files.createTempFile(dir, prefix, suffix, fileAttribute())
                : Files.createTempFile(dir, prefix, suffix);
    }

    /** Sets {@code rw-------} ({@code rwx------} for a folder) on an existing path; does not follow links. */
    public static void restrict(Path p) throws IOException {
        if (posix() && !Files.isSymbolicLink(p)) {
            Files.setPosixFilePermissions(p, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? DIR : FILE);
        }
    }

    /**
     * Prepares an SQLite database file before the first connection: creates it {@code rw-------} when missing
     * (SQLite accepts an empty file as an empty database), or restricts it and any sibling journal, WAL and
     * shared-memory files left by an earlier run (created before this rule, or by another tool).
     */
    public static Path sqliteDatabase(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null) {
            createDirectories(abs.getParent());
        }
        try {
            createFile(abs);
        } catch (FileAlreadyExistsException exists) {
            restrict(abs);
            for (String s : SQLITE_SIBLINGS) {
                Path sibling = abs.resolveSibling(abs.getFileName() + s);
                if (Files.exists(sibling, LinkOption.NOFOLLOW_LINKS)) {
                    restrict(sibling);
                }
            }
        }
        return abs;
    }

    private static FileAttribute<Set<PosixFilePermission>> fileAttribute() {
        return PosixFilePermissions.asFileAttribute(FILE);
    }
}
