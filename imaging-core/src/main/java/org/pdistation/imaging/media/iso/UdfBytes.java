package org.pdistation.imaging.media.iso;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The basic types of ECMA-167 (3rd edition) part 1 and 3/7 as OSTA UDF restricts them: descriptor tags with their
 * checksum and CRC, timestamps, character set specifications, entity identifiers and OSTA CS0 d-strings.
 */
final class UdfBytes {
    static final int SECTOR = IsoBytes.SECTOR;
    /** ECMA-167 3/7.2: a descriptor tag is 16 bytes. */
    static final int TAG = 16;

    /** ECMA-167 3/7.2.1 and 4/7.2.1: tag identifiers. */
    static final int PVD = 1;
    static final int AVDP = 2;
    static final int VDP = 3;
    static final int IUVD = 4;
    static final int PD = 5;
    static final int LVD = 6;
    static final int USD = 7;
    static final int TD = 8;
    static final int LVID = 9;
    static final int FSD = 256;
    static final int FID = 257;
    static final int AED = 258;
    static final int FE = 261;
    static final int EFE = 266;

    /** UDF 1.02 2.1.2: "OSTA Compressed Unicode" is the only character set (CS0). */
    static final String OSTA_CS0 = "OSTA Compressed Unicode";
    /** UDF 1.02 2.1.5.2: the domain entity identifier. */
    static final String OSTA_DOMAIN = "*OSTA UDF Compliant";
    /** UDF revision 1.02, as the identifier suffixes and the LVID record it. */
    static final int UDF_REVISION = 0x0102;

    private UdfBytes() {}

    static void le16(byte[] b, int off, int v) {
        IsoBytes.le16(b, off, v);
    }

    static void le32(byte[] b, int off, long v) {
        IsoBytes.le32(b, off, v);
    }

    static void le64(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) b[off + i] = (byte) (v >>> (8 * i));
    }

    static int u16(byte[] b, int off) {
        return IsoBytes.le16(b, off);
    }

    static long u32(byte[] b, int off) {
        return IsoBytes.le32(b, off);
    }

    static long u64(byte[] b, int off) {
        return u32(b, off) | u32(b, off + 4) << 32;
    }

    /** ECMA-167 1/7.2.6: CRC-ITU-T, generator x^16 + x^12 + x^5 + 1 (0x1021), initial value 0, MSB first. */
    static int crc(byte[] b, int off, int len) {
        int crc = 0;
        for (int i = 0; i < len; i++) {
            crc ^= (b[off + i] & 0xFF) << 8;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return crc;
    }

    /** ECMA-167 3/7.2.3: the sum modulo 256 of tag bytes 0-3 and 5-15. */
    static int tagChecksum(byte[] b, int off) {
        int sum = 0;
        for (int i = 0; i < TAG; i++) {
            if (i != 4) sum += b[off + i] & 0xFF;
        }
        return sum & 0xFF;
    }

    /**
     * Fills in the tag at {@code off} of a descriptor of {@code length} bytes: identifier, version 2 (NSR02, UDF
     * 1.02), serial number 1, location, CRC over the {@code length - 16} bytes after the tag, then the checksum.
     */
    static void tag(byte[] b, int off, int id, long location, int length) {
        le16(b, off, id);
        le16(b, off + 2, 2);
        b[off + 5] = 0;
        le16(b, off + 6, 1); // 3/7.2.5 tag serial number; UDF 1.02 2.2.1.1: the same value everywhere
        int crcLength = length - TAG;
        le16(b, off + 8, crc(b, off + TAG, crcLength));
        le16(b, off + 10, crcLength);
        le32(b, off + 12, location);
        b[off + 4] = (byte) tagChecksum(b, off);
    }

    /**
     * Why the tag at {@code off} (with {@code available} bytes of the descriptor in {@code b}) is not a valid tag
     * of {@code expectedId} recorded at {@code location}; null when it is. {@code expectedId} &lt; 0 accepts any.
     */
    static String tagProblem(byte[] b, int off, int available, int expectedId, long location) {
        if (available < TAG) return "descriptor truncated (" + available + " bytes)";
        int id = u16(b, off);
        if ((b[off + 4] & 0xFF) != tagChecksum(b, off)) {
            return "tag checksum " + (b[off + 4] & 0xFF) + " should be " + tagChecksum(b, off)
                    + " (tag identifier " + id + ")";
        }
        if (expectedId >= 0 && id != expectedId) {
            return "tag identifier " + id + " where " + name(expectedId) + " (" + expectedId + ") was expected";
        }
        int version = u16(b, off + 2);
        if (version != 2 && version != 3) return name(id) + ": descriptor version " + version + " (2 or 3 expected)";
        long recorded = u32(b, off + 12);
        if (location >= 0 && recorded != location) {
            return name(id) + ": tag location " + recorded + " but recorded at block " + location;
        }
        int crcLength = u16(b, off + 10);
        if (TAG + crcLength > available) {
            return name(id) + ": CRC length " + crcLength + " runs past the descriptor (" + available + " bytes)";
        }
        int crc = crc(b, off + TAG, crcLength);
        if (crc != u16(b, off + 8)) {
            return name(id) + ": descriptor CRC " + hex(u16(b, off + 8)) + " should be " + hex(crc);
        }
        return null;
    }

    static String name(int id) {
        return switch (id) {
            case PVD -> "Primary Volume Descriptor";
            case AVDP -> "Anchor Volume Descriptor Pointer";
            case VDP -> "Volume Descriptor Pointer";
            case IUVD -> "Implementation Use Volume Descriptor";
            case PD -> "Partition Descriptor";
            case LVD -> "Logical Volume Descriptor";
            case USD -> "Unallocated Space Descriptor";
            case TD -> "Terminating Descriptor";
            case LVID -> "Logical Volume Integrity Descriptor";
            case FSD -> "File Set Descriptor";
            case FID -> "File Identifier Descriptor";
            case AED -> "Allocation Extent Descriptor";
            case FE -> "File Entry";
            case EFE -> "Extended File Entry";
            default -> "descriptor " + id;
        };
    }

    private static String hex(int v) {
        return String.format("0x%04X", v);
    }

    /**
     * ECMA-167 1/7.3: twelve bytes; type 1 (local time) with the offset from UTC in minutes (UDF 1.02 2.1.4 asks
     * for type 1). We record UTC, so the offset is 0.
     */
    static void timestamp(byte[] b, int off, Instant t) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        le16(b, off, 1 << 12);
        le16(b, off + 2, z.getYear());
        b[off + 4] = (byte) z.getMonthValue();
        b[off + 5] = (byte) z.getDayOfMonth();
        b[off + 6] = (byte) z.getHour();
        b[off + 7] = (byte) z.getMinute();
        b[off + 8] = (byte) z.getSecond();
        int micros = z.getNano() / 1000;
        b[off + 9] = (byte) (micros / 10_000);
        b[off + 10] = (byte) (micros / 100 % 100);
        b[off + 11] = (byte) (micros % 100);
    }

    /** The timestamp read back; null when a field is out of range. */
    static Instant readTimestamp(byte[] b, int off) {
        int typeZone = u16(b, off);
        int zone = typeZone & 0xFFF;
        if ((zone & 0x800) != 0) zone -= 0x1000; // 12-bit two's complement
        if (zone == -2047 || (typeZone >>> 12) != 1) zone = 0; // not specified, or not local time: take UTC
        int year = (short) u16(b, off + 2);
        try {
            ZonedDateTime z = ZonedDateTime.of(year, b[off + 4], b[off + 5], b[off + 6], b[off + 7], b[off + 8],
                    ((b[off + 9] & 0xFF) * 10_000 + (b[off + 10] & 0xFF) * 100 + (b[off + 11] & 0xFF)) * 1000,
                    ZoneOffset.ofTotalSeconds(zone * 60));
            return z.toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** ECMA-167 1/7.2.1, UDF 1.02 2.1.2: a 64-byte charspec naming CS0 "OSTA Compressed Unicode". */
    static void charspec(byte[] b, int off) {
        b[off] = 0;
        byte[] info = OSTA_CS0.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(info, 0, b, off + 1, info.length);
    }

    /** ECMA-167 1/7.4: an entity identifier (flags 0, 23 identifier bytes, 8 suffix bytes). */
    static void regid(byte[] b, int off, String id, byte[] suffix) {
        b[off] = 0;
        byte[] v = id.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(v, 0, b, off + 1, Math.min(23, v.length));
        System.arraycopy(suffix, 0, b, off + 24, Math.min(8, suffix.length));
    }

    /** UDF 1.02 2.1.5.3: the suffix of a domain or UDF identifier starts with the UDF revision. */
    static byte[] udfSuffix() {
        return new byte[] {(byte) UDF_REVISION, (byte) (UDF_REVISION >>> 8)};
    }

    static String regidText(byte[] b, int off) {
        int end = off + 1;
        while (end < off + 24 && b[end] != 0) end++;
        return new String(b, off + 1, end - off - 1, StandardCharsets.ISO_8859_1);
    }

    /**
     * OSTA CS0 (UDF 1.02 2.1.1): compression ID 8 (one byte per character) when every character fits in a byte,
     * else 16 (UTF-16 big-endian units).
     */
    static byte[] cs0(String s) {
        boolean narrow = s.chars().allMatch(c -> c <= 0xFF);
        byte[] out = new byte[1 + s.length() * (narrow ? 1 : 2)];
        out[0] = (byte) (narrow ? 8 : 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (narrow) {
                out[1 + i] = (byte) c;
            } else {
                out[1 + 2 * i] = (byte) (c >>> 8);
                out[2 + 2 * i] = (byte) c;
            }
        }
        return out;
    }

    /** CS0 decoded; null when the compression ID is not one UDF defines. */
    static String readCs0(byte[] b, int off, int len) {
        if (len == 0) return "";
        int id = b[off] & 0xFF;
        StringBuilder s = new StringBuilder(len);
        if (id == 8 || id == 254) {
            for (int i = 1; i < len; i++) s.append((char) (b[off + i] & 0xFF));
        } else if (id == 16 || id == 255) {
            for (int i = 1; i + 1 < len; i += 2) s.append((char) ((b[off + i] & 0xFF) << 8 | (b[off + i + 1] & 0xFF)));
        } else {
            return null;
        }
        return s.toString();
    }

    /**
     * ECMA-167 1/7.2.12: a d-string field of {@code len} bytes: CS0 characters, zeros, and in the last byte the
     * number of bytes used. Characters that do not fit are dropped.
     */
    static void dstring(byte[] b, int off, int len, String s) {
        if (s.isEmpty()) return; // an empty d-string is all zeros
        byte[] v = cs0(s);
        int n = Math.min(v.length, len - 1);
        if (v[0] == 16 && (n & 1) == 0) n--; // keep whole 16-bit characters
        System.arraycopy(v, 0, b, off, n);
        b[off + len - 1] = (byte) n;
    }

    static String readDstring(byte[] b, int off, int len) {
        int n = b[off + len - 1] & 0xFF;
        if (n == 0 || n > len - 1) return "";
        String s = readCs0(b, off, n);
        return s == null ? "" : s;
    }
}
