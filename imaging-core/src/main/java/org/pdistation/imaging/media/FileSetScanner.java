package org.pdistation.imaging.media;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.DicomSniffer;
import org.pdistation.imaging.io.ReadOptions;

/**
 * Finds the DICOM files under a folder without a usable DICOMDIR (PDI-REQUIREMENTS 27): symbolic links are not
 * followed, each file is recognised by "DICM" at offset 128 or by a plausible dataset start without preamble, and
 * only its header is read.
 */
public final class FileSetScanner {
    /** The instances found and the files that looked like DICOM but could not be read. */
    public record Scan(Path root, List<ScannedInstance> instances, List<FileSetProblem> problems) {
        public Scan {
            instances = List.copyOf(instances);
            problems = List.copyOf(problems);
        }
    }

    private FileSetScanner() {}

    public static Scan scan(Path folder) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                // walkFileTree does not follow links by default; links show up as non-regular files here.
                if (attrs.isRegularFile()) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        List<ScannedInstance> found = new ArrayList<>();
        List<FileSetProblem> problems = new ArrayList<>();
        for (Path f : files) {
            if (f.getFileName().toString().equalsIgnoreCase("DICOMDIR")) {
                continue;
            }
            try {
                if (!DicomSniffer.looksLikeDicom(f)) {
                    continue;
                }
                DicomFile df = DicomReader.read(f, ReadOptions.HEADER_ONLY);
                Dataset ds = df.dataset();
                String sop = ds.getString(Tag.SOPInstanceUID);
                if (sop == null) {
                    sop = df.fileMeta().getString(Tag.MediaStorageSOPInstanceUID);
                }
                if (sop == null || ds.getString(Tag.StudyInstanceUID) == null) {
                    problems.add(FileSetProblem.warning(f, -1, "DICOM file without SOP or Study Instance UID"));
                    continue;
                }
                String sopClass = ds.getString(Tag.SOPClassUID);
                found.add(new ScannedInstance(f, ds.getString(Tag.PatientID, ""), ds.getString(Tag.PatientName, ""),
                        ds.getString(Tag.StudyInstanceUID), ds.getString(Tag.StudyDate, ""),
                        ds.getString(Tag.SeriesInstanceUID, ""), ds.getString(Tag.Modality, ""),
                        sopClass, sop));
            } catch (IOException | RuntimeException e) {
                problems.add(FileSetProblem.warning(f, -1, "unreadable: " + e.getMessage()));
            }
        }
        return new Scan(root, found, problems);
    }
}
