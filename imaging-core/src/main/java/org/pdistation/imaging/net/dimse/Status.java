package org.pdistation.imaging.net.dimse;

/**
 * A DIMSE status (0000,0900) with its category and meaning (PS3.7 Annex C, and the service class tables of PS3.4
 * for the service-specific ranges A7xx, A9xx, Cxxx, B0xx).
 */
public record Status(int code) {
    public static final Status SUCCESS = new Status(0x0000);
    public static final Status CANCEL = new Status(0xFE00);
    public static final Status PENDING = new Status(0xFF00);
    public static final Status PENDING_WARNING = new Status(0xFF01);
    public static final Status COERCION_OF_DATA_ELEMENTS = new Status(0xB000);
    public static final Status ELEMENTS_DISCARDED = new Status(0xB006);
    public static final Status DATA_SET_DOES_NOT_MATCH_SOP_CLASS_WARNING = new Status(0xB007);
    public static final Status OUT_OF_RESOURCES = new Status(0xA700);
    public static final Status DATA_SET_DOES_NOT_MATCH_SOP_CLASS = new Status(0xA900);
    public static final Status CANNOT_UNDERSTAND = new Status(0xC000);
    public static final Status PROCESSING_FAILURE = new Status(0x0110);
    public static final Status SOP_CLASS_NOT_SUPPORTED = new Status(0x0122);
    public static final Status UNRECOGNIZED_OPERATION = new Status(0x0211);
    public static final Status NO_SUCH_SOP_INSTANCE = new Status(0x0112);
    public static final Status NO_SUCH_SOP_CLASS = new Status(0x0118);
    public static final Status INVALID_ARGUMENT_VALUE = new Status(0x0115);
    public static final Status MISSING_ATTRIBUTE = new Status(0x0120);
    public static final Status DUPLICATE_TRANSACTION_UID = new Status(0x0131);
    public static final Status RESOURCE_LIMITATION = new Status(0x0213);

    /** PS3.7 C.1: the four outcomes, plus pending and cancel. */
    public enum Category { SUCCESS, WARNING, FAILURE, CANCEL, PENDING }

    public Status {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("status " + code + " is not a 16-bit value");
        }
    }

    public Category category() {
        if (code == 0) {
            return Category.SUCCESS;
        }
        if (code == 0xFE00) {
            return Category.CANCEL;
        }
        if (code == 0xFF00 || code == 0xFF01) {
            return Category.PENDING;
        }
        // PS3.7 C.3 and C.4.x: 0001, Bxxx and the two attribute warnings 0107/0116 are warnings.
        if (code == 0x0001 || (code & 0xF000) == 0xB000 || code == 0x0107 || code == 0x0116) {
            return Category.WARNING;
        }
        return Category.FAILURE;
    }

    public boolean isSuccess() {
        return code == 0;
    }

    public boolean isWarning() {
        return category() == Category.WARNING;
    }

    public boolean isFailure() {
        return category() == Category.FAILURE;
    }

    public boolean isPending() {
        return category() == Category.PENDING;
    }

    /** What the status means, e.g. "Refused: Out of Resources". */
    public String meaning() {
        return switch (code) {
            case 0x0000 -> "Success";
            case 0x0001 -> "Warning: requested optional attributes are not supported";
            case 0x0107 -> "Warning: attribute list error";
            case 0x0116 -> "Warning: attribute value out of range";
            case 0xB000 -> "Warning: coercion of data elements";
            case 0xB006 -> "Warning: elements discarded";
            case 0xB007 -> "Warning: data set does not match SOP class";
            case 0xFE00 -> "Cancel: sub-operations terminated due to cancel indication";
            case 0xFF00 -> "Pending: matches are continuing";
            case 0xFF01 -> "Pending: matches are continuing, optional keys not supported";
            case 0x0110 -> "Failure: processing failure";
            case 0x0111 -> "Failure: duplicate SOP instance";
            case 0x0112 -> "Failure: no such SOP instance";
            case 0x0115 -> "Failure: invalid argument value";
            case 0x0120 -> "Failure: missing attribute";
            case 0x0131 -> "Failure: duplicate transaction UID";
            case 0x0213 -> "Failure: resource limitation";
            case 0x0117 -> "Failure: invalid SOP instance";
            case 0x0118 -> "Failure: no such SOP class";
            case 0x0119 -> "Failure: class-instance conflict";
            case 0x0122 -> "Refused: SOP class not supported";
            case 0x0124 -> "Refused: not authorized";
            case 0x0210 -> "Failure: duplicate invocation";
            case 0x0211 -> "Failure: unrecognized operation";
            case 0x0212 -> "Failure: mistyped argument";
            case 0xA701 -> "Refused: out of resources, unable to calculate number of matches";
            case 0xA702 -> "Refused: out of resources, unable to perform sub-operations";
            case 0xA801 -> "Refused: move destination unknown";
            case 0xA900 -> "Error: identifier does not match SOP class";
            default -> switch (code & 0xF000) {
                case 0xA000 -> (code & 0xFF00) == 0xA700 ? "Refused: out of resources"
                        : (code & 0xFF00) == 0xA900 ? "Error: data set does not match SOP class"
                        : "Failure (service specific)";
                case 0xB000 -> "Warning (service specific)";
                case 0xC000 -> "Error: cannot understand";
                default -> "Failure (status not defined by PS3.7)";
            };
        };
    }

    @Override
    public String toString() {
        return String.format("%04X %s", code, meaning());
    }
}
