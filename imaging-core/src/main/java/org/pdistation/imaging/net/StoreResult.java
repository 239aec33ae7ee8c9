package org.pdistation.imaging.net;

import java.nio.file.Path;

import org.pdistation.imaging.net.dimse.Status;

/**
 * The outcome of sending one file: the C-STORE-RSP status, or null with an error when no response came (file
 * unreadable, no accepted context, association failed); {@code note} says what was done on the way, e.g. "transcoded
 * from JPEG Lossless to Explicit VR Little Endian", or is null.
 */
public record StoreResult(Path file, String sopInstanceUid, Status status, String error, String note) {

    /** A result without note. */
    public StoreResult(Path file, String sopInstanceUid, Status status, String error) {
        this(file, sopInstanceUid, status, error, null);
    }

    /** How {@link #error()} starts when the peer accepted no presentation context for the instance. */
    public static final String NOT_ACCEPTED = "peer accepted no context";

    public enum Outcome { STORED, WARNING, FAILED }

    /**
     * Whether the peer refused the instance at negotiation (its SOP class, or its syntax with no uncompressed
     * fallback accepted): nothing was sent, and sending it again to the same peer cannot succeed.
     */
    public boolean notAccepted() {
        return status == null && error != null && error.startsWith(NOT_ACCEPTED);
    }

    public Outcome outcome() {
        if (status == null || status.isFailure() || status.category() == Status.Category.CANCEL
                || status.isPending()) {
            return Outcome.FAILED;
        }
        return status.isWarning() ? Outcome.WARNING : Outcome.STORED;
    }

    public String describe() {
        return file + ": " + (status != null ? status : "failed") + (error != null ? " (" + error + ")" : "")
                + (note != null ? " [" + note + "]" : "");
    }
}
