package org.pdistation.importer.reconcile;

/**
 * The receiving hospital's identity for the patient of a medium (PDI-REQUIREMENTS 29).
 *
 * @param accessionNumber          replaces (0008,0050) when not null
 * @param studyDescriptionPrefix   prepended to (0008,1030) when not null or empty
 */
public record LocalIdentity(String patientId, String issuer, String name, String birthDate, String sex,
                            String accessionNumber, String studyDescriptionPrefix) {
    public LocalIdentity {
        if (patientId == null || patientId.isBlank()) {
            throw new IllegalArgumentException("a local identity needs a Patient ID");
        }
    }
}
