package org.pdistation.imaging.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds raw DICOM byte streams by hand, for tests that need encodings our writer would never produce (bad VRs,
 * bogus lengths, deep nesting, wrong item tags).
 */
final class DicomBytes {
    static final long UNDEFINED = 0xFFFFFFFFL;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean bigEndian;

    DicomBytes(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    static DicomBytes le() {
        return new DicomBytes(false);
    }

    /** 128 zero bytes, "DICM" and a minimal file meta group (PS3.10 7.1) naming {@code tsUid}. */
    static DicomBytes part10(String tsUid) {
        DicomBytes meta = le();
        meta.explicit(0x00020001, "OB", new byte[] {0, 1});
        meta.explicit(0x00020002, "UI", ascii("1.2.840.10008.5.1.4.1.1.7\0"));
        meta.explicit(0x00020003, "UI", ascii("1.2.3.4\0"));
        byte[] ts = ascii(tsUid.length() % 2 == 0 ? tsUid : tsUid + "\0");
        meta.explicit(0x00020010, "UI", ts);
        byte[] m = meta.toByteArray();
        DicomBytes b = le();
        b.raw(new byte[128]).raw(ascii("DICM"));
        b.explicit(0x00020000, "UL", new byte[] {(byte) m.length, (byte) (m.length >> 8), 0, 0});
        return b.raw(m);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    DicomBytes raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    DicomBytes u16(int v) {
        if (bigEndian) {
            out.write(v >> 8);
            out.write(v);
        } else {
            out.write(v);
            out.write(v >> 8);
        }
        return this;
    }

    DicomBytes u32(long v) {
        if (bigEndian) {
            u16((int) (v >> 16));
            u16((int) v);
        } else {
            u16((int) v);
            u16((int) (v >> 16));
        }
        return this;
    }

    DicomBytes tag(int tag) {
        return u16(tag >>> 16).u16(tag & 0xFFFF);
    }

    /** An explicit VR header with the length form PS3.5 7.1.2 gives the VR. */
    DicomBytes explicitHeader(int tag, String vr, long length) {
        tag(tag);
        out.writeBytes(ascii(vr));
        if (longHeader(vr)) {
            return u16(0).u32(length);
        }
        return u16((int) length);
    }

    DicomBytes explicit(int tag, String vr, byte[] value) {
        return explicitHeader(tag, vr, value.length).raw(value);
    }

    DicomBytes implicit(int tag, byte[] value) {
        return tag(tag).u32(value.length).raw(value);
    }

    DicomBytes implicitHeader(int tag, long length) {
        return tag(tag).u32(length);
    }

    DicomBytes item(long length) {
        return tag(0xFFFEE000).u32(length);
    }

    DicomBytes itemEnd() {
        return tag(0xFFFEE00D).u32(0);
    }

    DicomBytes sequenceEnd() {
        return tag(0xFFFEE0DD).u32(0);
    }

    int size() {
        return out.size();
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    static boolean longHeader(String vr) {
        return switch (vr) {
            case "OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV" -> true;
            default -> false;
        };
    }
}
