package org.pdistation.imaging.data;

import java.util.List;

/** Temporary stand-in until the generated dictionary is merged. */
public final class ElementDictionary {
    private ElementDictionary() {}

    public static VR vrOf(int tag) {
        if (Tag.isGroupLength(tag)) return VR.UL;
        if (Tag.isPrivateCreator(tag)) return VR.LO;
        return switch (tag) {
            case Tag.SpecificCharacterSet -> VR.CS;
            case Tag.SOPClassUID, Tag.SOPInstanceUID -> VR.UI;
            case Tag.PatientName -> VR.PN;
            case Tag.PatientID -> VR.LO;
            case Tag.PixelData -> VR.OW;
            default -> VR.UN;
        };
    }

    public static List<VR> vrsOf(int tag) { return List.of(vrOf(tag)); }

    public static String keywordOf(int tag) { return null; }

    public static String nameOf(int tag) { return null; }
}
