package org.pdistation.creator.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.media.DirectoryRecord;
import org.pdistation.imaging.media.FileSetOpener;
import org.pdistation.imaging.media.FileSetTree;
import org.pdistation.imaging.media.DicomDirReader;

/**
 * Turns what the user named (files, folders, DICOMDIR media) into a {@link Selection}, reading headers only. A
 * folder holding a DICOMDIR contributes the files its records reference; any other folder is walked (symbolic links
 * not followed) and its DICOM-looking files read. Unreadable inputs become problems; nothing here throws for bad
 * input.
 */
public final class SelectionReader {
    private final List<InputInstance> instances = new ArrayList<>();
    private final List<SelectionProblem> problems = new ArrayList<>();

    public static Selection read(List<Path> inputs) {
        SelectionReader r = new SelectionReader();
        for (Path p : inputs) {
            r.add(p);
        }
        return Selection.of(r.instances, r.problems);
    }

    private void add(Path input) {
        try {
            if (Files.isDirectory(input)) {
                Path dicomdir = FileSetOpener.findDicomdir(input);
                if (dicomdir != null) {
                    addFileSet(dicomdir);
                } else {
                    walk(input);
                }
            } else if (Files.isRegularFile(input)) {
                String name = input.getFileName().toString().toUpperCase(Locale.ROOT);
                if (name.equals("DICOMDIR") || name.startsWith("DICOMDIR.") || name.startsWith("DICOMDIR;")) {
                    addFileSet(input);
                } else {
                    addFile(input);
                }
            } else {
                problems.add(new SelectionProblem(input, "no such file or folder"));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new SelectionProblem(input, "not readable: " + e.getMessage()));
        }
    }

    private void addFileSet(Path dicomdir) throws IOException {
        FileSetTree tree = DicomDirReader.read(dicomdir);
        for (DirectoryRecord r : tree.allRecords()) {
            if (r.referencedFile() != null) {
                addFile(r.referencedFile());
            } else if (r.keys().contains(Tag.ReferencedFileID)) {
                problems.add(new SelectionProblem(dicomdir, "record " + r + " references "
                        + String.join("\\", r.keys().getStrings(Tag.ReferencedFileID)) + ", which is missing or refused"));
            }
        }
    }

    private void walk(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                problems.add(new SelectionProblem(file, "not readable: " + exc.getMessage()));
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        for (Path f : files) {
            // Inside a walked folder only Part 10 files count: README, HTML, viewers are not inputs (never executed).
            addFile(f, true);
        }
    }

    private void addFile(Path f) {
        addFile(f, false);
    }

    /**
     * The first bytes of a file: enough for the preamble and file meta in all but odd files (then up to
     * {@link Part10Header#LIMIT}), read once for both the "DICM" test and the dataset offset that staging needs.
     */
    private static byte[] head(Path f, int n) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            return in.readNBytes(n);
        }
    }

    private void addFile(Path f, boolean onlyPart10) {
        DicomFile df;
        Part10Header part10;
        try {
            byte[] head = head(f, 4096);
            boolean dicm = Part10Header.hasDicmPrefix(head);
            if (onlyPart10 && !dicm) {
                return;
            }
            part10 = dicm ? Part10Header.parse(head) : null;
            if (dicm && part10 == null && head.length == 4096) {
                part10 = Part10Header.parse(head(f, Part10Header.LIMIT));
            }
            df = DicomReader.read(f, ReadOptions.HEADER_ONLY);
        } catch (IOException | RuntimeException e) {
            problems.add(new SelectionProblem(f, "not readable as DICOM: " + e.getMessage()));
            return;
        }
        if (df.hasErrors()) {
            problems.add(new SelectionProblem(f, "damaged: " + df.problems().stream()
                    .filter(p -> p.severity() == org.pdistation.imaging.io.ReadProblem.Severity.ERROR)
                    .findFirst().map(Object::toString).orElse("")));
            return;
        }
        Dataset ds = df.dataset();
        Dataset meta = df.fileMeta();
        String sopClass = nonEmpty(ds.getString(Tag.SOPClassUID), meta.getString(Tag.MediaStorageSOPClassUID));
        String sopInstance = nonEmpty(ds.getString(Tag.SOPInstanceUID), meta.getString(Tag.MediaStorageSOPInstanceUID));
        String study = ds.getString(Tag.StudyInstanceUID, "");
        String series = ds.getString(Tag.SeriesInstanceUID, "");
        if (sopClass.isEmpty() || sopInstance.isEmpty() || study.isEmpty() || series.isEmpty()) {
            problems.add(new SelectionProblem(f, "no SOP Class, SOP Instance, Study or Series Instance UID"));
            return;
        }
        int frames = 0;
        long nativeBytes = 0;
        if (df.pixelDataOffset() >= 0) {
            frames = Math.max(1, ds.getInt(Tag.NumberOfFrames, 1));
            long rows = ds.getInt(Tag.Rows, 0);
            long cols = ds.getInt(Tag.Columns, 0);
            long samples = Math.max(1, ds.getInt(Tag.SamplesPerPixel, 1));
            long bits = Math.max(1, ds.getInt(Tag.BitsAllocated, 8));
            nativeBytes = (rows * cols * samples * bits * frames + 7) / 8;
        }
        long size;
        try {
            size = Files.size(f);
        } catch (IOException e) {
            problems.add(new SelectionProblem(f, "not readable: " + e.getMessage()));
            return;
        }
        instances.add(new InputInstance(f, size, df.transferSyntax().uid(), df.hasPreamble(),
                ds.getString(Tag.PatientID, ""), ds.getString(Tag.PatientName, ""),
                ds.getString(Tag.PatientBirthDate, ""), study, ds.getString(Tag.StudyDate, ""),
                ds.getString(Tag.StudyDescription, ""), series, ds.getInt(Tag.SeriesNumber, 0),
                ds.getString(Tag.Modality, ""), sopClass, sopInstance, ds.getInt(Tag.InstanceNumber, 0),
                frames, nativeBytes, meta.getString(Tag.SourceApplicationEntityTitle, "").strip(),
                part10, ds));
    }

    private static String nonEmpty(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        return b == null ? "" : b.strip();
    }
}
