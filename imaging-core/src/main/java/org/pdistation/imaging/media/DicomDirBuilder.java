package org.pdistation.imaging.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;

/**
 * Builds the PATIENT → STUDY → SERIES → instance records for a file-set root whose files already carry conformant
 * File IDs (PS3.10 8.2), reading each file's header only. Keys come from {@link RecordKeys}; one record per
 * Patient ID, Study Instance UID, Series Instance UID and SOP Instance UID (PDI-REQUIREMENTS 20).
 */
public final class DicomDirBuilder {
    /** A record to be written, with the records of its lower level. */
    public static final class Node {
        final RecordType type;
        final Dataset keys;
        final List<Node> children = new ArrayList<>();
        final Map<String, Node> byKey = new LinkedHashMap<>();

        Node(RecordType type, Dataset keys) {
            this.type = type;
            this.keys = keys;
        }

        public RecordType type() { return type; }

        public Dataset keys() { return keys; }

        public List<Node> children() { return children; }
    }

    /** The records to write, the files that made it, and the problems met. */
    public record Result(List<Node> patients, int instances, List<Path> skipped, List<FileSetProblem> problems) {}

    private final Path root;
    private final Profile profile;
    private final RecordKeys recordKeys;
    private final List<FileSetProblem> problems = new ArrayList<>();
    private final List<Path> skipped = new ArrayList<>();
    private final Map<String, Node> patients = new LinkedHashMap<>();
    private final Set<String> sopInstances = new HashSet<>();
    private int generatedStudyIds;
    private int instances;

    public DicomDirBuilder(Path root, Profile profile) {
        this.root = root.toAbsolutePath().normalize();
        this.profile = profile;
        this.recordKeys = RecordKeys.load();
    }

    /** Walks the root (no symbolic links followed), in file ID order so the result is reproducible. */
    public Result build() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .sorted().toList();
        }
        for (Path f : files) {
            Path rel = root.relativize(f);
            if (rel.getNameCount() == 1 && rel.toString().equalsIgnoreCase("DICOMDIR")) {
                continue;
            }
            if (rel.getFileName().toString().startsWith(".")) {
                continue; // temporary files of an interrupted write, editor files
            }
            add(f, rel);
        }
        return result();
    }

    private void skip(Path f, String why) {
        skipped.add(f);
        problems.add(FileSetProblem.error(f, -1, why + "; not in the DICOMDIR"));
    }

    private void add(Path f, Path rel) {
        List<String> components = new ArrayList<>();
        for (Path c : rel) {
            components.add(c.toString());
        }
        DicomFile df;
        try {
            df = DicomReader.read(f, ReadOptions.HEADER_ONLY);
        } catch (IOException | RuntimeException e) {
            skip(f, "not readable as DICOM (" + e.getMessage() + ")");
            return;
        }
        Dataset ds = df.dataset();
        Dataset meta = df.fileMeta();
        String sopClass = first(meta.getString(Tag.MediaStorageSOPClassUID), ds.getString(Tag.SOPClassUID));
        String sopInstance = first(meta.getString(Tag.MediaStorageSOPInstanceUID), ds.getString(Tag.SOPInstanceUID));
        if (!df.hasPreamble() || sopClass == null || sopInstance == null) {
            skip(f, "not a DICOM Part 10 file");
            return;
        }
        addRecord(f, components, ds, sopClass, sopInstance, df.transferSyntax().uid());
    }

    /**
     * Adds one instance whose header the caller already read (a media creator that has just written the file),
     * instead of reading the file again; gives the same records as {@link #build()} would for that file. Call in
     * File ID order for the order {@link #build()} gives, then {@link #result()}.
     *
     * @param fileId         the File ID components, relative to the root
     * @param header         the instance's dataset (pixel data not needed); only read
     * @param sopClass       (0002,0002) of the file
     * @param sopInstance    (0002,0003) of the file
     * @param transferSyntax the syntax the file's dataset is encoded in
     */
    public void add(List<String> fileId, Dataset header, String sopClass, String sopInstance, String transferSyntax) {
        Path f = root;
        for (String c : fileId) {
            f = f.resolve(c);
        }
        addRecord(f, List.copyOf(fileId), header, sopClass, sopInstance, transferSyntax);
    }

    /** The records of the instances given to {@link #add(List, Dataset, String, String, String)}. */
    public Result result() {
        return new Result(List.copyOf(patients.values()), instances, List.copyOf(skipped), List.copyOf(problems));
    }

    private void addRecord(Path f, List<String> components, Dataset ds, String sopClass, String sopInstance,
                           String ts) {
        if (!FileIdResolver.isConformant(components)) {
            skip(f, "file ID " + String.join("\\", components)
                    + " is not conformant (1-8 components of 1-8 characters A-Z 0-9 _, PS3.10 8.2)");
            return;
        }
        String studyUid = ds.getString(Tag.StudyInstanceUID);
        String seriesUid = ds.getString(Tag.SeriesInstanceUID);
        if (studyUid == null || seriesUid == null) {
            skip(f, "no Study or Series Instance UID");
            return;
        }
        if (!sopInstances.add(sopInstance)) {
            skip(f, "duplicate SOP Instance UID " + sopInstance);
            return;
        }
        if (!profile.allows(ts)) {
            problems.add(FileSetProblem.warning(f, -1, "transfer syntax " + ts + " is not allowed by " + profile));
        }
        String patientId = ds.getString(Tag.PatientID, "").strip();
        // Instances without a Patient ID are told apart by name, each group getting its own generated ID.
        String patientKey = patientId.isEmpty() ? "\0" + ds.getString(Tag.PatientName, "").strip() : patientId;
        Node patient = patients.get(patientKey);
        if (patient == null) {
            patient = newNode(RecordType.PATIENT, ds, f, patients.size() + 1);
            patients.put(patientKey, patient);
        } else {
            checkAgrees(patient, ds, f);
        }
        Node study = child(patient, studyUid, RecordType.STUDY, ds, f);
        Node series = child(study, seriesUid, RecordType.SERIES, ds, f);
        RecordType leafType = LeafTypes.forSopClass(sopClass);
        Node leaf = newNode(leafType, ds, f, series.children.size() + 1);
        Dataset k = leaf.keys;
        k.setString(Tag.ReferencedFileID, VR.CS, components.toArray(String[]::new));
        k.setString(Tag.ReferencedSOPClassUIDInFile, VR.UI, sopClass);
        k.setString(Tag.ReferencedSOPInstanceUIDInFile, VR.UI, sopInstance);
        k.setString(Tag.ReferencedTransferSyntaxUIDInFile, VR.UI, ts);
        series.children.add(leaf);
        instances++;
    }

    private Node child(Node parent, String key, RecordType type, Dataset ds, Path f) {
        Node n = parent.byKey.get(key);
        if (n == null) {
            n = newNode(type, ds, f, parent.children.size() + 1);
            parent.byKey.put(key, n);
            parent.children.add(n);
        } else {
            checkAgrees(n, ds, f);
        }
        return n;
    }

    /**
     * PDI-REQUIREMENTS 22 (what dcentvfy checks): the files under one record agree on its keys. The record keeps
     * the first file's values; a disagreement is reported by attribute name only (values may identify the patient).
     */
    private void checkAgrees(Node n, Dataset ds, Path f) {
        for (RecordKeys.Key key : recordKeys.keysFor(n.type, profile)) {
            Object mine = n.keys.get(key.tag());
            if (!(mine instanceof byte[] a) || !(ds.get(key.tag()) instanceof byte[] b)) {
                continue;
            }
            if (!new String(a, java.nio.charset.StandardCharsets.ISO_8859_1).strip()
                    .equals(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).strip())) {
                problems.add(FileSetProblem.warning(f, -1, key.keyword() + " differs from the other files of its "
                        + n.type.code() + " record; the record keeps the first file's value"));
            }
        }
    }

    /** @param ordinal the record's position among its siblings (1-based), used where a number must be supplied */
    private Node newNode(RecordType type, Dataset src, Path f, int ordinal) {
        Dataset keys = new Dataset(false, 16);
        // PS3.3 F.3.2.2: every record is in use when written.
        keys.setInt(Tag.RecordInUseFlag, VR.US, 0xFFFF);
        keys.setString(Tag.DirectoryRecordType, VR.CS, type.code());
        boolean needsCharset = false;
        for (RecordKeys.Key key : recordKeys.keysFor(type, profile)) {
            boolean copied = copy(src, keys, key.tag());
            if (copied) {
                needsCharset |= needsCharset(keys, key.tag());
                continue;
            }
            switch (key.type()) {
                case TYPE_1 -> {
                    if (supply(type, key, src, keys, f, ordinal)) {
                        continue;
                    }
                    keys.set(key.tag(), vrOf(key.tag()), null);
                    problems.add(FileSetProblem.warning(f, -1, "type 1 key " + key.keyword() + " of the "
                            + type.code() + " record is missing in the instance; written empty"));
                }
                case TYPE_2 -> keys.set(key.tag(), vrOf(key.tag()), null);
                default -> { }
            }
        }
        String[] cs = src.getStrings(Tag.SpecificCharacterSet);
        if (needsCharset && cs.length > 0) {
            // PS3.3 F.5: Specific Character Set is 1C, required when any string of the record needs it.
            keys.set(Tag.SpecificCharacterSet, VR.CS, src.get(Tag.SpecificCharacterSet) instanceof byte[] b
                    ? b.clone() : String.join("\\", cs));
        }
        return new Node(type, keys);
    }

    /**
     * PS3.3 F.5 / PDI-REQUIREMENTS 18: a Type 1 key the instance lacks is supplied where a value can be derived
     * honestly, and reported (by attribute, never by value for patient data) so the report shows what was made up.
     * Returns false when nothing can be supplied.
     */
    private boolean supply(RecordType type, RecordKeys.Key key, Dataset src, Dataset keys, Path f, int ordinal) {
        int tag = key.tag();
        String what = type.code() + " record key " + key.keyword();
        if (tag == Tag.StudyID) {
            String id = Integer.toString(++generatedStudyIds);
            keys.setString(Tag.StudyID, VR.SH, id);
            problems.add(FileSetProblem.warning(f, -1, "no Study ID; generated " + id + " (" + what + ", Type 1)"));
            return true;
        }
        if (tag == Tag.PatientID) {
            // F.5.1: the Patient ID is unique in the file-set; one generated per patient record.
            String id = "PDIGEN" + String.format("%06d", ordinal);
            keys.setString(Tag.PatientID, VR.LO, id);
            problems.add(FileSetProblem.warning(f, -1, "no Patient ID; generated a unique one (" + what + ", Type 1)"));
            return true;
        }
        if (tag == Tag.SeriesNumber || tag == Tag.InstanceNumber) {
            // The position within the study / series, in File ID order.
            keys.setString(tag, VR.IS, Integer.toString(ordinal));
            problems.add(FileSetProblem.warning(f, -1, "no " + key.keyword() + "; supplied " + ordinal
                    + " from its order within the " + (tag == Tag.SeriesNumber ? "study" : "series")
                    + " (" + what + ", Type 1)"));
            return true;
        }
        if (tag == Tag.StudyDate || tag == Tag.StudyTime) {
            // F.5.2: Study Date and Time are Type 1; the nearest dates the instance carries stand in for them.
            boolean date = tag == Tag.StudyDate;
            int[] from = date ? new int[] {Tag.SeriesDate, Tag.AcquisitionDate, Tag.ContentDate, Tag.InstanceCreationDate}
                    : new int[] {Tag.SeriesTime, Tag.AcquisitionTime, Tag.ContentTime, Tag.InstanceCreationTime};
            String[] names = date ? new String[] {"SeriesDate", "AcquisitionDate", "ContentDate", "InstanceCreationDate"}
                    : new String[] {"SeriesTime", "AcquisitionTime", "ContentTime", "InstanceCreationTime"};
            for (int i = 0; i < from.length; i++) {
                String v = src.getString(from[i], "").strip();
                if (!v.isEmpty()) {
                    keys.setString(tag, date ? VR.DA : VR.TM, v);
                    problems.add(FileSetProblem.warning(f, -1, "no " + key.keyword() + "; supplied from "
                            + names[i] + " (" + what + ", Type 1)"));
                    return true;
                }
            }
            // Type 1 leaves no choice: with no date at all in the instance, the date the DICOMDIR is written is the
            // only honest value left; the warning says so, so that nobody takes it for the date of the study.
            java.time.LocalDateTime now = java.time.LocalDateTime.now();
            String v = date ? now.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE).substring(0, 8)
                    : now.format(java.time.format.DateTimeFormatter.ofPattern("HHmmss"));
            keys.setString(tag, date ? VR.DA : VR.TM, v);
            problems.add(FileSetProblem.warning(f, -1, "no " + key.keyword() + " nor any other date/time in the"
                    + " instance; the DICOMDIR's creation " + (date ? "date" : "time") + " written (" + what
                    + ", Type 1)"));
            return true;
        }
        return false;
    }

    private static VR vrOf(int tag) {
        VR vr = org.pdistation.imaging.data.ElementDictionary.vrOf(tag);
        return vr == null ? VR.UN : vr;
    }

    /** Copies one element, as raw bytes for text (no charset conversion); false when absent or empty. */
    private static boolean copy(Dataset src, Dataset dst, int tag) {
        int i = src.indexOf(tag);
        if (i < 0 || src.valueAt(i) == null) {
            return false;
        }
        VR vr = src.vrAt(i);
        Object v = src.valueAt(i);
        if (v instanceof Sequence seq) {
            if (seq.isEmpty()) {
                return false;
            }
            Sequence out = dst.newSequence(tag, seq.size());
            for (Dataset item : seq) {
                out.add(item.copy());
            }
            return true;
        }
        if (vr.isString()) {
            byte[] b = src.getBytes(tag);
            if (b == null || new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).isBlank()) {
                return false;
            }
            dst.set(tag, vr, b.clone());
            return true;
        }
        if (vr == VR.US || vr == VR.SS || vr == VR.UL || vr == VR.SL) {
            long[] l = src.getLongs(tag);
            if (l.length == 0) {
                return false;
            }
            dst.setLong(tag, vr, l);
            return true;
        }
        byte[] b = src.getBytes(tag);
        if (b == null || src.isBigEndian()) {
            return false;
        }
        dst.set(tag, vr, b.clone());
        return true;
    }

    private static boolean needsCharset(Dataset keys, int tag) {
        VR vr = keys.vrOf(tag);
        if (vr == null || !vr.isCharsetDependent() || !(keys.get(tag) instanceof byte[] b)) {
            return false;
        }
        for (byte x : b) {
            if (x < 0 || x == 0x1B) {
                return true;
            }
        }
        return false;
    }

    private static String first(String a, String b) {
        return a != null && !a.isEmpty() ? a : (b != null && !b.isEmpty() ? b : null);
    }
}
