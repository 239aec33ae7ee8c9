package org.pdistation.viewer.model;

import java.util.List;

/**
 * One patient: Patient ID, Patient's Name (PN, all component groups as written), birth date (DA), Patient's Sex
 * (M, F, O or empty), studies.
 */
public record PatientEntry(String id, String name, String birthDate, String sex, List<StudyEntry> studies) {
    public PatientEntry {
        studies = List.copyOf(studies);
    }
}
