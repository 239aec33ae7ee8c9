package org.pdistation.imaging.net.pdu;

/** A-ASSOCIATE-RJ PDU (PS3.8 9.3.4): result, source and reason as sent (codes kept even when not in the tables). */
public record AssociateRj(int result, int source, int reason) implements Pdu {

    /** PS3.8 9.3.4 Result field. */
    public enum Result {
        PERMANENT(1, "rejected-permanent"),
        TRANSIENT(2, "rejected-transient");

        public final int code;
        public final String text;

        Result(int code, String text) {
            this.code = code;
            this.text = text;
        }
    }

    /** PS3.8 9.3.4 Source and Reason/Diag. fields, as the pairs the standard defines. */
    public enum Reason {
        NO_REASON(1, 1, "DICOM UL service-user: no-reason-given"),
        APPLICATION_CONTEXT_NOT_SUPPORTED(1, 2, "DICOM UL service-user: application-context-name-not-supported"),
        CALLING_AE_NOT_RECOGNIZED(1, 3, "DICOM UL service-user: calling-AE-title-not-recognized"),
        CALLED_AE_NOT_RECOGNIZED(1, 7, "DICOM UL service-user: called-AE-title-not-recognized"),
        ACSE_NO_REASON(2, 1, "DICOM UL service-provider (ACSE): no-reason-given"),
        PROTOCOL_VERSION_NOT_SUPPORTED(2, 2, "DICOM UL service-provider (ACSE): protocol-version-not-supported"),
        TEMPORARY_CONGESTION(3, 1, "DICOM UL service-provider (presentation): temporary-congestion"),
        LOCAL_LIMIT_EXCEEDED(3, 2, "DICOM UL service-provider (presentation): local-limit-exceeded");

        public final int source;
        public final int reason;
        public final String text;

        Reason(int source, int reason, String text) {
            this.source = source;
            this.reason = reason;
            this.text = text;
        }
    }

    public static AssociateRj of(Result result, Reason reason) {
        return new AssociateRj(result.code, reason.source, reason.reason);
    }

    /** E.g. "rejected-permanent, DICOM UL service-user: calling-AE-title-not-recognized". */
    public String describe() {
        String r = result == 1 ? Result.PERMANENT.text : result == 2 ? Result.TRANSIENT.text : "result " + result;
        for (Reason x : Reason.values()) {
            if (x.source == source && x.reason == reason) {
                return r + ", " + x.text;
            }
        }
        return r + ", source " + source + " reason " + reason;
    }
}
