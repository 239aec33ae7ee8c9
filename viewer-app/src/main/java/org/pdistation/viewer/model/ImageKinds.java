package org.pdistation.viewer.model;

import java.util.List;
import java.util.Set;

import org.pdistation.imaging.media.RecordType;

/**
 * Whether an instance can be shown as an image, decided from what a DICOMDIR or a header scan already says (no
 * extra reading, so the first image of a good disc is not delayed). Unknown means "maybe": only instances known to
 * hold no pixels are ruled out.
 */
public final class ImageKinds {
    /** PS3.3 F.5: directory record types whose instances are documents, structures or plans, not pixels. */
    private static final Set<RecordType> NOT_IMAGES = Set.of(RecordType.SR_DOCUMENT, RecordType.KEY_OBJECT_DOC,
            RecordType.PRESENTATION, RecordType.WAVEFORM, RecordType.RT_STRUCTURE_SET, RecordType.RT_PLAN,
            RecordType.RT_TREAT_RECORD, RecordType.ENCAP_DOC, RecordType.REGISTRATION, RecordType.FIDUCIAL,
            RecordType.SPECTROSCOPY, RecordType.RAW_DATA, RecordType.HANGING_PROTOCOL, RecordType.MEASUREMENT,
            RecordType.VALUE_MAP, RecordType.STEREOMETRIC, RecordType.PALETTE, RecordType.PLAN,
            RecordType.ANNOTATION, RecordType.INVENTORY, RecordType.TRACT, RecordType.ASSESSMENT);

    /**
     * PS3.4 B.5: SOP Class UID prefixes of storage classes without Pixel Data — structured reports and key object
     * selection (…1.1.88.), presentation states (…1.1.11.), waveforms (…1.1.9.), encapsulated documents (…1.1.104.),
     * raw data and registrations (…1.1.66), RT structure sets, plans and treatment records (…1.1.481.2 excepted:
     * RT Image .1 and RT Dose .2 hold pixels).
     */
    private static final List<String> NOT_IMAGE_CLASSES = List.of("1.2.840.10008.5.1.4.1.1.88.",
            "1.2.840.10008.5.1.4.1.1.11.", "1.2.840.10008.5.1.4.1.1.9.", "1.2.840.10008.5.1.4.1.1.104.",
            "1.2.840.10008.5.1.4.1.1.66", "1.2.840.10008.5.1.4.1.1.481.3", "1.2.840.10008.5.1.4.1.1.481.4",
            "1.2.840.10008.5.1.4.1.1.481.5", "1.2.840.10008.5.1.4.1.1.481.6", "1.2.840.10008.5.1.4.1.1.481.7",
            "1.2.840.10008.5.1.4.1.1.481.8", "1.2.840.10008.5.1.4.1.1.481.9");

    private ImageKinds() {}

    /** False only when the record type or the SOP class says the instance has no pixels. */
    public static boolean mayBeImage(RecordType type, String sopClassUid) {
        if (type != null && NOT_IMAGES.contains(type)) return false;
        return !isNonImageClass(sopClassUid);
    }

    /** Whether {@code sopClassUid} is a storage SOP class known to carry no Pixel Data. */
    public static boolean isNonImageClass(String sopClassUid) {
        if (sopClassUid == null || sopClassUid.isBlank()) return false;
        String uid = sopClassUid.strip();
        for (String prefix : NOT_IMAGE_CLASSES) {
            if (uid.startsWith(prefix) && (prefix.endsWith(".") || uid.length() == prefix.length()
                    || uid.charAt(prefix.length()) == '.')) {
                return true;
            }
        }
        return false;
    }
}
