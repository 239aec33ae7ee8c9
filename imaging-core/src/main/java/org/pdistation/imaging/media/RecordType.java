package org.pdistation.imaging.media;

import java.util.Locale;

/**
 * Directory Record Type (0004,1430) values of PS3.3 F.5, Table F.3-3. Values not listed here are read as
 * {@link #UNKNOWN}; the record keeps the raw string so nothing is lost.
 */
public enum RecordType {
    PATIENT("PATIENT"),
    STUDY("STUDY"),
    SERIES("SERIES"),
    IMAGE("IMAGE"),
    RT_DOSE("RT DOSE"),
    RT_STRUCTURE_SET("RT STRUCTURE SET"),
    RT_PLAN("RT PLAN"),
    RT_TREAT_RECORD("RT TREAT RECORD"),
    PRESENTATION("PRESENTATION"),
    WAVEFORM("WAVEFORM"),
    SR_DOCUMENT("SR DOCUMENT"),
    KEY_OBJECT_DOC("KEY OBJECT DOC"),
    SPECTROSCOPY("SPECTROSCOPY"),
    RAW_DATA("RAW DATA"),
    REGISTRATION("REGISTRATION"),
    FIDUCIAL("FIDUCIAL"),
    HANGING_PROTOCOL("HANGING PROTOCOL"),
    ENCAP_DOC("ENCAP DOC"),
    HL7_STRUC_DOC("HL7 STRUC DOC"),
    VALUE_MAP("VALUE MAP"),
    STEREOMETRIC("STEREOMETRIC"),
    PALETTE("PALETTE"),
    IMPLANT("IMPLANT"),
    IMPLANT_ASSY("IMPLANT ASSY"),
    IMPLANT_GROUP("IMPLANT GROUP"),
    PLAN("PLAN"),
    MEASUREMENT("MEASUREMENT"),
    SURFACE("SURFACE"),
    SURFACE_SCAN("SURFACE SCAN"),
    TRACT("TRACT"),
    ASSESSMENT("ASSESSMENT"),
    RADIOTHERAPY("RADIOTHERAPY"),
    ANNOTATION("ANNOTATION"),
    INVENTORY("INVENTORY"),
    PRIVATE("PRIVATE"),
    // Retired types still found on old media (PS3.3-2003 F.5).
    OVERLAY("OVERLAY"),
    MODALITY_LUT("MODALITY LUT"),
    VOI_LUT("VOI LUT"),
    CURVE("CURVE"),
    TOPIC("TOPIC"),
    VISIT("VISIT"),
    RESULTS("RESULTS"),
    INTERPRETATION("INTERPRETATION"),
    STUDY_COMPONENT("STUDY COMPONENT"),
    STORED_PRINT("STORED PRINT"),
    UNKNOWN("");

    private final String code;

    RecordType(String code) {
        this.code = code;
    }

    /** The defined term as written in (0004,1430). */
    public String code() {
        return code;
    }

    /** The type for a (0004,1430) value; trailing padding and case are ignored; unknown terms give UNKNOWN. */
    public static RecordType of(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        for (RecordType t : values()) {
            if (t != UNKNOWN && t.code.equals(v)) {
                return t;
            }
        }
        return UNKNOWN;
    }

    /** True for the record types that stand for a referenced instance (below SERIES in PS3.3 F.4). */
    public boolean isLeaf() {
        return this != PATIENT && this != STUDY && this != SERIES && this != UNKNOWN && this != PRIVATE
                && this != TOPIC && this != VISIT && this != RESULTS && this != STUDY_COMPONENT;
    }
}
