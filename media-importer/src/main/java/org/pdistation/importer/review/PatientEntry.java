package org.pdistation.importer.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A patient of the review model as the medium names them (before reconciliation). */
public final class PatientEntry {
    private final String patientId;
    private final String issuer;
    private final String name;
    private final String birthDate;
    private final String sex;
    private final Map<String, StudyEntry> studies = new LinkedHashMap<>();

    PatientEntry(String patientId, String issuer, String name, String birthDate, String sex) {
        this.patientId = patientId;
        this.issuer = issuer;
        this.name = name;
        this.birthDate = birthDate;
        this.sex = sex;
    }

    public String patientId() { return patientId; }

    public String issuer() { return issuer; }

    public String name() { return name; }

    public String birthDate() { return birthDate; }

    public String sex() { return sex; }

    public List<StudyEntry> studies() { return List.copyOf(studies.values()); }

    StudyEntry study(String uid, String date, String description, String accession) {
        return studies.computeIfAbsent(uid, u -> new StudyEntry(u, date, description, accession));
    }
}
