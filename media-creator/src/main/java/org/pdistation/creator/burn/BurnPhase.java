package org.pdistation.creator.burn;

/** Where a burn is. */
public enum BurnPhase {
    /** Acquiring the drive, checking the medium, calibrating. */
    PREPARING,
    /** Writing the image. */
    WRITING,
    /** Closing the track / session / disc (lead-out). */
    FINISHING,
    /** Reading the medium back and comparing it with the image. */
    VERIFYING,
    /** Finished: the tool said the image was written (and the read-back matched when verification was asked). */
    DONE
}
