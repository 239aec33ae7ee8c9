package org.pdistation.imaging.codec.jpeg;

import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.CodedSizeException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.FrameDecoder;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.codec.Photometric;

/**
 * JPEG decoder for the DICOM JPEG transfer syntaxes (PS3.5 A.4.1): ITU-T T.81 baseline and extended sequential
 * DCT with Huffman coding (8- and 12-bit, processes 1, 2, 4), progressive DCT with Huffman coding (SOF2) and
 * lossless (process 14, any predictor). Hierarchical and arithmetic-coded streams are refused with a
 * {@link CodecException}.
 *
 * <p>Colour: three-component DCT streams are converted from YCbCr to RGB (T.871) when the DICOM photometric
 * interpretation is one of the YBR family, and left untouched when it is RGB — the default of DCMTK's dcmdjpeg
 * ("convert if YCbCr photometric interpretation"), which ignores JFIF/Adobe markers in that case. Lossless
 * streams are never converted.
 *
 * <p>Not thread-safe: one instance per thread; scratch planes are reused between frames.
 */
public final class JpegDecoder implements FrameDecoder {
    /** Frame header values (T.81 B.2.2) plus the MCU geometry derived from them (A.2). */
    static final class Frame {
        boolean lossless;
        boolean progressive;
        int precision;
        int width;
        int height;
        int hmax;
        int vmax;
        int mcusX;
        int mcusY;
    }

    private final Frame frame = new Frame();
    private final Component[] components = {new Component(), new Component(), new Component(), new Component()};
    private int componentCount;
    private final int[][] quant = new int[4][64];
    private final boolean[] quantDefined = new boolean[4];
    private final HuffmanTable[] dcTables = {new HuffmanTable(), new HuffmanTable(), new HuffmanTable(), new HuffmanTable()};
    private final HuffmanTable[] acTables = {new HuffmanTable(), new HuffmanTable(), new HuffmanTable(), new HuffmanTable()};
    private final boolean[] dcDefined = new boolean[4];
    private final boolean[] acDefined = new boolean[4];
    private final Component[] scan = new Component[4];
    private final BitReader reader = new BitReader();
    private final Restarts restarts = new Restarts();
    private final DctScanDecoder dct = new DctScanDecoder();
    private final LosslessScanDecoder lossless = new LosslessScanDecoder();
    private final ProgressiveScanDecoder progressive = new ProgressiveScanDecoder();
    private final SampleWriter writer = new SampleWriter();
    private int pointTransform;

    @Override
    public Photometric decode(byte[] src, int offset, int length, ImageDescriptor desc, FrameBuffer dst)
            throws CodecException {
        if (src == null || offset < 0 || length < 0 || offset > src.length - length) {
            throw new CodecException("frame bounds " + offset + "+" + length + " outside the source array");
        }
        try {
            return decodeChecked(src, offset, offset + length, desc, dst);
        } catch (RuntimeException e) {
            // Contract: never a runtime exception. Anything here is a decoder bug met by odd input; report it.
            throw new CodecException("corrupt JPEG stream: " + e, e);
        }
    }

    private Photometric decodeChecked(byte[] b, int start, int end, ImageDescriptor desc, FrameBuffer dst)
            throws CodecException {
        if (end - start < 4 || (b[start] & 0xFF) != 0xFF || (b[start + 1] & 0xFF) != 0xD8) {
            throw new CodecException("no SOI marker at byte offset 0");
        }
        java.util.Arrays.fill(quantDefined, false);
        java.util.Arrays.fill(dcDefined, false);
        java.util.Arrays.fill(acDefined, false);
        componentCount = 0;
        pointTransform = 0;
        restarts.reset(b, end);
        boolean sawFrame = false;
        boolean sawEoi = false;
        int p = start + 2;
        while (true) {
            if (p + 1 >= end) break; // tolerated missing EOI; completeness is checked below
            if ((b[p] & 0xFF) != 0xFF) {
                throw new CodecException(String.format("expected a marker at byte offset %d, found 0x%02X",
                        p - start, b[p] & 0xFF));
            }
            int m = b[p + 1] & 0xFF;
            if (m == 0xFF) { p++; continue; } // B.1.1.2 fill bytes
            if (m == 0xD9) { // EOI
                sawEoi = true;
                break;
            }
            if (m >= 0xD0 && m <= 0xD7 || m == 0x01) { p += 2; continue; } // stray RSTn / TEM: no segment
            if (p + 4 > end) throw new CodecException("segment length missing at byte offset " + (p - start));
            int len = ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
            int seg = p + 4;
            int segEnd = p + 2 + len;
            if (len < 2 || segEnd > end) {
                throw new CodecException(String.format("marker 0xFF%02X at byte offset %d declares length %d "
                        + "beyond the end of the data", m, p - start, len));
            }
            switch (m) {
                case 0xC0, 0xC1, 0xC2, 0xC3 -> {
                    if (sawFrame) throw new CodecException("second SOF marker at byte offset " + (p - start));
                    readFrame(b, seg, segEnd, m == 0xC3, desc, start);
                    frame.progressive = m == 0xC2;
                    if (frame.progressive) progressive.startFrame(components, componentCount);
                    sawFrame = true;
                }
                case 0xC5, 0xC6, 0xC7 -> throw new CodecException("hierarchical JPEG not supported");
                case 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF, 0xCC ->
                        throw new CodecException("arithmetic-coded JPEG not supported");
                case 0xC4 -> readHuffman(b, seg, segEnd);
                case 0xDB -> readQuant(b, seg, segEnd);
                case 0xDD -> {
                    if (len != 4) throw new CodecException("DRI segment of length " + len);
                    restarts.setInterval(((b[seg] & 0xFF) << 8) | (b[seg + 1] & 0xFF));
                }
                case 0xDA -> {
                    if (!sawFrame) throw new CodecException("SOS before SOF at byte offset " + (p - start));
                    p = readScan(b, seg, segEnd, end);
                    continue;
                }
                case 0xD8 -> throw new CodecException("unexpected SOI at byte offset " + (p - start));
                default -> { } // APPn, COM, DNL (height comes from the descriptor), others: skipped
            }
            p = segEnd;
        }
        if (!sawFrame) throw new CodecException("no SOF marker in the stream");
        if (frame.progressive) {
            // A progressive stream cut between scans looks complete; only EOI says that no scan is missing.
            if (!sawEoi) throw new CodecException("progressive stream ends without EOI: scans missing");
            for (int i = 0; i < componentCount; i++) {
                if (!quantDefined[components[i].tq]) {
                    throw new CodecException("component " + components[i].id + " uses undefined quantization table");
                }
            }
        }
        for (int i = 0; i < componentCount; i++) {
            if (!components[i].decoded) {
                throw new CodecException("stream ends before component " + components[i].id + " was decoded");
            }
        }
        if (frame.progressive) progressive.finish(components, componentCount, quant, frame.precision);
        boolean ybr = !frame.lossless && componentCount == 3 && desc.photometric().isYbr()
                && desc.photometric() != Photometric.YBR_ICT && desc.photometric() != Photometric.YBR_RCT;
        writer.write(frame, components, componentCount, frame.lossless ? pointTransform : 0, ybr, desc, dst);
        return ybr ? Photometric.RGB : desc.photometric();
    }

    /** B.2.2 frame header. */
    private void readFrame(byte[] b, int p, int end, boolean isLossless, ImageDescriptor desc, int start)
            throws CodecException {
        if (end - p < 6) throw new CodecException("SOF segment too short");
        Frame f = frame;
        f.lossless = isLossless;
        f.precision = b[p] & 0xFF;
        int y = ((b[p + 1] & 0xFF) << 8) | (b[p + 2] & 0xFF);
        int x = ((b[p + 3] & 0xFF) << 8) | (b[p + 4] & 0xFF);
        int nf = b[p + 5] & 0xFF;
        if (isLossless ? f.precision < 2 || f.precision > 16 : f.precision != 8 && f.precision != 12) {
            throw new CodecException("sample precision " + f.precision + " not allowed for this process");
        }
        int containerBits = desc.containerBytes() * 8;
        if (f.precision > containerBits) {
            throw new CodecException("JPEG sample precision " + f.precision + " does not fit Bits Allocated "
                    + desc.bitsAllocated());
        }
        if (y == 0) y = desc.rows(); // B.2.5: height defined later by DNL; DICOM gives it anyway
        if (x != desc.columns() || y != desc.rows()) {
            throw new CodedSizeException(y, x, desc, "JPEG frame");
        }
        if (nf != desc.samplesPerPixel()) {
            throw new CodecException("JPEG frame has " + nf + " components, image has " + desc.samplesPerPixel()
                    + " samples per pixel");
        }
        if (nf < 1 || nf > 4 || end - p < 6 + 3 * nf) throw new CodecException("bad component count " + nf);
        f.width = x;
        f.height = y;
        f.hmax = 1;
        f.vmax = 1;
        for (int i = 0; i < nf; i++) {
            Component c = components[i];
            int q = p + 6 + 3 * i;
            c.id = b[q] & 0xFF;
            c.h = (b[q + 1] & 0xFF) >> 4;
            c.v = b[q + 1] & 15;
            c.tq = b[q + 2] & 0xFF;
            c.decoded = false;
            if (c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4 || c.tq > 3) {
                throw new CodecException("bad sampling factors or table of component " + c.id);
            }
            for (int j = 0; j < i; j++) {
                if (components[j].id == c.id) throw new CodecException("duplicate component id " + c.id);
            }
            f.hmax = Math.max(f.hmax, c.h);
            f.vmax = Math.max(f.vmax, c.v);
        }
        componentCount = nf;
        int block = isLossless ? 1 : 8;
        f.mcusX = ceilDiv(x, block * f.hmax);
        f.mcusY = ceilDiv(y, block * f.vmax);
        for (int i = 0; i < nf; i++) {
            Component c = components[i];
            c.width = ceilDiv(x * c.h, f.hmax);
            c.height = ceilDiv(y * c.v, f.vmax);
            c.allocate(f.mcusX * c.h * block, f.mcusY * c.v * block);
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** B.2.4.2: one or more tables per segment. */
    private void readHuffman(byte[] b, int p, int end) throws CodecException {
        while (p < end) {
            int tc = (b[p] & 0xFF) >> 4;
            int th = b[p] & 15;
            if (tc > 1 || th > 3) throw new CodecException("bad DHT table class/id " + (b[p] & 0xFF));
            HuffmanTable t = tc == 0 ? dcTables[th] : acTables[th];
            p += 1 + t.define(b, p + 1, end);
            (tc == 0 ? dcDefined : acDefined)[th] = true;
        }
    }

    /** B.2.4.1: 8- or 16-bit quantization tables, values in zig-zag order. */
    private void readQuant(byte[] b, int p, int end) throws CodecException {
        while (p < end) {
            int pq = (b[p] & 0xFF) >> 4;
            int tq = b[p] & 15;
            if (pq > 1 || tq > 3) throw new CodecException("bad DQT precision/id " + (b[p] & 0xFF));
            int size = pq == 0 ? 64 : 128;
            if (p + 1 + size > end) throw new CodecException("DQT table truncated");
            int[] q = quant[tq];
            for (int k = 0; k < 64; k++) {
                q[k] = pq == 0 ? b[p + 1 + k] & 0xFF : ((b[p + 1 + 2 * k] & 0xFF) << 8) | (b[p + 2 + 2 * k] & 0xFF);
            }
            quantDefined[tq] = true;
            p += 1 + size;
        }
    }

    private static int ss(byte[] b, int p, int ns) { return b[p + 1 + 2 * ns] & 0xFF; }

    private static int ah(byte[] b, int p, int ns) { return (b[p + 3 + 2 * ns] & 0xFF) >> 4; }

    /** B.2.3 scan header, then the entropy-coded data; returns the offset of the marker after the scan. */
    private int readScan(byte[] b, int p, int segEnd, int end) throws CodecException {
        int ns = b[p] & 0xFF;
        if (ns < 1 || ns > componentCount || segEnd - p != 4 + 2 * ns) {
            throw new CodecException("bad SOS header with " + ns + " components");
        }
        int blocks = 0;
        for (int i = 0; i < ns; i++) {
            int cs = b[p + 1 + 2 * i] & 0xFF;
            int td = (b[p + 2 + 2 * i] & 0xFF) >> 4;
            int ta = b[p + 2 + 2 * i] & 15;
            Component c = null;
            for (int j = 0; j < componentCount; j++) if (components[j].id == cs) c = components[j];
            if (c == null) throw new CodecException("SOS names unknown component " + cs);
            // G.1.1.1.1: progressive DC scans need no AC table, AC scans no DC table.
            boolean needDc = !frame.progressive || ss(b, p, ns) == 0 && ah(b, p, ns) == 0;
            boolean needAc = !frame.lossless && (!frame.progressive || ss(b, p, ns) != 0);
            if (td > 3 || ta > 3 || (needDc && !dcDefined[td]) || (needAc && !acDefined[ta])) {
                throw new CodecException("scan of component " + cs + " uses an undefined Huffman table (no DHT)");
            }
            if (!frame.lossless && !frame.progressive && !quantDefined[c.tq]) {
                throw new CodecException("component " + cs + " uses undefined quantization table " + c.tq);
            }
            c.dc = dcTables[td];
            c.ac = acTables[ta];
            scan[i] = c;
            blocks += c.h * c.v;
        }
        if (ns > 1 && blocks > 10) throw new CodecException("MCU of " + blocks + " blocks exceeds 10 (B.2.3)");
        int ss = b[p + 1 + 2 * ns] & 0xFF;
        int se = b[p + 2 + 2 * ns] & 0xFF;
        int ah = (b[p + 3 + 2 * ns] & 0xFF) >> 4;
        int al = b[p + 3 + 2 * ns] & 15;
        reader.start(b, segEnd, end);
        restarts.startScan();
        if (frame.lossless) {
            if (ss < 1 || ss > 7 || al >= frame.precision) {
                throw new CodecException("bad lossless predictor " + ss + " or point transform " + al);
            }
            pointTransform = al;
            lossless.decode(frame, scan, ns, ss, al, reader, restarts);
        } else if (frame.progressive) {
            progressive.decode(frame, scan, ns, ss, se, ah, al, reader, restarts);
        } else {
            if (ss != 0 || se != 63 || ah != 0 || al != 0) {
                throw new CodecException("spectral selection " + ss + ".." + se + " in a sequential scan");
            }
            dct.decode(frame, scan, ns, quant, reader, restarts);
        }
        for (int i = 0; i < ns; i++) scan[i].decoded = true;
        return reader.syncToMarker();
    }
}
