package org.pdistation.imaging.codec.opencv;

/**
 * The JP2 file-format boxes (ITU-T T.800 Annex I) put in front of a raw codestream before it goes to OpenCV: a
 * signature box (I.5.1), a file type box (I.5.2), a JP2 header box (I.5.3) holding the image header (I.5.3.1) and
 * an enumerated colour specification (I.5.3.3: 17 greyscale, 16 sRGB), then the contiguous codestream box header
 * (I.5.4). A bare codestream has no colour space, and OpenCV 4.9 then logs "unknown or unspecified color space"
 * on stderr for every frame (a line per slice when a series is scrolled or transcoded); with the colour space
 * stated the samples are the same and nothing is logged.
 */
final class Jp2Box {
    /** Bytes of the boxes before the codestream. */
    static final int PREFIX = 12 + 20 + 45 + 8;

    private Jp2Box() {}

    /** Writes the prefix for a codestream of {@code codestreamLength} bytes into {@code out[0, PREFIX)}. */
    static void prefix(J2kHeader h, int codestreamLength, byte[] out) {
        int p = 0;
        // I.5.1 signature box: length 12, 'jP  ', <CR><LF><0x87><LF>
        p = u32(out, p, 12);
        p = type(out, p, "jP  ");
        p = u32(out, p, 0x0D0A870AL);
        // I.5.2 file type box: brand 'jp2 ', minor version 0, compatibility list 'jp2 '
        p = u32(out, p, 20);
        p = type(out, p, "ftyp");
        p = type(out, p, "jp2 ");
        p = u32(out, p, 0);
        p = type(out, p, "jp2 ");
        // I.5.3 JP2 header superbox: 8 + ihdr 22 + colr 15
        p = u32(out, p, 45);
        p = type(out, p, "jp2h");
        // I.5.3.1 image header: height, width, components, bits per component − 1 (unsigned: the decoder clears
        // the SIZ sign bits itself), compression type 7, colour space known, no intellectual property
        p = u32(out, p, 22);
        p = type(out, p, "ihdr");
        p = u32(out, p, h.height());
        p = u32(out, p, h.width());
        out[p++] = (byte) (h.components() >>> 8);
        out[p++] = (byte) h.components();
        out[p++] = (byte) (h.precision() - 1);
        out[p++] = 7;
        out[p++] = 0;
        out[p++] = 0;
        // I.5.3.3 colour specification: method 1 (enumerated), precedence 0, approximation 0
        p = u32(out, p, 15);
        p = type(out, p, "colr");
        out[p++] = 1;
        out[p++] = 0;
        out[p++] = 0;
        p = u32(out, p, h.components() == 1 ? 17 : 16);
        // I.5.4 contiguous codestream box header
        p = u32(out, p, 8L + codestreamLength);
        type(out, p, "jp2c");
    }

    private static int u32(byte[] b, int p, long v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
        return p + 4;
    }

    private static int type(byte[] b, int p, String t) {
        for (int i = 0; i < 4; i++) b[p + i] = (byte) t.charAt(i);
        return p + 4;
    }
}
