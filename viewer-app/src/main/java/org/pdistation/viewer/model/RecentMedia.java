package org.pdistation.viewer.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The recently opened media, newest first, one absolute path per line in {@code recent-media.txt} of the settings
 * folder. The paths can name a patient's disc, so the file is owner-only where POSIX permissions exist.
 */
public final class RecentMedia {
    static final int MAX = 10;
    private final Path file;

    public RecentMedia(Path settingsFolder) {
        this.file = settingsFolder.resolve("recent-media.txt");
    }

    /** The settings folder the list lives in (other settings are kept beside it). */
    public Path folder() { return file.getParent(); }

    public List<Path> list() {
        if (!Files.isRegularFile(file)) return List.of();
        try {
            List<Path> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) out.add(Path.of(line.strip()));
            }
            return List.copyOf(out);
        } catch (IOException | RuntimeException e) {
            return List.of(); // an unreadable list is an empty list, not a reason to stop the station
        }
    }

    /** Puts {@code path} first, dropping an older entry for it and the oldest beyond {@value #MAX}. */
    public void add(Path path) throws IOException {
        Path p = path.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>();
        next.add(p);
        for (Path q : list()) {
            if (!q.equals(p) && next.size() < MAX) next.add(q);
        }
        List<String> lines = next.stream().map(Path::toString).toList();
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
