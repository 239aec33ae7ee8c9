package org.pdistation.creator.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.PersonName;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.media.DicomDirReader;
import org.pdistation.imaging.media.DirectoryRecord;
import org.pdistation.imaging.media.FileSetOpener;
import org.pdistation.imaging.media.FileSetTree;
import org.pdistation.imaging.media.RecordType;

/**
 * The patients, studies and series of a file-set, read through its DICOMDIR: only files the DICOMDIR references
 * are used (PS3.10 8: the DICOMDIR is the file-set's index). Text values come from the header of the first
 * instance of each entity, decoded with that file's Specific Character Set (PS3.5 6.1); the directory record's
 * own keys are the fallback when that file cannot be read.
 *
 * @param root     the file-set root
 * @param patients in DICOMDIR order
 * @param problems what could not be read, one line each, without patient data
 */
public record FileSetContent(Path root, List<PatientInfo> patients, List<String> problems) {
    public FileSetContent {
        patients = List.copyOf(patients);
        problems = List.copyOf(problems);
    }

    /** Reads the file-set whose DICOMDIR lies in {@code root}. */
    public static FileSetContent read(Path root) throws IOException {
        Path dicomdir = FileSetOpener.findDicomdir(root);
        if (dicomdir == null) throw new NoSuchFileException(root + "/DICOMDIR", null, "no DICOMDIR in the file-set root");
        FileSetTree tree = DicomDirReader.read(dicomdir);
        List<String> problems = new ArrayList<>();
        tree.problems().forEach(p -> problems.add("DICOMDIR: " + p));
        List<PatientInfo> patients = new ArrayList<>();
        for (DirectoryRecord p : tree.roots()) {
            if (p.type() == RecordType.PATIENT) patients.add(patient(p, problems));
        }
        return new FileSetContent(tree.root(), patients, problems);
    }

    public List<StudyInfo> allStudies() {
        return patients.stream().flatMap(p -> p.studies().stream()).toList();
    }

    private static PatientInfo patient(DirectoryRecord rec, List<String> problems) {
        List<StudyInfo> studies = new ArrayList<>();
        Dataset header = null;
        for (DirectoryRecord s : rec.children()) {
            if (s.type() != RecordType.STUDY) continue;
            StudyInfo st = study(s, problems);
            if (header == null) header = firstHeader(st, problems);
            studies.add(st);
        }
        Dataset keys = header != null ? header : rec.keys();
        PersonName name = keys.getPersonName(Tag.PatientName);
        if (name == null && header != null) name = rec.keys().getPersonName(Tag.PatientName);
        return new PatientInfo(name, text(keys, rec.keys(), Tag.PatientID), date(keys, rec.keys(), Tag.PatientBirthDate),
                text(keys, rec.keys(), Tag.PatientSex), studies);
    }

    private static StudyInfo study(DirectoryRecord rec, List<String> problems) {
        List<SeriesInfo> series = new ArrayList<>();
        for (DirectoryRecord s : rec.children()) {
            if (s.type() == RecordType.SERIES) series.add(series(s, problems));
        }
        StudyInfo draft = new StudyInfo(null, "", "", "", series);
        Dataset header = firstHeader(draft, problems);
        Dataset keys = header != null ? header : rec.keys();
        return new StudyInfo(date(keys, rec.keys(), Tag.StudyDate), text(keys, rec.keys(), Tag.StudyDescription),
                text(keys, rec.keys(), Tag.StudyID), text(keys, rec.keys(), Tag.AccessionNumber), series);
    }

    private record Leaf(Path file, int instanceNumber, int order) {}

    private static SeriesInfo series(DirectoryRecord rec, List<String> problems) {
        List<Leaf> leaves = new ArrayList<>();
        for (DirectoryRecord r : rec.children()) {
            if (r.referencedFile() != null && Files.isRegularFile(r.referencedFile())) {
                leaves.add(new Leaf(r.referencedFile(), r.keys().getInt(Tag.InstanceNumber, Integer.MAX_VALUE),
                        leaves.size()));
            }
        }
        leaves.sort(Comparator.comparingInt(Leaf::instanceNumber).thenComparingInt(Leaf::order));
        List<Path> files = leaves.stream().map(Leaf::file).toList();
        Dataset header = files.isEmpty() ? null : header(files.get(0), problems);
        Dataset keys = header != null ? header : rec.keys();
        return new SeriesInfo(text(keys, rec.keys(), Tag.SeriesNumber), text(keys, rec.keys(), Tag.Modality),
                text(keys, rec.keys(), Tag.SeriesDescription), files);
    }

    private static Dataset firstHeader(StudyInfo st, List<String> problems) {
        for (SeriesInfo s : st.series()) {
            if (!s.instances().isEmpty()) return header(s.instances().get(0), problems);
        }
        return null;
    }

    private static Dataset header(Path file, List<String> problems) {
        try {
            return DicomReader.read(file, ReadOptions.HEADER_ONLY).dataset();
        } catch (IOException | RuntimeException e) {
            problems.add(file.getFileName() + ": header not readable (" + e.getClass().getSimpleName() + ")");
            return null;
        }
    }

    private static String text(Dataset first, Dataset fallback, int tag) {
        String s = first.getString(tag);
        if (s == null && first != fallback) s = fallback.getString(tag);
        return s == null ? "" : s.strip();
    }

    private static LocalDate date(Dataset first, Dataset fallback, int tag) {
        try {
            LocalDate d = first.getDate(tag);
            return d != null || first == fallback ? d : fallback.getDate(tag);
        } catch (RuntimeException e) {
            return null; // an invalid DA is shown as unknown rather than failing the medium
        }
    }
}
