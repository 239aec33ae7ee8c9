package org.pdistation.creator.label;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pdistation.creator.content.FileSetContent;
import org.pdistation.creator.content.PatientInfo;
import org.pdistation.creator.content.StudyInfo;
import org.pdistation.imaging.data.PersonName;

/**
 * What the label says (IHE PDI: patient name, ID, birth date, study dates, institution, creation date, and
 * "DICOM ONLY" / "DICOM PLUS WEB").
 *
 * @param patientName  decoded name, or null
 * @param otherPatients how many more patients the medium holds (normally 0)
 */
public record LabelInfo(PersonName patientName, String patientId, LocalDate birthDate, List<Study> studies,
                        int otherPatients, String institution, LocalDate creationDate, boolean withWeb) {
    public LabelInfo {
        patientId = patientId == null ? "" : patientId;
        studies = List.copyOf(studies);
        institution = institution == null ? "" : institution.strip();
        Objects.requireNonNull(creationDate, "creationDate");
    }

    /** One study line: date (or null) and description (or ""). */
    public record Study(LocalDate date, String description, List<String> modalities) {
        public Study {
            description = description == null ? "" : description;
            modalities = List.copyOf(modalities);
        }
    }

    /** The label of a file-set: its first patient and that patient's studies. */
    public static LabelInfo of(FileSetContent content, String institution, LocalDate creationDate, boolean withWeb) {
        List<PatientInfo> patients = content.patients();
        if (patients.isEmpty()) {
            return new LabelInfo(null, "", null, List.of(), 0, institution, creationDate, withWeb);
        }
        PatientInfo p = patients.get(0);
        List<Study> studies = new ArrayList<>();
        for (StudyInfo s : p.studies()) studies.add(new Study(s.date(), s.description(), s.modalities()));
        return new LabelInfo(p.name(), p.id(), p.birthDate(), studies, patients.size() - 1, institution, creationDate,
                withWeb);
    }

    public String contentMark() {
        return withWeb ? "DICOM PLUS WEB" : "DICOM ONLY";
    }
}
