package org.pdistation.creator.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the dataset of a Part 10 file starts, found by walking the file meta elements (PS3.10 7.1: group 0002,
 * always Explicit VR Little Endian, right after the 128-byte preamble and "DICM"), without trusting the group
 * length. Used to copy a dataset's bytes unchanged behind a new file meta.
 *
 * @param datasetOffset   first byte after the last group 0002 element
 * @param transferSyntax  (0002,0010) as written, trimmed; empty when absent
 */
public record Part10Header(long datasetOffset, String transferSyntax) {
    /** Meta groups are a few hundred bytes; a larger one is odd enough to take the slow, parsing path. */
    public static final int LIMIT = 64 * 1024;

    /** The header, or null when the file does not start with a well-formed Explicit VR LE meta group. */
    public static Part10Header read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in.readNBytes(LIMIT));
        }
    }

    /** True when the bytes start with a 128-byte preamble and "DICM" (PS3.10 7.1). */
    public static boolean hasDicmPrefix(byte[] b) {
        return b.length >= 132 && b[128] == 'D' && b[129] == 'I' && b[130] == 'C' && b[131] == 'M';
    }

    /**
     * The header from a file's first bytes, or null when they do not hold a complete, well-formed meta group (too
     * few bytes given included: read more, up to {@link #LIMIT}, and try again).
     */
    public static Part10Header parse(byte[] b) {
        if (b.length < 132 || b[128] != 'D' || b[129] != 'I' || b[130] != 'C' || b[131] != 'M') {
            return null;
        }
        int pos = 132;
        String ts = "";
        while (pos + 8 <= b.length) {
            int group = u16(b, pos);
            if (group != 0x0002) {
                return new Part10Header(pos, ts);
            }
            int element = u16(b, pos + 2);
            String vr = new String(b, pos + 4, 2, StandardCharsets.US_ASCII);
            long length;
            int header;
            // PS3.5 7.1.2: these VRs have two reserved bytes and a 32-bit length.
            if (switch (vr) { case "OB", "OW", "OF", "OD", "OL", "OV", "SQ", "UT", "UN", "UC", "UR", "SV", "UV" -> true;
                    default -> false; }) {
                if (pos + 12 > b.length) {
                    return null;
                }
                length = u32(b, pos + 8);
                header = 12;
            } else if (vr.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
                length = u16(b, pos + 6);
                header = 8;
            } else {
                return null; // not explicit VR: a broken meta, leave it to the parser
            }
            if (length == 0xFFFFFFFFL || pos + header + length > b.length) {
                return null;
            }
            if (element == 0x0010) {
                ts = new String(b, pos + header, (int) length, StandardCharsets.US_ASCII).replace("\0", "").strip();
            }
            pos += header + (int) length;
        }
        return null;
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int p) {
        return (u16(b, p) | (long) u16(b, p + 2) << 16) & 0xFFFFFFFFL;
    }
}
