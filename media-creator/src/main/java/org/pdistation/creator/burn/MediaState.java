package org.pdistation.creator.burn;

/** What a drive holds, as far as writing is concerned. */
public enum MediaState {
    /** Writable from the start (blank write-once media, or formatted rewritable media). */
    BLANK,
    /** Holds sessions and can take another. */
    APPENDABLE,
    /** Holds data and takes no more (finalized, or write-protected). */
    CLOSED,
    /** No medium in the drive, or one the drive cannot use. */
    NONE;

    /** Whether an image can be written as a new disc now. */
    public boolean writable() {
        return this == BLANK;
    }
}
