package org.pdistation.importer.medium;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.pdistation.imaging.io.DicomSniffer;
import org.pdistation.imaging.media.FileSetOpener;

/**
 * Finds newly mounted media on request: each {@link #poll()} lists the platform's mount roots (/media/$USER,
 * /run/media/$USER, /mnt, /Volumes, and the file system roots, which are the drive letters on Windows) and reports
 * the roots not seen at the previous poll that hold a DICOMDIR or, at their top level, a DICOM file. Only reads
 * directory listings and file heads; never executes anything (no autorun).
 */
public final class MountWatcher {
    private final List<Path> parents;
    private final Set<Path> seen = new HashSet<>();

    /** Watches the given parent folders (their sub-folders are mount points) and the default roots. */
    public MountWatcher(List<Path> parents) {
        this.parents = List.copyOf(parents);
    }

    /** The usual mount parents of this platform for the current user. */
    public static MountWatcher forPlatform() {
        String user = System.getProperty("user.name", "");
        List<Path> p = new ArrayList<>();
        for (String s : List.of("/media/" + user, "/run/media/" + user, "/media", "/mnt", "/Volumes")) {
            p.add(Path.of(s));
        }
        return new MountWatcher(p);
    }

    /** The roots that appeared since the last call and look like DICOM media. */
    public List<Path> poll() {
        Set<Path> now = new HashSet<>();
        for (Path parent : parents) {
            if (!Files.isDirectory(parent)) {
                continue;
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent)) {
                for (Path p : ds) {
                    if (Files.isDirectory(p)) {
                        now.add(p);
                    }
                }
            } catch (IOException | RuntimeException ignored) {
                // A parent that cannot be listed holds no medium we could read.
            }
        }
        for (Path r : FileSystems.getDefault().getRootDirectories()) {
            // Windows drive letters; "/" on Unix is never a medium in itself.
            if (r.getParent() == null && !r.toString().equals("/")) {
                now.add(r);
            }
        }
        List<Path> fresh = new ArrayList<>();
        for (Path p : now) {
            if (!seen.contains(p) && holdsDicom(p)) {
                fresh.add(p);
            }
        }
        seen.clear();
        seen.addAll(now);
        fresh.sort(null);
        return fresh;
    }

    static boolean holdsDicom(Path root) {
        try {
            if (FileSetOpener.findDicomdir(root) != null) {
                return true;
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
                int looked = 0;
                for (Path p : ds) {
                    if (looked++ > 64) {
                        break;
                    }
                    if (DicomSniffer.looksLikeDicom(p)) {
                        return true;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }
}
