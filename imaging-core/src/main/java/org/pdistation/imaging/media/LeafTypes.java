package org.pdistation.imaging.media;

/**
 * The directory record type for an instance's SOP Class (PS3.3 F.4, Table F.4-1: which record type references
 * which IOD). Storage classes not listed are images.
 */
public final class LeafTypes {
    private LeafTypes() {}

    private static final String STORAGE = "1.2.840.10008.5.1.4.1.1.";

    public static RecordType forSopClass(String sopClassUid) {
        if (sopClassUid == null) {
            return RecordType.IMAGE;
        }
        String u = sopClassUid.strip();
        if (u.equals("1.2.840.10008.5.1.4.38.1")) {
            return RecordType.HANGING_PROTOCOL;
        }
        if (u.equals("1.2.840.10008.5.1.4.39.1")) {
            return RecordType.PALETTE;
        }
        if (!u.startsWith(STORAGE)) {
            return RecordType.IMAGE;
        }
        String s = u.substring(STORAGE.length());
        if (s.equals("88.59")) {
            return RecordType.KEY_OBJECT_DOC;
        }
        if (s.startsWith("88.")) {
            return RecordType.SR_DOCUMENT;
        }
        if (s.startsWith("11.")) {
            return RecordType.PRESENTATION;
        }
        if (s.startsWith("9.")) {
            return RecordType.WAVEFORM;
        }
        if (s.startsWith("104.")) {
            return RecordType.ENCAP_DOC;
        }
        return switch (s) {
            case "481.2" -> RecordType.RT_DOSE;
            case "481.3" -> RecordType.RT_STRUCTURE_SET;
            case "481.5", "481.8" -> RecordType.RT_PLAN;
            case "481.4", "481.6", "481.7", "481.9" -> RecordType.RT_TREAT_RECORD;
            case "4.2" -> RecordType.SPECTROSCOPY;
            case "66" -> RecordType.RAW_DATA;
            case "66.1", "66.3" -> RecordType.REGISTRATION;
            case "66.2" -> RecordType.FIDUCIAL;
            case "66.5" -> RecordType.SURFACE;
            case "67" -> RecordType.VALUE_MAP;
            case "77.1.5.3" -> RecordType.STEREOMETRIC;
            case "78.1", "78.2", "78.3", "78.4", "78.5", "78.6", "78.7", "78.8", "79.1" ->
                    RecordType.MEASUREMENT;
            default -> RecordType.IMAGE;
        };
    }
}
