package org.pdistation.imaging.media.verify;

import java.util.Arrays;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.io.ReadProblem;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.media.FileIdResolver;

import java.io.IOException;
import java.util.List;

/** PDI-REQUIREMENTS C 14-15: the DICOMDIR's file meta information, encoding, and File-set identification. */
final class MetaChecks implements Check {
    @Override
    public void run(Medium m) {
        DicomDirFile d = m.dicomdir;
        if (d == null) {
            return;
        }
        Findings f = m.findings;
        String rel = d.rel();
        for (ReadProblem p : d.file().problems()) {
            if (d.truncated() && p.offset() >= d.bytes().length - 16) {
                continue; // our own read bound, reported by OffsetChecks
            }
            if (p.severity() == ReadProblem.Severity.ERROR) {
                f.error(FindingKind.DICOMDIR_UNREADABLE, 14, rel, p.offset(), p.tag() == -1 ? null : p.tag(), "cannot be parsed: " + p.message());
            } else {
                f.warning(14, rel, p.offset(), p.tag() == -1 ? null : p.tag(), p.message());
            }
        }
        checkRawMeta(f, rel, d.bytes());
        Dataset meta = d.meta();
        byte[] version = meta.getBytes(Tag.FileMetaInformationVersion);
        if (version == null || !Arrays.equals(version, new byte[] {0, 1})) {
            f.error(14, rel, -1, Tag.FileMetaInformationVersion, "File Meta Information Version is "
                    + (version == null ? "absent" : Arrays.toString(version)) + ", expected 00\\01");
        }
        String sopClass = meta.getString(Tag.MediaStorageSOPClassUID);
        if (!UID.MediaStorageDirectoryStorage.equals(Values.strip(sopClass))) {
            f.error(14, rel, -1, Tag.MediaStorageSOPClassUID, "Media Storage SOP Class UID is " + Values.show(sopClass)
                    + ", expected " + UID.MediaStorageDirectoryStorage + " (Media Storage Directory Storage)");
        }
        if (!Values.hasValue(meta, Tag.MediaStorageSOPInstanceUID)) {
            f.error(14, rel, -1, Tag.MediaStorageSOPInstanceUID, "no Media Storage SOP Instance UID (the File-set UID)");
        }
        String ts = meta.getString(Tag.TransferSyntaxUID);
        TransferSyntax actual = d.file().transferSyntax();
        if (!TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid().equals(Values.strip(ts))) {
            f.error(14, rel, -1, Tag.TransferSyntaxUID, "DICOMDIR transfer syntax is " + Values.show(ts)
                    + describe(ts) + ", expected " + TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()
                    + " (Explicit VR Little Endian)");
        } else if (actual != null && (!actual.explicitVR() || actual.bigEndian())) {
            f.error(14, rel, -1, null, "DICOMDIR declares Explicit VR Little Endian but its data set is encoded "
                    + (actual.bigEndian() ? "big endian" : "in implicit VR"));
        }
        // 15: File-set ID is Type 2 (PS3.3 F.3.2.1).
        Dataset top = d.top();
        if (!top.contains(Tag.FileSetID)) {
            f.error(15, rel, -1, Tag.FileSetID, "File-set ID is absent (Type 2: present, possibly empty)");
        }
        String[] descriptor = top.getStrings(Tag.FileSetDescriptorFileID);
        if (descriptor.length > 0) {
            List<String> ids = List.of(descriptor);
            try {
                FileIdResolver.Resolution r = new FileIdResolver(m.root).resolve(ids);
                if (r.isRefused() || r.missing()) {
                    f.error(15, rel, -1, Tag.FileSetDescriptorFileID, "File-set Descriptor File ID "
                            + String.join("\\", descriptor) + (r.isRefused() ? " refused: " + r.refusal()
                            : " names a file that does not exist"));
                }
            } catch (IOException e) {
                f.warning(15, rel, -1, Tag.FileSetDescriptorFileID, "cannot check: " + e.getMessage());
            }
        }
    }

    private static String describe(String uid) {
        String name = uid == null ? null : org.pdistation.imaging.data.UID.nameOf(uid.strip());
        return name == null ? "" : " (" + name + ")";
    }

    /**
     * PS3.10 7.1: preamble, "DICM", then the group 0002 elements in Explicit VR Little Endian, the first being
     * (0002,0000) whose value counts the bytes of the group after it. Checked on the raw bytes because a lenient
     * parser hides exactly these defects.
     */
    static void checkRawMeta(Findings f, String rel, byte[] b) {
        if (b.length < 132 || b[128] != 'D' || b[129] != 'I' || b[130] != 'C' || b[131] != 'M') {
            f.error(14, rel, 128, null, "no 128-byte preamble followed by \"DICM\" (PS3.10 7.1)");
            return;
        }
        int pos = 132;
        long declared = -1;
        long groupStart = -1;
        while (pos + 8 <= b.length) {
            int group = u16(b, pos);
            if (group != 0x0002) {
                break;
            }
            int tag = group << 16 | u16(b, pos + 2);
            char v1 = (char) b[pos + 4];
            char v2 = (char) b[pos + 5];
            if (!Character.isUpperCase(v1) || !Character.isUpperCase(v2)) {
                f.error(14, rel, pos, tag, "file meta element without an explicit VR: the meta group must be "
                        + "Explicit VR Little Endian");
                return;
            }
            String vr = "" + v1 + v2;
            long len;
            int header;
            if (vr.equals("OB") || vr.equals("OW") || vr.equals("SQ") || vr.equals("UN") || vr.equals("UT")
                    || vr.equals("UC") || vr.equals("UR") || vr.equals("OF") || vr.equals("OD") || vr.equals("OL")
                    || vr.equals("OV")) {
                if (pos + 12 > b.length) {
                    break;
                }
                len = u32(b, pos + 8);
                header = 12;
            } else {
                len = u16(b, pos + 6);
                header = 8;
            }
            if (tag == Tag.FileMetaInformationGroupLength) {
                if (pos != 132) {
                    f.error(14, rel, pos, tag, "(0002,0000) is not the first meta element");
                }
                if (len == 4 && pos + 12 <= b.length) {
                    declared = u32(b, pos + 8);
                }
                groupStart = pos + header + len;
            } else if (pos == 132) {
                f.error(14, rel, pos, Tag.FileMetaInformationGroupLength, "file meta has no group length "
                        + "(0002,0000) as its first element");
            }
            pos += header + (int) Math.min(len, Integer.MAX_VALUE - pos - header);
        }
        if (declared >= 0 && groupStart >= 0 && declared != pos - groupStart) {
            f.error(14, rel, 132, Tag.FileMetaInformationGroupLength, "File Meta Information Group Length is "
                    + declared + ", but the group holds " + (pos - groupStart) + " bytes after it");
        }
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int p) {
        return (b[p] & 0xFFL) | (b[p + 1] & 0xFFL) << 8 | (b[p + 2] & 0xFFL) << 16 | (b[p + 3] & 0xFFL) << 24;
    }
}
