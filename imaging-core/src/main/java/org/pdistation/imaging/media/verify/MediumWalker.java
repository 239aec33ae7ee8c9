package org.pdistation.imaging.media.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.DicomSniffer;
import org.pdistation.imaging.io.ReadOptions;

/**
 * Walks the medium with {@link Files} only (so the root may live on an ISO 9660 file system as well as on the
 * default one), never following links, and reads the header of every DICOM file (stopping before the pixel data).
 */
final class MediumWalker {
    /** Deeper than PS3.10's 8 components plus a few non-DICOM folders: nothing legitimate is deeper. */
    static final int MAX_DEPTH = 24;

    private MediumWalker() {}

    record Walk(List<MediumFile> files, boolean truncated, int directories) {}

    static Walk walk(Path root, int maxFiles, Findings findings) throws IOException {
        List<Path> paths = new ArrayList<>();
        boolean[] truncated = {false};
        int[] dirs = {0};
        Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                dirs[0]++;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    if (paths.size() >= maxFiles) {
                        truncated[0] = true;
                        return FileVisitResult.TERMINATE;
                    }
                    paths.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                findings.warning(FindingKind.UNREADABLE, 20, rel(root, file), -1, null, "cannot be read: " + exc.getMessage());
                return FileVisitResult.CONTINUE;
            }
        });
        if (truncated[0]) {
            findings.warning(FindingKind.PARTIAL, 20, "", -1, null, "more than " + maxFiles
                    + " files on the medium; only the first " + maxFiles + " were verified");
        }
        paths.sort(null);
        List<MediumFile> files = new ArrayList<>(paths.size());
        for (Path p : paths) {
            files.add(examine(root, p));
        }
        return new Walk(files, truncated[0], dirs[0]);
    }

    static String rel(Path root, Path file) {
        Path r = root.relativize(file);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < r.getNameCount(); i++) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(r.getName(i).toString());
        }
        return sb.toString();
    }

    private static MediumFile examine(Path root, Path p) {
        String rel = rel(root, p);
        if (rel.equalsIgnoreCase("DICOMDIR")) {
            return new MediumFile(p, rel, true, null, null);
        }
        try {
            if (!DicomSniffer.looksLikeDicom(p)) {
                return new MediumFile(p, rel, false, null, null);
            }
            DicomFile df;
            try (InputStream in = Files.newInputStream(p)) {
                df = DicomReader.read(in, ReadOptions.HEADER_ONLY);
            }
            return new MediumFile(p, rel, true, FileHeader.of(df), null);
        } catch (IOException | RuntimeException e) {
            return new MediumFile(p, rel, true, null, String.valueOf(e.getMessage()));
        }
    }
}
