package org.pdistation.imaging.archive.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.pdistation.imaging.net.DataSetInput;

/**
 * The archive's files under one root: {@code objects/<study>/<series>/<instance>.dcm}, each name a truncated SHA-256
 * of the UID so that no PHI (and no attacker-chosen text) becomes a path. Files are written under a temporary name in
 * {@code tmp/} (same file system), optionally synced ({@link org.pdistation.imaging.archive.Durability}), then renamed
 * into place atomically, so a killed process leaves either the whole file or only a temporary one that
 * {@link #removeTemporaries()} deletes.
 */
public final class ArchiveStore {
    static final String TEMP_SUFFIX = ".part";
    private final Path root;
    private final Path objects;
    private final Path tmp;
    private final boolean sync;

    /** Without a flush per file: survives a killed process, not a power loss (see Durability). */
    public ArchiveStore(Path root) throws IOException {
        this(root, false);
    }

    /** @param sync whether each staged file is fsynced before it can be committed */
    public ArchiveStore(Path root, boolean sync) throws IOException {
        this.sync = sync;
        this.root = root.toAbsolutePath().normalize();
        Posix.ownerOnlyDirs(this.root, this.root);
        this.objects = Posix.ownerOnlyDirs(this.root, this.root.resolve("objects"));
        this.tmp = Posix.ownerOnlyDirs(this.root, this.root.resolve("tmp"));
    }

    public Path root() {
        return root;
    }

    public Path objects() {
        return objects;
    }

    /** The path (relative to the root) where an instance lives. */
    public static String relativePath(String studyUid, String seriesUid, String sopInstanceUid) {
        return "objects/" + hash(studyUid, 16) + "/" + hash(seriesUid, 16) + "/" + hash(sopInstanceUid, 32) + ".dcm";
    }

    public Path resolve(String relativePath) {
        Path p = root.resolve(relativePath).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("path " + relativePath + " escapes the archive root");
        }
        return p;
    }

    /**
     * Writes {@code header} then the data set bytes from {@code dataset} to a new temporary file, synced to disk. On
     * any IOException the temporary file is deleted and the exception rethrown.
     */
    public StagedFile stage(byte[] header, InputStream dataset) throws IOException {
        Path t = Files.createTempFile(tmp, "in-", TEMP_SUFFIX);
        try {
            Posix.ownerOnlyFile(t);
            MessageDigest sha = sha256();
            long size;
            try (FileChannel ch = FileChannel.open(t, StandardOpenOption.WRITE)) {
                ByteBuffer meta = ByteBuffer.wrap(header);
                while (meta.hasRemaining()) {
                    ch.write(meta);
                }
                // Hashed as the bytes pass to the file (from the network's direct buffer where the association
                // allows: DataSetInput), never by reading the file back.
                DataSetInput.copy(dataset, ch, sha);
                // Durable before the rename and before the index says it is there (unless told otherwise).
                if (sync) {
                    // fdatasync: the data and the size needed to read it back; timestamps may lag.
                    ch.force(false);
                }
                size = ch.size();
            }
            return new StagedFile(t, header.length, size, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(t);
            throw e;
        }
    }

    /** Renames a staged file into place at {@code relativePath} (atomically where the file system can). */
    public Path commit(StagedFile staged, String relativePath) throws IOException {
        Path target = resolve(relativePath);
        Posix.ownerOnlyDirs(root, target.getParent());
        try {
            Files.move(staged.temp(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staged.temp(), target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    public void discard(StagedFile staged) throws IOException {
        Files.deleteIfExists(staged.temp());
    }

    /** Deletes a file and the series/study folders it leaves empty. */
    public void delete(String relativePath) throws IOException {
        Path p = resolve(relativePath);
        Files.deleteIfExists(p);
        for (Path dir = p.getParent(); dir != null && !dir.equals(objects) && dir.startsWith(objects);
             dir = dir.getParent()) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    break;
                }
            } catch (IOException e) {
                break;
            }
            Files.deleteIfExists(dir);
        }
    }

    /** Removes every temporary file left by an interrupted write; returns how many. */
    public int removeTemporaries() throws IOException {
        int n = 0;
        try (Stream<Path> s = Files.list(tmp)) {
            for (Path p : s.toList()) {
                if (p.getFileName().toString().endsWith(TEMP_SUFFIX) && Files.deleteIfExists(p)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Every stored file, relative to the root with '/' separators. */
    public List<String> listFiles() throws IOException {
        try (Stream<Path> s = Files.walk(objects)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    /** Hex SHA-256 of the bytes of {@code file} from {@code offset}. */
    public static String sha256(Path file, long offset) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(offset);
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) >= 0) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static String hash(String uid, int hexChars) {
        byte[] d = sha256().digest(uid.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(d).substring(0, hexChars);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
