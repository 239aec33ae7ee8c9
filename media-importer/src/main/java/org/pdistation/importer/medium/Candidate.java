package org.pdistation.importer.medium;

import java.nio.file.Path;

/**
 * One thing on a medium that may be an instance: a file found on it, a DICOMDIR reference, or both.
 *
 * @param file            the file, or null when the DICOMDIR points at a missing one or an escaping File ID
 * @param fileId          the Referenced File ID (components joined with '/'), or the path relative to the root
 * @param expected        what the DICOMDIR record says about it, or null when the file is not referenced
 * @param reference       how DICOMDIR and files agree
 */
public record Candidate(Path file, String fileId, ExpectedKeys expected, Reference reference) {

    /** The keys a DICOMDIR instance record and its parents give; compared with the file's own. */
    public record ExpectedKeys(String sopInstanceUid, String sopClassUid, String transferSyntaxUid, String studyUid,
                               String seriesUid) {}

    public enum Reference {
        /** Referenced by the DICOMDIR and present. */
        IN_DICOMDIR,
        /** No (usable) DICOMDIR: found by scanning. */
        SCANNED,
        /** A DICOMDIR exists but does not reference this file: PDI-REQUIREMENTS 27, the file is trusted. */
        NOT_IN_DICOMDIR,
        /** The DICOMDIR references a file that is not there. */
        MISSING_FILE,
        /** The DICOMDIR references a File ID that would leave the root (PS3.10 8.5): refused, never followed. */
        ESCAPING_FILE_ID
    }
}
