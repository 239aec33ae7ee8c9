package org.pdistation.imaging.net.pdu;

/**
 * The answer to one proposed presentation context (PS3.8 9.3.3.2): its id, the result, and the transfer syntax
 * chosen (significant only when accepted).
 */
public record PresentationContextAc(int id, Result result, String transferSyntax) {

    /** PS3.8 9.3.3.2: Result/Reason field. */
    public enum Result {
        ACCEPTANCE(0, "acceptance"),
        USER_REJECTION(1, "user-rejection"),
        NO_REASON(2, "no-reason (provider-rejection)"),
        ABSTRACT_SYNTAX_NOT_SUPPORTED(3, "abstract-syntax-not-supported (provider-rejection)"),
        TRANSFER_SYNTAXES_NOT_SUPPORTED(4, "transfer-syntaxes-not-supported (provider-rejection)");

        private final int code;
        private final String text;

        Result(int code, String text) {
            this.code = code;
            this.text = text;
        }

        public int code() {
            return code;
        }

        public String text() {
            return text;
        }

        /** The result for a code; codes outside 0..4 are read as provider rejection without reason. */
        public static Result of(int code) {
            for (Result r : values()) {
                if (r.code == code) {
                    return r;
                }
            }
            return NO_REASON;
        }
    }

    public boolean accepted() {
        return result == Result.ACCEPTANCE;
    }
}
