package org.pdistation.imaging.media.verify;

import java.util.EnumSet;
import java.util.Set;

import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.media.RecordKeys;
import org.pdistation.imaging.media.RecordType;

/**
 * PDI-REQUIREMENTS C 17-19: which record may sit below which (PS3.3 F.4, Table F.4-1), no empty PATIENT, STUDY or
 * SERIES, and the keys each record carries (PS3.3 F.5, PS3.11 profile tables, from {@link RecordKeys}).
 */
final class HierarchyChecks implements Check {
    private static final Set<RecordType> ROOT_CHILDREN = EnumSet.of(RecordType.PATIENT, RecordType.HANGING_PROTOCOL,
            RecordType.PALETTE, RecordType.IMPLANT, RecordType.IMPLANT_ASSY, RecordType.IMPLANT_GROUP,
            RecordType.PRIVATE, RecordType.TOPIC);
    /** Retired levels between STUDY and SERIES or below STUDY (PS3.3-2003 F.4); tolerated with a warning. */
    private static final Set<RecordType> RETIRED = EnumSet.of(RecordType.VISIT, RecordType.RESULTS,
            RecordType.INTERPRETATION, RecordType.STUDY_COMPONENT, RecordType.TOPIC, RecordType.OVERLAY,
            RecordType.MODALITY_LUT, RecordType.VOI_LUT, RecordType.CURVE, RecordType.STORED_PRINT);

    private final RecordKeys keys = RecordKeys.load();

    @Override
    public void run(Medium m) {
        if (m.dicomdir == null) {
            return;
        }
        Findings f = m.findings;
        String rel = m.dicomdirRel();
        Profile profile = m.profile != null ? m.profile : Profile.STD_GEN_CD;
        for (DirTree.Node n : m.tree.all) {
            RecordType parent = n.parent == null ? null : n.parent.type;
            if (!n.item.contains(Tag.DirectoryRecordType)) {
                f.error(17, rel, n.offset, Tag.DirectoryRecordType, "directory record has no Directory Record Type");
                continue;
            }
            if (n.type == RecordType.UNKNOWN) {
                f.warning(17, rel, n.offset, Tag.DirectoryRecordType, "unknown Directory Record Type '"
                        + n.rawType() + "'");
                continue;
            }
            if (RETIRED.contains(n.type)) {
                f.warning(17, rel, n.offset, Tag.DirectoryRecordType, "retired Directory Record Type '"
                        + n.rawType() + "'");
            } else if (!allowed(parent, n.type)) {
                f.error(17, rel, n.offset, Tag.DirectoryRecordType, n.rawType() + " record "
                        + (parent == null ? "at the root" : "below a " + n.parent.rawType() + " record")
                        + "; PS3.3 F.4 allows it only " + where(n.type));
            }
            if ((n.type == RecordType.PATIENT || n.type == RecordType.STUDY || n.type == RecordType.SERIES)
                    && n.children.isEmpty()) {
                f.warning(17, rel, n.offset, Tag.OffsetOfReferencedLowerLevelDirectoryEntity, "empty "
                        + n.rawType() + " record (no lower-level records)");
            }
            checkKeys(f, rel, n, profile);
        }
    }

    private void checkKeys(Findings f, String rel, DirTree.Node n, Profile profile) {
        for (RecordKeys.Key k : keys.keysFor(n.type, profile)) {
            int rule = k.profiles().isEmpty() ? 18 : 19;
            switch (k.type()) {
                case TYPE_1 -> {
                    if (!n.item.contains(k.tag())) {
                        f.error(rule, rel, n.offset, k.tag(), n.rawType() + " record lacks " + k.keyword()
                                + " (Type 1" + profileNote(k, profile) + ")");
                    } else if (!Values.hasValue(n.item, k.tag())) {
                        f.error(rule, rel, n.offset, k.tag(), n.rawType() + " record has an empty " + k.keyword()
                                + " (Type 1: a value is required" + profileNote(k, profile) + ")");
                    }
                }
                case TYPE_2 -> {
                    if (!n.item.contains(k.tag())) {
                        f.error(rule, rel, n.offset, k.tag(), n.rawType() + " record lacks " + k.keyword()
                                + " (Type 2: present, possibly empty" + profileNote(k, profile) + ")");
                    }
                }
                case TYPE_1C -> {
                    if (k.tag() == Tag.StudyInstanceUID && !Values.hasValue(n.item, k.tag())) {
                        f.warning(18, rel, n.offset, k.tag(), "STUDY record without Study Instance UID "
                                + "(required when the study has one, which every study does)");
                    } else if (n.item.contains(k.tag()) && !Values.hasValue(n.item, k.tag())
                            && k.tag() != Tag.ReferencedImageSequence) {
                        f.warning(rule, rel, n.offset, k.tag(), n.rawType() + " record has an empty "
                                + k.keyword() + " (Type 1C: absent or with a value)");
                    }
                }
                case TYPE_3 -> { }
            }
        }
    }

    private static String profileNote(RecordKeys.Key k, Profile p) {
        return k.profiles().isEmpty() ? "" : " in " + p.profileName();
    }

    static boolean allowed(RecordType parent, RecordType child) {
        if (child == RecordType.PRIVATE) {
            return true;
        }
        if (parent == null) {
            return ROOT_CHILDREN.contains(child);
        }
        return switch (parent) {
            case PATIENT -> child == RecordType.STUDY;
            case STUDY -> child == RecordType.SERIES;
            case SERIES -> child.isLeaf() && !ROOT_CHILDREN.contains(child);
            case PRIVATE, UNKNOWN -> true;
            default -> RETIRED.contains(parent);
        };
    }

    private static String where(RecordType t) {
        if (ROOT_CHILDREN.contains(t)) {
            return "at the root";
        }
        return switch (t) {
            case STUDY -> "below PATIENT";
            case SERIES -> "below STUDY";
            default -> "below SERIES";
        };
    }
}
