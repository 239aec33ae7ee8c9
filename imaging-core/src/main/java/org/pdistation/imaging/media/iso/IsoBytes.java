package org.pdistation.imaging.media.iso;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** The numeric and date encodings of ECMA-119 section 7 and 8.4.26.1, on plain byte arrays. */
final class IsoBytes {
    static final int SECTOR = 2048;

    private IsoBytes() {}

    /** ECMA-119 7.3.3: 32-bit both-byte orders, little-endian then big-endian. */
    static void both32(byte[] b, int off, long v) {
        le32(b, off, v);
        be32(b, off + 4, v);
    }

    /** ECMA-119 7.2.3: 16-bit both-byte orders. */
    static void both16(byte[] b, int off, int v) {
        le16(b, off, v);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    static void le16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }

    static void be16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    static void le32(byte[] b, int off, long v) {
        for (int i = 0; i < 4; i++) b[off + i] = (byte) (v >>> (8 * i));
    }

    static void be32(byte[] b, int off, long v) {
        for (int i = 0; i < 4; i++) b[off + i] = (byte) (v >>> (8 * (3 - i)));
    }

    static int u8(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    static long le32(byte[] b, int off) {
        return (b[off] & 0xFFL) | (b[off + 1] & 0xFFL) << 8 | (b[off + 2] & 0xFFL) << 16 | (b[off + 3] & 0xFFL) << 24;
    }

    static int le16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    /** Writes {@code s} padded with SPACEs to {@code len} bytes (ECMA-119 8.4: identifiers are space-filled). */
    static void padded(byte[] b, int off, int len, String s) {
        byte[] v = s.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < len; i++) b[off + i] = i < v.length ? v[i] : (byte) ' ';
    }

    /** Joliet: identifiers in the SVD are UCS-2 big-endian, padded with (0x00 0x20). */
    static void paddedUcs2(byte[] b, int off, int len, String s) {
        byte[] v = s.getBytes(StandardCharsets.UTF_16BE);
        int n = Math.min(v.length, len & ~1);
        System.arraycopy(v, 0, b, off, n);
        for (int i = n; i + 1 < len; i += 2) {
            b[off + i] = 0;
            b[off + i + 1] = ' ';
        }
    }

    /** ECMA-119 9.1.5: seven bytes, years since 1900 .. seconds, offset from GMT in 15-minute steps. */
    static void date7(byte[] b, int off, Instant t) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        b[off] = (byte) (z.getYear() - 1900);
        b[off + 1] = (byte) z.getMonthValue();
        b[off + 2] = (byte) z.getDayOfMonth();
        b[off + 3] = (byte) z.getHour();
        b[off + 4] = (byte) z.getMinute();
        b[off + 5] = (byte) z.getSecond();
        b[off + 6] = 0;
    }

    /** ECMA-119 8.4.26.1: sixteen digits YYYYMMDDHHMMSScc and a GMT offset byte; null means "not specified". */
    static void date17(byte[] b, int off, Instant t) {
        String digits;
        if (t == null) {
            digits = "0000000000000000";
        } else {
            ZonedDateTime z = t.atZone(ZoneOffset.UTC);
            digits = String.format("%04d%02d%02d%02d%02d%02d%02d", z.getYear(), z.getMonthValue(),
                    z.getDayOfMonth(), z.getHour(), z.getMinute(), z.getSecond(), z.getNano() / 10_000_000);
        }
        byte[] v = digits.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(v, 0, b, off, 16);
        b[off + 16] = 0;
    }

    /** The 7-byte form read back, or null when the fields are out of range. */
    static Instant readDate7(byte[] b, int off) {
        int month = u8(b, off + 1);
        int day = u8(b, off + 2);
        int hour = u8(b, off + 3);
        int minute = u8(b, off + 4);
        int second = u8(b, off + 5);
        if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
        try {
            ZoneOffset zone = ZoneOffset.ofTotalSeconds(b[off + 6] * 15 * 60);
            return ZonedDateTime.of(1900 + u8(b, off), month, day, hour, minute, second, 0, zone).toInstant();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    static long sectors(long bytes) {
        return (bytes + SECTOR - 1) / SECTOR;
    }
}
