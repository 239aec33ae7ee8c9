package org.pdistation.imaging.codec.jpeg;

import java.io.ByteArrayOutputStream;

import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.FrameEncoder;
import org.pdistation.imaging.codec.ImageDescriptor;

/**
 * JPEG lossless encoder for DICOM transfer syntax 1.2.840.10008.1.2.4.70: T.81 process 14, selection value 1
 * (first-order prediction from the left, H.1.2.1), no point transform, Huffman table optimised for the frame
 * (K.2). Sample precision is Bits Stored (2..16); one component, or three interleaved in one scan without any
 * colour transform (the photometric interpretation is unchanged).
 *
 * <p>Only the low Bits Stored bits of each sample are encoded: bits above Bits Stored (overlays, garbage) are
 * not kept, as with DCMTK's dcmcjpeg. A descriptor whose High Bit is not Bits Stored − 1 is refused.
 */
public final class JpegLosslessEncoder implements FrameEncoder {
    @Override
    public byte[] encode(FrameBuffer src, ImageDescriptor desc) throws CodecException {
        int p = desc.bitsStored();
        int nc = desc.samplesPerPixel();
        int w = desc.columns();
        int h = desc.rows();
        if (p < 2 || p > 16) throw new CodecException("JPEG lossless needs 2..16 bits stored, not " + p);
        if (nc != 1 && nc != 3) throw new CodecException("JPEG lossless encoder supports 1 or 3 samples, not " + nc);
        if (desc.storedShift() != 0) throw new CodecException("High Bit " + desc.highBit() + " is not Bits Stored − 1");
        if (w < 1 || h < 1 || w > 65535 || h > 65535) throw new CodecException("image size " + w + "x" + h);
        long n = desc.samples();
        if (src.sampleCount() < n) {
            throw new CodecException("frame buffer holds " + src.sampleCount() + " samples, image needs " + n);
        }
        int mask = (1 << p) - 1;
        int[] samples = new int[(int) n];
        for (int i = 0; i < n; i++) samples[i] = raw(src, i) & mask;
        // H.1.2.1 with Ss = 1; differences modulo 2^16 (H.1.2.2), stored as their SSSS category and bits.
        int[] diffs = new int[(int) n];
        long[] freq = new long[17];
        int initial = 1 << (p - 1);
        int stride = w * nc;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < nc; c++) {
                    int i = y * stride + x * nc + c;
                    int pred = x > 0 ? samples[i - nc] : y > 0 ? samples[i - stride] : initial;
                    int d = (samples[i] - pred) & 0xFFFF;
                    if (d > 0x8000) d -= 0x10000;
                    diffs[i] = d;
                    freq[category(d)]++;
                }
            }
        }
        HuffmanCodeBuilder.Table t = HuffmanCodeBuilder.build(freq);
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 64, n * 2 + 1024));
        writeHeaders(out, p, w, h, nc, t);
        BitWriter bw = new BitWriter(out);
        for (int i = 0; i < n; i++) {
            int d = diffs[i];
            int s = category(d);
            bw.put(t.code()[s], t.size()[s]);
            if (s > 0 && s < 16) bw.put(d < 0 ? d + (1 << s) - 1 : d, s); // F.1.2.1.1 low bits of diff (or −1)
        }
        bw.flush();
        out.write(0xFF);
        out.write(0xD9);
        return out.toByteArray();
    }

    private static int raw(FrameBuffer b, int i) {
        return switch (b.kind()) {
            case BYTE -> b.bytes()[i] & 0xFF;
            case SHORT -> b.shorts()[i] & 0xFFFF;
            case INT -> b.ints()[i];
        };
    }

    /** SSSS (Table H.2): bits needed for |d|; 16 only for d = 32768. */
    static int category(int d) {
        return 32 - Integer.numberOfLeadingZeros(Math.abs(d));
    }

    private static void writeHeaders(ByteArrayOutputStream out, int p, int w, int h, int nc,
                                     HuffmanCodeBuilder.Table t) {
        out.write(0xFF);
        out.write(0xD8);
        // B.2.2 SOF3
        marker(out, 0xC3, 8 + 3 * nc);
        out.write(p);
        short16(out, h);
        short16(out, w);
        out.write(nc);
        for (int c = 0; c < nc; c++) {
            out.write(c + 1);
            out.write(0x11);
            out.write(0);
        }
        // B.2.4.2 DHT: one DC-class table 0 shared by all components
        marker(out, 0xC4, 2 + 1 + 16 + t.huffval().length);
        out.write(0x00);
        for (int i = 1; i <= 16; i++) out.write(t.bits()[i]);
        for (int v : t.huffval()) out.write(v);
        // B.2.3 SOS: Ss = predictor 1, Se = 0, Ah = 0, Al = Pt = 0
        marker(out, 0xDA, 6 + 2 * nc);
        out.write(nc);
        for (int c = 0; c < nc; c++) {
            out.write(c + 1);
            out.write(0x00);
        }
        out.write(1);
        out.write(0);
        out.write(0);
    }

    private static void marker(ByteArrayOutputStream out, int m, int length) {
        out.write(0xFF);
        out.write(m);
        short16(out, length);
    }

    private static void short16(ByteArrayOutputStream out, int v) {
        out.write(v >> 8);
        out.write(v & 0xFF);
    }

    /** Entropy-coded segment writer: MSB first, 0x00 stuffed after each 0xFF byte (B.1.1.5). */
    private static final class BitWriter {
        private final ByteArrayOutputStream out;
        private long acc;
        private int count;

        BitWriter(ByteArrayOutputStream out) {
            this.out = out;
        }

        void put(int code, int len) {
            acc = (acc << len) | (code & ((1L << len) - 1));
            count += len;
            while (count >= 8) {
                count -= 8;
                emit((int) (acc >>> count) & 0xFF);
            }
        }

        /** F.1.2.3: pad the last byte with 1-bits. */
        void flush() {
            if (count > 0) put((1 << (8 - count)) - 1, 8 - count);
        }

        private void emit(int b) {
            out.write(b);
            if (b == 0xFF) out.write(0);
        }
    }
}
