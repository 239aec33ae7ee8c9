package org.pdistation.imaging.archive;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The few File Meta Information values the archive needs and where the data set starts, read straight from the
 * group 0002 elements (PS3.10 7.1: preamble, "DICM", then group 0002 in Explicit VR Little Endian).
 */
record FileMeta(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, long datasetOffset) {
    private static final int MAX_META = 1 << 16;

    static FileMeta read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            byte[] pre = in.readNBytes(132);
            if (pre.length < 132 || pre[128] != 'D' || pre[129] != 'I' || pre[130] != 'C' || pre[131] != 'M') {
                throw new IOException(file + ": not a DICOM Part 10 file (no \"DICM\" at offset 128)");
            }
            long pos = 132;
            String cls = null;
            String inst = null;
            String ts = null;
            while (pos < 132 + MAX_META) {
                in.mark(8);
                int group = u16(in);
                if (group != 0x0002) {
                    break;
                }
                int element = u16(in);
                String vr = new String(in.readNBytes(2), StandardCharsets.US_ASCII);
                long len;
                int head;
                // PS3.5 7.1.2: these VRs have 2 reserved bytes and a 32-bit length.
                if ("OB OW OF SQ UT UN OD OL OV UC UR SV UV".contains(vr)) {
                    in.skipNBytes(2);
                    len = u32(in);
                    head = 12;
                } else {
                    len = u16(in);
                    head = 8;
                }
                if (len > MAX_META) {
                    throw new IOException(file + ": file meta element (0002," + String.format("%04X", element)
                            + ") at offset " + pos + " is " + len + " bytes long");
                }
                byte[] value = in.readNBytes((int) len);
                if (value.length < len) {
                    throw new EOFException(file + ": file meta ends inside (0002," + String.format("%04X", element)
                            + ")");
                }
                String text = new String(value, StandardCharsets.US_ASCII).replace("\0", "").strip();
                switch (element) {
                    case 0x0002 -> cls = text;
                    case 0x0003 -> inst = text;
                    case 0x0010 -> ts = text;
                    default -> { }
                }
                pos += head + len;
            }
            if (cls == null || inst == null || ts == null) {
                throw new IOException(file + ": file meta lacks Media Storage SOP Class/Instance UID or Transfer "
                        + "Syntax UID");
            }
            return new FileMeta(cls, inst, ts, pos);
        }
    }

    private static int u16(InputStream in) throws IOException {
        int a = in.read();
        int b = in.read();
        if ((a | b) < 0) {
            throw new EOFException("file ends inside the file meta");
        }
        return a | (b << 8);
    }

    private static long u32(InputStream in) throws IOException {
        return u16(in) | ((long) u16(in) << 16);
    }
}
