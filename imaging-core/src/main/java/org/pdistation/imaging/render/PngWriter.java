package org.pdistation.imaging.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Minimal PNG encoder (ISO/IEC 15948, W3C PNG 2nd ed.) for 8-bit grey (colour type 0) and 8-bit RGB (colour type
 * 2): signature, IHDR, one IDAT (zlib stream of filtered scanlines), IEND. Scanlines use filter type 2 (Up, 9.2)
 * except the first, which uses None: cheap and usually smaller than unfiltered for medical images.
 */
public final class PngWriter {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngWriter() {}

    /** Writes {@code width × height} grey bytes, row by row. */
    public static void writeGrey(OutputStream out, int width, int height, byte[] grey) throws IOException {
        write(out, width, height, 1, grey);
    }

    /** Writes {@code width × height} RGB triplets, row by row. */
    public static void writeRgb(OutputStream out, int width, int height, byte[] rgb) throws IOException {
        write(out, width, height, 3, rgb);
    }

    private static void write(OutputStream out, int width, int height, int channels, byte[] pixels) throws IOException {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("empty image " + width + "x" + height);
        int stride = width * channels;
        if (pixels.length < (long) stride * height) {
            throw new IllegalArgumentException(pixels.length + " bytes for " + width + "x" + height + "x" + channels);
        }
        out.write(SIGNATURE);
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, width);
        putInt(ihdr, 4, height);
        ihdr[8] = 8;                                // bit depth
        ihdr[9] = (byte) (channels == 1 ? 0 : 2);   // colour type: greyscale / truecolour
        ihdr[10] = 0;                               // compression method 0: deflate
        ihdr[11] = 0;                               // filter method 0: adaptive, five types
        ihdr[12] = 0;                               // no interlace
        chunk(out, "IHDR", ihdr, ihdr.length);

        Deflater deflater = new Deflater(6);
        ByteArrayOutputStream idat = new ByteArrayOutputStream(Math.max(1024, stride * height / 3));
        byte[] line = new byte[stride + 1];
        byte[] buf = new byte[1 << 16];
        try {
            for (int y = 0; y < height; y++) {
                int off = y * stride;
                if (y == 0) {
                    line[0] = 0; // None
                    System.arraycopy(pixels, off, line, 1, stride);
                } else {
                    line[0] = 2; // Up: Raw(x) − Prior(x) mod 256
                    for (int x = 0; x < stride; x++) line[x + 1] = (byte) (pixels[off + x] - pixels[off - stride + x]);
                }
                deflater.setInput(line);
                while (!deflater.needsInput()) idat.write(buf, 0, deflater.deflate(buf));
            }
            deflater.finish();
            while (!deflater.finished()) idat.write(buf, 0, deflater.deflate(buf));
        } finally {
            deflater.end();
        }
        byte[] z = idat.toByteArray();
        chunk(out, "IDAT", z, z.length);
        chunk(out, "IEND", new byte[0], 0);
        out.flush();
    }

    /** 5.3: length, type, data, CRC-32 over type and data. */
    private static void chunk(OutputStream out, String type, byte[] data, int len) throws IOException {
        byte[] head = new byte[8];
        putInt(head, 0, len);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, head, 4, 4);
        out.write(head);
        out.write(data, 0, len);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, 0, len);
        byte[] c = new byte[4];
        putInt(c, 0, (int) crc.getValue());
        out.write(c);
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
