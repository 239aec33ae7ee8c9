package org.pdistation.importer.audit;

import java.time.Instant;
import java.util.List;

/**
 * One audit event of an import, modelled on PS3.15 A.5.3.3 "Begin Transferring DICOM Instances" (at job start) and
 * A.5.3.7 "DICOM Instances Transferred" (at job end).
 *
 * @param type       which of the two messages
 * @param at         EventDateTime: for Transferred, when the transfer completed
 * @param outcome    EventOutcomeIndicator (PS3.15 A.5.1): 0 success, 4 minor, 8 serious, 12 major failure
 * @param user       the person: the OS user running the station (Active Participant, requestor)
 * @param source     the Source Role ID participant (110153): this station reading the medium, named by the medium
 * @param destination the Destination Role ID participant (110152): the PACS, AET@HOST:PORT
 * @param studyUids  Participating Objects "Studies being transferred" (110180, Study Instance UID)
 * @param patientIds Participating Object "Patient" (RFC-3881 "Patient Number"): mandatory in A.5.3.7, so the local
 *                   Patient ID is recorded; never the name
 * @param job        the journal's job id
 * @param summary    free text for EventOutcomeDescription (counts only, no patient data)
 */
public record AuditEvent(Type type, Instant at, int outcome, String user, String source, String destination,
                         List<String> studyUids, List<String> patientIds, long job, String summary) {
    public AuditEvent {
        studyUids = List.copyOf(studyUids);
        patientIds = List.copyOf(patientIds);
    }

    /** The two DCM event ids with their PS3.15 action codes. */
    public enum Type {
        /** (110102, DCM, "Begin Transferring DICOM Instances"), EventActionCode E (execute). */
        BEGIN("110102", "Begin Transferring DICOM Instances", "E"),
        /** (110104, DCM, "DICOM Instances Transferred"), EventActionCode C: the PACS did not hold them before. */
        TRANSFERRED("110104", "DICOM Instances Transferred", "C");

        private final String code;
        private final String meaning;
        private final String action;

        Type(String code, String meaning, String action) {
            this.code = code;
            this.meaning = meaning;
            this.action = action;
        }

        public String code() { return code; }

        public String meaning() { return meaning; }

        public String action() { return action; }
    }
}
