package org.pdistation.creator.target;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.pdistation.creator.stage.Privacy;

/**
 * A folder or mounted USB stick. When the staging folder lies beside the target on the same file system and the
 * target folder is new (or empty), the staged folder is renamed into place: one atomic step, nothing to copy.
 * Otherwise every file is copied, the DICOMDIR last (under a temporary name, then renamed), so that an interrupted
 * copy never looks like a complete file-set. A target that already holds a DICOMDIR is refused unless
 * {@code replace} is set; then the old DICOMDIR goes first and the staged entries replace the old ones of the same
 * name.
 *
 * <p>Durability: no file is synced one by one. One flush of the target's file system after the files and another
 * after the DICOMDIR ({@link Durability}) give the same guarantee before the job is reported DONE — every byte is on
 * the device, and the DICOMDIR reached it only after the files it references — at the cost of two waits for the
 * device instead of one per file.
 */
public final class FolderTarget implements MediaTarget {
    /** Copies one file; a test seam for faults (a full medium) where a real small file system cannot be mounted. */
    @FunctionalInterface
    public interface Copier {
        void copy(Path from, Path to) throws IOException;
    }

    static final String DICOMDIR = "DICOMDIR";
    private static final String TEMP_DICOMDIR = ".pdistation-DICOMDIR.tmp";

    private final Path folder;
    private final boolean replace;
    private final Copier copier;

    public FolderTarget(Path folder, boolean replace) {
        this(folder, replace, (from, to) -> Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES));
    }

    public FolderTarget(Path folder, boolean replace, Copier copier) {
        this.folder = folder.toAbsolutePath().normalize();
        this.replace = replace;
        this.copier = copier;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public String describe() {
        return "folder " + folder;
    }

    @Override
    public Path preferredStagingParent() {
        Path parent = folder.getParent();
        return parent != null && Files.isDirectory(parent) && Files.isWritable(parent) ? parent : null;
    }

    @Override
    public WrittenMedium write(Path staging, String fileSetId, Progress progress) throws IOException {
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("writing to " + folder + " failed: it exists and is not a folder");
        }
        boolean oldSet = Files.exists(folder.resolve(DICOMDIR), LinkOption.NOFOLLOW_LINKS);
        if (oldSet && !replace) {
            throw new IOException(folder + " already holds a DICOMDIR (another file-set); choose an empty folder or"
                    + " replace it");
        }
        if (!oldSet && isEmptyOrAbsent(folder) && staging.toAbsolutePath().getParent().equals(folder.getParent())) {
            WrittenMedium renamed = tryRename(staging.toAbsolutePath(), progress);
            if (renamed != null) {
                return renamed;
            }
        }
        return copy(staging, progress);
    }

    private WrittenMedium tryRename(Path staging, Progress progress) throws IOException {
        progress.update("write", 0, 1);
        boolean removedEmpty = Files.deleteIfExists(folder);
        try {
            Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            if (removedEmpty) {
                Privacy.createDirectories(folder);
            }
            return null;
        }
        Durability.flush(folder, List.of(folder), List.of());
        progress.update("write", 1, 1);
        return new Written(folder, true, () -> {
            // Rename back: the staged files are where the report says they are, and the target is as it was.
            Files.move(folder, staging, StandardCopyOption.ATOMIC_MOVE);
            if (removedEmpty) {
                Files.createDirectories(folder);
            }
            return "the file-set was moved back from " + folder + " to the staging folder";
        });
    }

    private WrittenMedium copy(Path staging, Progress progress) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(staging)) {
            files = s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        Path stagedDicomdir = staging.resolve(DICOMDIR);
        List<Path> createdDirs = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        boolean createdRoot = !Files.exists(folder);
        Privacy.createDirectories(folder);
        Undo undo = () -> {
            undoCopy(written, createdDirs, createdRoot);
            return "the " + written.size() + " files written to " + folder + " were removed";
        };
        try {
            if (replace) {
                removeReplaced(staging);
            }
            int total = files.size();
            int done = 0;
            for (Path f : files) {
                if (f.equals(stagedDicomdir)) {
                    continue;
                }
                Path rel = staging.relativize(f);
                Path to = folder.resolve(rel.toString());
                makeParents(to.getParent(), createdDirs);
                copier.copy(f, to);
                written.add(to);
                progress.update("write", ++done, total);
            }
            Durability.flush(folder, written, createdDirs);
            // PS3.10 8 / PDI-REQUIREMENTS: the DICOMDIR appears last and at once, so a reader never sees a
            // DICOMDIR whose files are not all there.
            Path temp = folder.resolve(TEMP_DICOMDIR);
            copier.copy(stagedDicomdir, temp);
            written.add(temp);
            Path dicomdir = folder.resolve(DICOMDIR);
            Files.move(temp, dicomdir, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            written.set(written.size() - 1, dicomdir);
            Durability.flush(folder, List.of(dicomdir), List.of(folder));
            progress.update("write", ++done, total);
        } catch (IOException | RuntimeException e) {
            try {
                undo.run();
            } catch (IOException | RuntimeException u) {
                e.addSuppressed(u);
            }
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e instanceof NoSuchFileException) {
                why = "no such file or folder: " + why + " (was the medium removed?)";
            }
            throw new IOException("writing to " + folder + " failed: " + why, e);
        }
        return new Written(folder, false, undo);
    }

    /** Replacing a file-set: its DICOMDIR goes first (so it never describes a half-replaced set), then the entries
     * the new set brings. Other entries of the folder are left alone. */
    private void removeReplaced(Path staging) throws IOException {
        Files.deleteIfExists(folder.resolve(DICOMDIR));
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(staging)) {
            for (Path p : ds) {
                deleteTree(folder.resolve(p.getFileName().toString()));
            }
        }
    }

    /** Creates the missing folders between the target root and {@code dir}; the root itself must still exist. */
    private void makeParents(Path dir, List<Path> created) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (dir.equals(folder) || !dir.startsWith(folder)) {
            throw new NoSuchFileException(folder.toString());
        }
        makeParents(dir.getParent(), created);
        Privacy.createDirectories(dir);
        created.add(dir);
    }

    private void undoCopy(List<Path> written, List<Path> createdDirs, boolean createdRoot) throws IOException {
        // The DICOMDIR (last written) goes first: from then on the folder no longer looks like a file-set.
        Files.deleteIfExists(folder.resolve(TEMP_DICOMDIR));
        for (int i = written.size() - 1; i >= 0; i--) {
            Files.deleteIfExists(written.get(i));
        }
        for (int i = createdDirs.size() - 1; i >= 0; i--) {
            deleteIfEmpty(createdDirs.get(i));
        }
        if (createdRoot) {
            deleteIfEmpty(folder);
        }
    }

    private static void deleteIfEmpty(Path dir) throws IOException {
        if (isEmptyOrAbsent(dir) && Files.exists(dir)) {
            Files.delete(dir);
        }
    }

    private static boolean isEmptyOrAbsent(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            return !ds.iterator().hasNext();
        }
    }

    /** Deletes a file or folder tree (symbolic links removed, never followed); absent is fine. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                Files.deleteIfExists(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @FunctionalInterface
    private interface Undo {
        String run() throws IOException;
    }

    private record Written(Path root, boolean movedByRename, Undo undo) implements WrittenMedium {
        @Override
        public String rollBack() throws IOException {
            return undo.run();
        }
    }
}
