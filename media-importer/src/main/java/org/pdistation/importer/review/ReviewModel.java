package org.pdistation.importer.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.importer.medium.Candidate;
import org.pdistation.importer.medium.Medium;

/**
 * What the medium holds, for the clerk to review and select: patients, studies, series, instances with their
 * problems (PDI-REQUIREMENTS 27-28). Built by reading each file's header only, one at a time; only small records
 * are kept.
 */
public final class ReviewModel {
    private final Medium medium;
    private final Map<String, PatientEntry> patients = new LinkedHashMap<>();
    /** Instances that belong to no study: unreadable files, missing or refused references. */
    private final List<InstanceRecord> unplaced = new ArrayList<>();

    private ReviewModel(Medium medium) {
        this.medium = medium;
    }

    public Medium medium() { return medium; }

    public List<PatientEntry> patients() { return List.copyOf(patients.values()); }

    public List<InstanceRecord> unplaced() { return List.copyOf(unplaced); }

    public static ReviewModel build(Medium medium) {
        ReviewModel m = new ReviewModel(medium);
        Set<String> seenUids = new HashSet<>();
        Map<String, String> demographicsById = new HashMap<>();
        Map<String, String> patientByStudy = new HashMap<>();
        for (Candidate c : medium.candidates()) {
            m.add(c, seenUids, demographicsById, patientByStudy);
        }
        return m;
    }

    private void add(Candidate c, Set<String> seenUids, Map<String, String> demographicsById,
                     Map<String, String> patientByStudy) {
        EnumSet<InstanceProblem> problems = EnumSet.noneOf(InstanceProblem.class);
        Candidate.ExpectedKeys e = c.expected();
        if (c.file() == null) {
            problems.add(c.reference() == Candidate.Reference.ESCAPING_FILE_ID ? InstanceProblem.ESCAPING_FILE_ID
                    : InstanceProblem.MISSING_FILE);
            unplaced.add(new InstanceRecord(null, c.fileId(), e.sopClassUid(), e.sopInstanceUid(),
                    e.transferSyntaxUid(), e.studyUid(), e.seriesUid(), 0, problems,
                    c.reference() == Candidate.Reference.ESCAPING_FILE_ID
                            ? "DICOMDIR File ID " + c.fileId() + " leaves the medium's root; refused"
                            : "DICOMDIR references " + c.fileId() + ", which is not on the medium"));
            return;
        }
        if (c.reference() == Candidate.Reference.NOT_IN_DICOMDIR) {
            problems.add(InstanceProblem.NOT_IN_DICOMDIR);
        }
        DicomFile df;
        try {
            df = DicomReader.read(c.file(), ReadOptions.HEADER_ONLY);
        } catch (Exception ex) {
            problems.add(InstanceProblem.UNREADABLE);
            unplaced.add(new InstanceRecord(c.file(), c.fileId(), null, null, null, null, null, 0, problems,
                    "unreadable: " + ex.getMessage()));
            return;
        }
        Dataset ds = df.dataset();
        Dataset meta = df.fileMeta();
        String sopClass = first(meta.getString(Tag.MediaStorageSOPClassUID), ds.getString(Tag.SOPClassUID));
        String sopUid = first(meta.getString(Tag.MediaStorageSOPInstanceUID), ds.getString(Tag.SOPInstanceUID));
        String ts = df.transferSyntax().uid();
        String study = ds.getString(Tag.StudyInstanceUID);
        String series = ds.getString(Tag.SeriesInstanceUID, "");
        List<String> details = new ArrayList<>();
        if (df.hasErrors() && df.pixelDataOffset() < 0 && !df.complete()) {
            problems.add(InstanceProblem.UNREADABLE);
            details.add("damaged: " + df.problems().stream().filter(p -> p.severity()
                    == org.pdistation.imaging.io.ReadProblem.Severity.ERROR).findFirst().map(p -> p.offset() + ": "
                    + p.message()).orElse("?"));
        }
        if (sopUid == null || sopClass == null || study == null) {
            problems.add(InstanceProblem.UNREADABLE);
            details.add("no SOP Class, SOP Instance or Study Instance UID");
        }
        if (sopClass != null && !isStorageClass(sopClass)) {
            problems.add(InstanceProblem.UNSUPPORTED_SOP_CLASS);
            details.add("SOP class " + sopClass + " (" + Objects.requireNonNullElse(UID.nameOf(sopClass), "unknown")
                    + ") is not a storage SOP class");
        }
        if (!UID.isTransferSyntax(ts)) {
            problems.add(InstanceProblem.UNSUPPORTED_TRANSFER_SYNTAX);
            details.add("transfer syntax " + ts + " is not registered in PS3.6");
        }
        if (sopUid != null && !seenUids.add(sopUid)) {
            problems.add(InstanceProblem.DUPLICATE_UID);
            details.add("SOP Instance UID already seen on this medium");
        }
        if (e != null) {
            List<String> diff = new ArrayList<>();
            compare(diff, "SOP Instance UID", e.sopInstanceUid(), sopUid);
            compare(diff, "SOP Class UID", e.sopClassUid(), sopClass);
            compare(diff, "Transfer Syntax UID", e.transferSyntaxUid(), ts);
            compare(diff, "Study Instance UID", e.studyUid(), study);
            compare(diff, "Series Instance UID", e.seriesUid(), series);
            if (!diff.isEmpty()) {
                problems.add(InstanceProblem.DICOMDIR_MISMATCH);
                details.add("DICOMDIR differs from the file in " + String.join(", ", diff) + "; the file is used");
            }
        }
        String pid = ds.getString(Tag.PatientID, "");
        if (study == null) {
            unplaced.add(new InstanceRecord(c.file(), c.fileId(), sopClass, sopUid, ts, null, series, 0, problems,
                    String.join("; ", details)));
            return;
        }
        String demo = ds.getString(Tag.PatientName, "") + "|" + ds.getString(Tag.PatientBirthDate, "");
        String known = demographicsById.putIfAbsent(pid, demo);
        String studyPatient = patientByStudy.putIfAbsent(study, pid);
        if ((known != null && !known.equals(demo)) || (studyPatient != null && !studyPatient.equals(pid))) {
            problems.add(InstanceProblem.CONFLICTING_DEMOGRAPHICS);
            details.add("patient name, birth date or ID differ from another instance of the same patient or study");
        }
        InstanceRecord r = new InstanceRecord(c.file(), c.fileId(), sopClass, sopUid, ts, study, series,
                ds.getInt(Tag.InstanceNumber, 0), problems, String.join("; ", details));
        String patientKey = studyPatient != null ? studyPatient : pid;
        PatientEntry p = patients.computeIfAbsent(patientKey, k -> new PatientEntry(k,
                ds.getString(Tag.IssuerOfPatientID, ""), ds.getString(Tag.PatientName, ""),
                ds.getString(Tag.PatientBirthDate, ""), ds.getString(Tag.PatientSex, "")));
        p.study(study, ds.getString(Tag.StudyDate, ""), ds.getString(Tag.StudyDescription, ""),
                        ds.getString(Tag.AccessionNumber, ""))
                .series(series, ds.getString(Tag.Modality, ""), ds.getString(Tag.SeriesNumber, ""),
                        ds.getString(Tag.SeriesDescription, ""))
                .add(r);
    }

    private static void compare(List<String> diff, String what, String expected, String actual) {
        if (expected != null && !expected.isBlank() && actual != null && !expected.strip().equals(actual.strip())) {
            diff.add(what);
        }
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a.strip() : b == null ? null : b.strip();
    }

    /** PS3.4 Annex B: storage SOP classes are registered SOP classes whose name says "Storage" (not the DICOMDIR). */
    static boolean isStorageClass(String uid) {
        String name = UID.nameOf(uid);
        return UID.typeOf(uid) == UID.Type.SOP_CLASS && name != null && name.contains("Storage")
                && !UID.MediaStorageDirectoryStorage.equals(uid) && !name.contains("Commitment");
    }

    /** Every instance, placed ones first in tree order, then the unplaced. */
    public List<InstanceRecord> allInstances() {
        List<InstanceRecord> all = new ArrayList<>();
        for (PatientEntry p : patients.values()) {
            for (StudyEntry s : p.studies()) {
                for (SeriesEntry se : s.series()) {
                    all.addAll(se.instancesView());
                }
            }
        }
        all.addAll(unplaced);
        return all;
    }

    /**
     * The instances of the selected studies or series (by UID); all when {@code uids} is empty. Unplaced ones come
     * with an empty selection only, so that the report accounts for every file of the medium.
     */
    public List<InstanceRecord> select(Collection<String> uids) {
        if (uids.isEmpty()) {
            return allInstances();
        }
        List<InstanceRecord> out = new ArrayList<>();
        for (InstanceRecord r : allInstances()) {
            if (r.studyUid() != null && (uids.contains(r.studyUid()) || uids.contains(r.seriesUid()))) {
                out.add(r);
            }
        }
        return out;
    }

    /** Study UIDs in the model. */
    public List<String> studyUids() {
        List<String> out = new ArrayList<>();
        for (PatientEntry p : patients.values()) {
            for (StudyEntry s : p.studies()) {
                out.add(s.uid());
            }
        }
        return out;
    }
}
