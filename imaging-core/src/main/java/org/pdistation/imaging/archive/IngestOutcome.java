package org.pdistation.imaging.archive;

/** What storing one instance did. */
public enum IngestOutcome {
    /** New instance, filed and indexed. */
    STORED,
    /** Same SOP Instance UID and same data set bytes as already stored: nothing changed. */
    DUPLICATE,
    /** Same SOP Instance UID, different bytes, and the policy keeps the first: the new one was discarded. */
    CONFLICT_KEPT_FIRST,
    /** Same SOP Instance UID, different bytes, and the policy replaces: the new one took its place. */
    REPLACED
}
