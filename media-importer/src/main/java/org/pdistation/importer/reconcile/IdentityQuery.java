package org.pdistation.importer.reconcile;

import java.util.Locale;

/**
 * What to look a patient up by, in a Modality Worklist (PS3.4 K.6) or the PACS's patient level (PS3.4 C.6.1). Null
 * fields are not matched on (universal matching, PS3.4 C.2.2.2.3). Patient's Name may hold the wildcards {@code *}
 * and {@code ?} (PS3.4 C.2.2.2.4); whether the SCP matches it case- and accent-insensitively is its own choice
 * (PS3.4 K.6.1.1.3 lets a worklist SCP match PN that way).
 *
 * @param dateRange Scheduled Procedure Step Start Date as a DICOM range ("20240101-20240131", "20240105-"); only
 *                  a worklist has one
 */
public record IdentityQuery(String patientId, String issuer, String patientName, String accessionNumber,
                            String dateRange) {
    /** What the command line's {@code --match} names: the key taken from the medium. */
    public enum Match {
        ID, NAME, ACCESSION;

        public static Match parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "id", "patient-id" -> ID;
                case "name", "patient-name" -> NAME;
                case "accession", "accession-number" -> ACCESSION;
                default -> throw new IllegalArgumentException("unknown match '" + s + "', expected id, name or"
                        + " accession");
            };
        }
    }

    public IdentityQuery {
        patientId = blankToNull(patientId);
        issuer = blankToNull(issuer);
        patientName = blankToNull(patientName);
        accessionNumber = blankToNull(accessionNumber);
        dateRange = blankToNull(dateRange);
        if (patientId == null && patientName == null && accessionNumber == null && dateRange == null) {
            throw new IllegalArgumentException("a patient lookup needs an ID, a name, an accession number or dates");
        }
    }

    public static IdentityQuery byId(String patientId, String issuer) {
        return new IdentityQuery(patientId, issuer, null, null, null);
    }

    public static IdentityQuery byName(String patientName) {
        return new IdentityQuery(null, null, patientName, null, null);
    }

    public static IdentityQuery byAccession(String accessionNumber) {
        return new IdentityQuery(null, null, null, accessionNumber, null);
    }

    /** The same query limited to Scheduled Procedure Step Start Dates in {@code range}. */
    public IdentityQuery withDateRange(String range) {
        return new IdentityQuery(patientId, issuer, patientName, accessionNumber, range);
    }

    /** The query for {@code match} with {@code value}. */
    public static IdentityQuery of(Match match, String value) {
        return switch (match) {
            case ID -> byId(value, null);
            case NAME -> byName(value);
            case ACCESSION -> byAccession(value);
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
