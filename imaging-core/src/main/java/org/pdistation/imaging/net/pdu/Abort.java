package org.pdistation.imaging.net.pdu;

/**
 * A-ABORT PDU (PS3.8 9.3.8): source 0 service-user, 2 service-provider; the reason is significant only for source 2.
 */
public record Abort(int source, int reason) implements Pdu {
    public static final int SOURCE_USER = 0;
    public static final int SOURCE_PROVIDER = 2;

    public static final int REASON_NOT_SPECIFIED = 0;
    public static final int UNRECOGNIZED_PDU = 1;
    public static final int UNEXPECTED_PDU = 2;
    public static final int UNRECOGNIZED_PDU_PARAMETER = 4;
    public static final int UNEXPECTED_PDU_PARAMETER = 5;
    public static final int INVALID_PDU_PARAMETER_VALUE = 6;

    public static Abort user() {
        return new Abort(SOURCE_USER, REASON_NOT_SPECIFIED);
    }

    public static Abort provider(int reason) {
        return new Abort(SOURCE_PROVIDER, reason);
    }

    public String describe() {
        String src = source == SOURCE_USER ? "service-user" : source == SOURCE_PROVIDER ? "service-provider"
                : "source " + source;
        if (source != SOURCE_PROVIDER) {
            return "A-ABORT by " + src;
        }
        String r = switch (reason) {
            case REASON_NOT_SPECIFIED -> "reason-not-specified";
            case UNRECOGNIZED_PDU -> "unrecognized-PDU";
            case UNEXPECTED_PDU -> "unexpected-PDU";
            case UNRECOGNIZED_PDU_PARAMETER -> "unrecognized-PDU-parameter";
            case UNEXPECTED_PDU_PARAMETER -> "unexpected-PDU-parameter";
            case INVALID_PDU_PARAMETER_VALUE -> "invalid-PDU-parameter-value";
            default -> "reason " + reason;
        };
        return "A-ABORT by " + src + ": " + r;
    }
}
