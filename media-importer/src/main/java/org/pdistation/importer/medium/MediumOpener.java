package org.pdistation.importer.medium;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomSniffer;
import org.pdistation.imaging.media.DicomDirReader;
import org.pdistation.imaging.media.DirectoryRecord;
import org.pdistation.imaging.media.FileIdResolver;
import org.pdistation.imaging.media.FileSetOpener;
import org.pdistation.imaging.media.FileSetProblem;
import org.pdistation.imaging.media.FileSetTree;
import org.pdistation.imaging.media.RecordType;

/**
 * Opens what the clerk points at: a folder, a mounted disc or stick, a DICOMDIR file, or the root {@link Path} of
 * any other file system (an .iso through a read-only provider). Only {@link Files} APIs are used, so any provider
 * works. The DICOMDIR is used when present; the medium is scanned as well, so that files the DICOMDIR does not know
 * are found (PDI-REQUIREMENTS 27: where DICOMDIR and files disagree, the files are trusted and the difference
 * reported). Nothing on the medium is ever executed.
 */
public final class MediumOpener {
    private MediumOpener() {}

    public static Medium open(Path path) throws IOException {
        Path root;
        Path dicomdir;
        if (Files.isRegularFile(path)) {
            dicomdir = path;
            root = path.toAbsolutePath().getParent();
        } else if (Files.isDirectory(path)) {
            root = path.toAbsolutePath();
            dicomdir = FileSetOpener.findDicomdir(root);
        } else {
            throw new NoSuchFileException(path.toString(), null, "no such folder or DICOMDIR");
        }
        List<String> problems = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        Set<Path> referenced = new HashSet<>();
        Path usedDicomdir = null;
        if (dicomdir != null) {
            try {
                FileSetTree tree = DicomDirReader.read(dicomdir);
                for (FileSetProblem p : tree.problems()) {
                    problems.add("DICOMDIR: " + p.message() + (p.offset() >= 0 ? " (record at " + p.offset() + ")"
                            : ""));
                }
                boolean usable = tree.problems().stream().noneMatch(p -> p.severity() == FileSetProblem.Severity.ERROR
                        && p.message().startsWith("no Directory Record Sequence")) && !tree.roots().isEmpty();
                if (usable) {
                    usedDicomdir = dicomdir;
                    collect(tree, candidates, referenced);
                } else {
                    problems.add("DICOMDIR unusable; the medium was scanned instead");
                }
            } catch (IOException | RuntimeException e) {
                problems.add("DICOMDIR unreadable (" + e.getMessage() + "); the medium was scanned instead");
            }
        }
        scan(root, dicomdir, usedDicomdir != null, referenced, candidates, problems);
        String description = (usedDicomdir != null ? "DICOMDIR file-set at " : "scanned folder ") + root;
        return new Medium(root, usedDicomdir, description, candidates, problems);
    }

    /** Instance records of the tree, with the study and series UIDs of the records above them. */
    private static void collect(FileSetTree tree, List<Candidate> out, Set<Path> referenced) {
        record Frame(DirectoryRecord record, String study, String series) {}
        Deque<Frame> stack = new ArrayDeque<>();
        for (int i = tree.roots().size() - 1; i >= 0; i--) {
            stack.push(new Frame(tree.roots().get(i), null, null));
        }
        while (!stack.isEmpty()) {
            Frame f = stack.pop();
            DirectoryRecord r = f.record();
            String study = r.type() == RecordType.STUDY ? r.keys().getString(Tag.StudyInstanceUID) : f.study();
            String series = r.type() == RecordType.SERIES ? r.keys().getString(Tag.SeriesInstanceUID) : f.series();
            Dataset k = r.keys();
            String[] ids = k.getStrings(Tag.ReferencedFileID);
            if (ids.length > 0 && r.type() != RecordType.UNKNOWN && r.type().isLeaf()) {
                String fileId = String.join("/", ids);
                Candidate.ExpectedKeys keys = new Candidate.ExpectedKeys(
                        k.getString(Tag.ReferencedSOPInstanceUIDInFile), k.getString(Tag.ReferencedSOPClassUIDInFile),
                        k.getString(Tag.ReferencedTransferSyntaxUIDInFile), study, series);
                if (r.referencedFile() != null) {
                    Path file = r.referencedFile();
                    if (referenced.add(file.toAbsolutePath().normalize())) {
                        out.add(new Candidate(file, fileId, keys, Candidate.Reference.IN_DICOMDIR));
                    }
                } else if (FileIdResolver.checkSafe(List.of(ids)).isPresent()) {
                    out.add(new Candidate(null, fileId, keys, Candidate.Reference.ESCAPING_FILE_ID));
                } else {
                    out.add(new Candidate(null, fileId, keys, Candidate.Reference.MISSING_FILE));
                }
            }
            List<DirectoryRecord> children = r.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(new Frame(children.get(i), study, series));
            }
        }
    }

    /** Walks the medium (links not followed) for DICOM files the DICOMDIR did not reference. */
    private static void scan(Path root, Path dicomdir, boolean haveDicomdir, Set<Path> referenced,
                             List<Candidate> out, List<String> problems) throws IOException {
        Path dd = dicomdir == null ? null : dicomdir.toAbsolutePath().normalize();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!attrs.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                Path abs = file.toAbsolutePath().normalize();
                String name = file.getFileName().toString().toUpperCase(Locale.ROOT);
                if (abs.equals(dd) || name.equals("DICOMDIR") || name.equals("DICOMDIR;1")
                        || referenced.contains(abs)) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    if (DicomSniffer.looksLikeDicom(file)) {
                        out.add(new Candidate(file, root.relativize(file).toString().replace('\\', '/'), null,
                                haveDicomdir ? Candidate.Reference.NOT_IN_DICOMDIR : Candidate.Reference.SCANNED));
                    }
                } catch (IOException e) {
                    problems.add("cannot read " + root.relativize(file) + ": " + e.getMessage());
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                problems.add("cannot read " + file + ": " + exc.getMessage());
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
