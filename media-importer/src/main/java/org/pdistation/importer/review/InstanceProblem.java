package org.pdistation.importer.review;

/** What keeps an instance from being imported as it is, or deserves the clerk's attention. */
public enum InstanceProblem {
    /** Not a readable DICOM file (structure broken, no SOP Instance UID, truncated header). */
    UNREADABLE(true),
    /** Not a storage SOP class (PS3.4 Annex B), e.g. a DICOMDIR, a retired or unknown class. */
    UNSUPPORTED_SOP_CLASS(true),
    /** A transfer syntax PS3.5 / PS3.6 does not register. */
    UNSUPPORTED_TRANSFER_SYNTAX(true),
    /** A second file with the SOP Instance UID of an earlier one on the same medium. */
    DUPLICATE_UID(true),
    /** The same Patient ID with another name or birth date, or the same study under another patient. */
    CONFLICTING_DEMOGRAPHICS(false),
    /** The DICOMDIR points outside the medium (PS3.10 8.5): refused, never followed. */
    ESCAPING_FILE_ID(true),
    /** A file the DICOMDIR does not reference: imported (the files are trusted), reported. */
    NOT_IN_DICOMDIR(false),
    /** The DICOMDIR references a file that is not there. */
    MISSING_FILE(true),
    /** The DICOMDIR's keys (UIDs, SOP class, syntax) differ from the file's: the file's are used. */
    DICOMDIR_MISMATCH(false);

    private final boolean blocking;

    InstanceProblem(boolean blocking) {
        this.blocking = blocking;
    }

    /** True when an instance with this problem is not imported. */
    public boolean blocking() {
        return blocking;
    }
}
