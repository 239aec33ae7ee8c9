package org.pdistation.imaging.media.verify;

/**
 * What a {@link Finding} is about, one constant per distinct fault of each rule of PDI-REQUIREMENTS.md, so that a
 * program (the station's problem list, a translation) can tell findings apart without reading their English text.
 * The names are stable: they are part of the verifier's API.
 */
public enum FindingKind {
    /** Rule 0: a check itself failed (a bug or an unforeseen input); the rest of the report still holds. */
    CHECK_FAILED(0),
    /** A file or folder of the medium cannot be read or listed. */
    UNREADABLE(0),
    /** Rule 1: no DICOMDIR in the root. */
    DICOMDIR_MISSING(1),
    /** Rule 1: the DICOMDIR's name is not exactly {@code DICOMDIR}. */
    DICOMDIR_NAME(1),
    /** Rule 1: a second DICOMDIR below the root. */
    SECOND_DICOMDIR(1),
    /** Rule 2: a DICOM file in the root directory. */
    DICOM_IN_ROOT(2),
    /** Rule 3: README.TXT missing or misnamed. */
    README(3),
    /** Rule 4: INDEX.HTM or IHE_PDI missing although web content is expected. */
    WEB_CONTENT_MISSING(4),
    /** Rule 4: a DICOM file under IHE_PDI. */
    DICOM_IN_WEB_CONTENT(4),
    /** Rule 5: a reference into IHE_PDI, or another root name starting with IHE. */
    IHE_NAME(5),
    /** Rule 6: the DICOMDIR references a file that is not DICOM. */
    NON_DICOM_REFERENCED(6),
    /** Rule 10: a name or depth that ISO 9660 Level 1 does not allow. */
    ISO9660_NAME(10),
    /** Rule 11: a File ID or File-set ID not in the form PS3.10 8.2 / PS3.12 requires. */
    FILE_ID_FORM(11),
    /** Rules 11/12: a reference that resolves only through a lower-case, ';1' or trailing-dot variant. */
    FILE_ID_VARIANT(11),
    /** Rule 13: a File ID refused because it would leave the medium. */
    FILE_ID_ESCAPES(13),
    /** Rule 14: the DICOMDIR (or a file's header) cannot be parsed. */
    DICOMDIR_UNREADABLE(14),
    /** Rule 14: the DICOMDIR's file meta is not as PS3.10 7.1 requires. */
    DICOMDIR_META(14),
    /** Rule 15: File-set ID or File-set Descriptor File ID. */
    FILE_SET_ID(15),
    /** Rule 16: offsets, consistency flag or the record sequence of the DICOMDIR. */
    OFFSETS(16),
    /** Rule 17: the PATIENT / STUDY / SERIES / leaf hierarchy. */
    HIERARCHY(17),
    /** Rule 18: a required key of a directory record. */
    REQUIRED_KEY(18),
    /** Rule 19: a key the profile requires. */
    PROFILE_KEY(19),
    /** Rule 20: a referenced file does not exist. */
    MISSING_FILE(20),
    /** Rule 20: a DICOM file on the medium that the DICOMDIR does not reference. */
    NOT_IN_DICOMDIR(20),
    /** Rule 20: a leaf record that references no file. */
    NO_FILE_REFERENCED(20),
    /** Rule 20: a second record or reference for the same patient, study, series, instance or file. */
    DUPLICATE(20),
    /** Rule 20: the medium holds more files than the verifier reads; only part was checked. */
    PARTIAL(20),
    /** Rule 21: a leaf record's Referenced SOP Class / Instance / Transfer Syntax disagrees with the file. */
    LEAF_MISMATCH(21),
    /** Rule 22: patient, study or series attributes differ between files under one record. */
    ATTRIBUTES_DIFFER(22),
    /** Rule 23: the Icon Image Sequence is not as PS3.11 requires. */
    ICON(23),
    /** Rule 24: an encoding that STD-GEN-CD does not allow (or not a Part 10 file). */
    TRANSFER_SYNTAX_CD(24),
    /** Rule 25: an encoding the DVD or USB profile does not allow. */
    TRANSFER_SYNTAX_PROFILE(25),
    /** Rule 25, INFO: the profile the verifier inferred from the transfer syntaxes. */
    PROFILE_INFERRED(25),
    /** Rule 26: lossy compression not declared. */
    LOSSY(26);

    private final int rule;

    FindingKind(int rule) {
        this.rule = rule;
    }

    /** The rule of PDI-REQUIREMENTS.md this kind belongs to (0 for the verifier's own). */
    public int rule() { return rule; }

    /** The kind of a finding of {@code rule} that its check did not name more precisely. */
    static FindingKind general(int rule) {
        return switch (rule) {
            case 1 -> DICOMDIR_NAME;
            case 2 -> DICOM_IN_ROOT;
            case 3 -> README;
            case 4 -> WEB_CONTENT_MISSING;
            case 5 -> IHE_NAME;
            case 6 -> NON_DICOM_REFERENCED;
            case 10 -> ISO9660_NAME;
            case 11, 12 -> FILE_ID_FORM;
            case 13 -> FILE_ID_ESCAPES;
            case 14 -> DICOMDIR_META;
            case 15 -> FILE_SET_ID;
            case 16 -> OFFSETS;
            case 17 -> HIERARCHY;
            case 18 -> REQUIRED_KEY;
            case 19 -> PROFILE_KEY;
            case 20 -> DUPLICATE;
            case 21 -> LEAF_MISMATCH;
            case 22 -> ATTRIBUTES_DIFFER;
            case 23 -> ICON;
            case 24 -> TRANSFER_SYNTAX_CD;
            case 25 -> TRANSFER_SYNTAX_PROFILE;
            case 26 -> LOSSY;
            default -> CHECK_FAILED;
        };
    }
}
