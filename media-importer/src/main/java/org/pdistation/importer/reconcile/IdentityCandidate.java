package org.pdistation.importer.reconcile;

/**
 * One answer of a patient lookup, for a clerk to choose from: the local identity (with the worklist item's
 * Accession Number, so that coercion takes it from there) and, from a worklist, what was ordered.
 *
 * @param source             "worklist" or "pacs"
 * @param procedureId        Requested Procedure ID (0040,1001), empty when none
 * @param procedure          Requested Procedure Description (0032,1060), empty when none
 * @param modality           the first Scheduled Procedure Step's Modality, empty when none
 * @param stationAet         its Scheduled Station AE Title, empty when none
 * @param scheduledStart     its start date and time as "yyyyMMdd HHmmss" (either part may be empty)
 */
public record IdentityCandidate(String source, LocalIdentity identity, String procedureId, String procedure,
                                String modality, String stationAet, String scheduledStart) {
    public IdentityCandidate {
        procedureId = nz(procedureId);
        procedure = nz(procedure);
        modality = nz(modality);
        stationAet = nz(stationAet);
        scheduledStart = nz(scheduledStart).strip();
    }

    /** A patient-level answer: an identity and nothing ordered. */
    public static IdentityCandidate patient(LocalIdentity identity) {
        return new IdentityCandidate("pacs", identity, "", "", "", "", "");
    }

    /** One line for a list or the command line: ID, name, birth date, sex, then accession and procedure if any. */
    public String describe() {
        StringBuilder b = new StringBuilder().append(identity.patientId());
        if (identity.issuer() != null && !identity.issuer().isEmpty()) b.append(" (").append(identity.issuer())
                .append(')');
        b.append("  ").append(nz(identity.name())).append("  ").append(nz(identity.birthDate())).append("  ")
                .append(nz(identity.sex()));
        if (identity.accessionNumber() != null && !identity.accessionNumber().isEmpty()) {
            b.append("  accession ").append(identity.accessionNumber());
        }
        String proc = (procedureId + " " + procedure).strip();
        if (!proc.isEmpty()) b.append("  ").append(proc);
        String when = (modality + " " + scheduledStart).strip();
        if (!when.isEmpty()) b.append("  [").append(when).append(']');
        return b.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
