package org.pdistation.creator.content;

import java.time.LocalDate;
import java.util.List;
import org.pdistation.imaging.data.PersonName;

/**
 * One patient of the file-set.
 *
 * @param name      Patient's Name decoded with the file's Specific Character Set, or null when absent
 * @param id        Patient ID, or ""
 * @param birthDate Patient's Birth Date, or null
 * @param sex       Patient's Sex, or ""
 */
public record PatientInfo(PersonName name, String id, LocalDate birthDate, String sex, List<StudyInfo> studies) {
    public PatientInfo {
        studies = List.copyOf(studies);
    }

    /** The name for people to read (see {@link DisplayNames#of}). */
    public String displayName() {
        return DisplayNames.of(name);
    }
}
