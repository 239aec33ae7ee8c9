package org.pdistation.viewer.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.media.DirectoryRecord;
import org.pdistation.imaging.media.FileSetOpener;
import org.pdistation.imaging.media.FileSetScanner;
import org.pdistation.imaging.media.FileSetTree;
import org.pdistation.imaging.media.OpenedMedium;
import org.pdistation.imaging.media.RecordType;
import org.pdistation.imaging.media.ScannedInstance;
import org.pdistation.viewer.i18n.Messages;

/**
 * Reads what the user opened into a {@link MediaContent}: a DICOMDIR (or a folder holding one) through its records,
 * a folder without one by scanning, a single DICOM file as a one-series medium. Never throws: whatever goes wrong
 * becomes a problem sentence, and the station shows what could be read.
 */
public final class MediaReader {
    private final Messages messages;

    public MediaReader(Messages messages) {
        this.messages = messages;
    }

    public MediaContent read(Path path) {
        try {
            if (!Files.exists(path)) {
                return failed(path, messages.format("problem.notFound", path));
            }
            String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
            if (Files.isRegularFile(path) && OpenedMedium.isIsoImage(path)) {
                // The image stays open while the station may show its files (viewports read frames lazily); the
                // read-only file system holds one file handle and is released when the station exits.
                OpenedMedium image = OpenedMedium.open(path);
                MediaContent inside = read(image.root());
                return new MediaContent(path, inside.patients(), inside.readingProblems());
            }
            if (Files.isRegularFile(path) && !isDicomdirName(name)) {
                return singleFile(path);
            }
            if (Files.isDirectory(path) && FileSetOpener.findDicomdir(path) == null) {
                return scanned(path, FileSetScanner.scan(path));
            }
            FileSetOpener.Opened opened = FileSetOpener.open(path);
            return fromTree(path, opened.tree());
        } catch (IOException | RuntimeException e) {
            // RuntimeException too: a hostile DICOMDIR must end as a sentence on screen, not a dead station.
            return failed(path, messages.format("problem.unreadable", describe(e)));
        }
    }

    private static boolean isDicomdirName(String lowerName) {
        return lowerName.equals("dicomdir") || lowerName.equals("dicomdir.") || lowerName.equals("dicomdir;1");
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static MediaContent failed(Path path, String problem) {
        return new MediaContent(path, List.of(), List.of(ReadingProblem.of(problem)));
    }

    private MediaContent singleFile(Path file) throws IOException {
        DicomFile df = DicomReader.read(file, ReadOptions.HEADER_ONLY);
        Dataset ds = df.dataset();
        if (!ds.contains(Tag.SOPInstanceUID) && !ds.contains(Tag.Rows)) {
            return failed(file, messages.format("problem.notDicom", file));
        }
        SeriesEntry series = new SeriesEntry(ds.getString(Tag.SeriesInstanceUID, ""), ds.getString(Tag.SeriesNumber, ""),
                ds.getString(Tag.Modality, ""), ds.getString(Tag.SeriesDescription, ""), List.of(file),
                ds.contains(Tag.Rows) || !ImageKinds.isNonImageClass(ds.getString(Tag.SOPClassUID, "")));
        StudyEntry study = new StudyEntry(ds.getString(Tag.StudyInstanceUID, ""), ds.getString(Tag.StudyDate, ""),
                ds.getString(Tag.StudyDescription, ""), ds.getString(Tag.AccessionNumber, ""), List.of(series));
        PatientEntry patient = new PatientEntry(ds.getString(Tag.PatientID, ""), ds.getString(Tag.PatientName, ""),
                ds.getString(Tag.PatientBirthDate, ""), ds.getString(Tag.PatientSex, ""), List.of(study));
        List<ReadingProblem> problems = df.problems().stream().map(p -> ReadingProblem.of(p.describe(file))).toList();
        return new MediaContent(file, List.of(patient), problems);
    }

    /** PS3.3 F.4: PATIENT → STUDY → SERIES → leaf records that reference the instance files. */
    private MediaContent fromTree(Path source, FileSetTree tree) {
        List<PatientEntry> patients = new ArrayList<>();
        for (DirectoryRecord p : tree.roots()) {
            if (p.type() != RecordType.PATIENT) continue;
            List<StudyEntry> studies = new ArrayList<>();
            for (DirectoryRecord st : p.children()) {
                if (st.type() != RecordType.STUDY) continue;
                List<SeriesEntry> series = new ArrayList<>();
                for (DirectoryRecord se : st.children()) {
                    if (se.type() != RecordType.SERIES) continue;
                    Dataset k = se.keys();
                    series.add(new SeriesEntry(k.getString(Tag.SeriesInstanceUID, ""), k.getString(Tag.SeriesNumber, ""),
                            k.getString(Tag.Modality, ""), k.getString(Tag.SeriesDescription, ""), leafFiles(se),
                            mayHoldImages(se)));
                }
                Dataset k = st.keys();
                studies.add(new StudyEntry(k.getString(Tag.StudyInstanceUID, ""), k.getString(Tag.StudyDate, ""),
                        k.getString(Tag.StudyDescription, ""), k.getString(Tag.AccessionNumber, ""), series));
            }
            Dataset k = p.keys();
            patients.add(new PatientEntry(k.getString(Tag.PatientID, ""), k.getString(Tag.PatientName, ""),
                    k.getString(Tag.PatientBirthDate, ""), k.getString(Tag.PatientSex, ""), studies));
        }
        ReadingProblems words = new ReadingProblems(messages, tree.root());
        List<ReadingProblem> problems = tree.problems().stream().map(words::read).toList();
        return new MediaContent(source, patients, problems);
    }

    /** Whether any leaf record of the series may be an image (its record type and Referenced SOP Class UID in File). */
    private static boolean mayHoldImages(DirectoryRecord series) {
        boolean anyLeaf = false;
        for (DirectoryRecord r : series.children()) {
            if (!r.type().isLeaf()) continue;
            anyLeaf = true;
            if (ImageKinds.mayBeImage(r.type(), r.keys().getString(Tag.ReferencedSOPClassUIDInFile, ""))) return true;
        }
        return !anyLeaf;
    }

    private static List<Path> leafFiles(DirectoryRecord series) {
        List<Path> files = new ArrayList<>();
        for (DirectoryRecord r : series.children()) {
            if (r.type().isLeaf() && r.referencedFile() != null && Files.isRegularFile(r.referencedFile())) {
                files.add(r.referencedFile());
            }
        }
        return files;
    }

    private MediaContent scanned(Path root, FileSetScanner.Scan scan) {
        Map<String, Map<String, Map<String, List<ScannedInstance>>>> tree = new LinkedHashMap<>();
        for (ScannedInstance i : scan.instances()) {
            tree.computeIfAbsent(i.patientId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(i.studyUid(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(i.seriesUid(), k -> new ArrayList<>()).add(i);
        }
        List<PatientEntry> patients = new ArrayList<>();
        for (Map<String, Map<String, List<ScannedInstance>>> studiesOf : tree.values()) {
            List<StudyEntry> studies = new ArrayList<>();
            ScannedInstance anyOfPatient = firstInstance(first(studiesOf.values()).values());
            for (Map<String, List<ScannedInstance>> seriesOf : studiesOf.values()) {
                List<SeriesEntry> series = new ArrayList<>();
                for (List<ScannedInstance> inst : seriesOf.values()) {
                    ScannedInstance i = inst.get(0);
                    series.add(new SeriesEntry(i.seriesUid(), "", i.modality(), "",
                            inst.stream().map(ScannedInstance::file).toList(),
                            inst.stream().anyMatch(x -> !ImageKinds.isNonImageClass(x.sopClassUid()))));
                }
                ScannedInstance i = firstInstance(seriesOf.values());
                studies.add(new StudyEntry(i.studyUid(), i.studyDate(), "", "", series));
            }
            patients.add(new PatientEntry(anyOfPatient.patientId(), anyOfPatient.patientName(), "", "", studies));
        }
        ReadingProblems words = new ReadingProblems(messages, root);
        List<ReadingProblem> problems = new ArrayList<>(scan.problems().stream().map(words::read).toList());
        if (patients.isEmpty()) problems.add(ReadingProblem.of(messages.format("problem.noImages", root)));
        return new MediaContent(root, patients, problems);
    }

    private static ScannedInstance firstInstance(Collection<List<ScannedInstance>> lists) {
        return lists.iterator().next().get(0);
    }

    private static <T> T first(Collection<T> c) {
        return c.iterator().next();
    }
}
