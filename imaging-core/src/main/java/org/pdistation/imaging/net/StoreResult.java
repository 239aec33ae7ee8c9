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

    public enum Outcome { STORED, WARNING, FAILED }

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
