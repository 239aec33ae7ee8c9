package org.pdistation.imaging.archive;

/** What to do when an instance arrives again with different bytes under the same SOP Instance UID. */
public enum ConflictPolicy {
    /** Keep what we have and report the conflict (the default: a re-send must not silently change a record). */
    KEEP_FIRST,
    /** Replace the stored instance with the new one. */
    REPLACE
}
