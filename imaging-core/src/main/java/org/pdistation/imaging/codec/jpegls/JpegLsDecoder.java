package org.pdistation.imaging.codec.jpegls;

import java.util.Arrays;

import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.FrameDecoder;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.codec.Photometric;

/**
 * JPEG-LS decoder (ITU-T T.87 | ISO/IEC 14495-1) for the DICOM transfer syntaxes 1.2.840.10008.1.2.4.80
 * (lossless) and .81 (near-lossless): reads the marker segments of Annex C and hands each scan to
 * {@link JpegLsScanDecoder}. Lossless and near-lossless, any number of components, interleave modes 0, 1 and 2,
 * preset coding parameters (LSE type 1) and restart intervals. Mapping tables (LSE types 2 and 3), oversize
 * dimensions (type 4), point transforms and colour transforms are rejected with a {@link CodecException}.
 *
 * <p>JPEG-LS applies no colour transform, so the photometric interpretation of the descriptor is returned.
 */
public final class JpegLsDecoder implements FrameDecoder {
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int DNL = 0xDC;
    private static final int DRI = 0xDD;
    private static final int SOF55 = 0xF7;
    private static final int LSE = 0xF8;
    private static final int COM = 0xFE;

    private final JpegLsScanDecoder scans = new JpegLsScanDecoder();
    private final JpegLsBitReader reader = new JpegLsBitReader();
    private final FrameWriter writer = new FrameWriter();

    // Per-frame state, reset at the start of each decode call.
    private byte[] src;
    private int start;
    private int end;
    private int precision;
    private int componentCount;
    private final int[] componentIds = new int[256];
    private final boolean[] decoded = new boolean[256];
    private int presetMaxval, presetT1, presetT2, presetT3, presetReset;
    private int restartInterval;

    public JpegLsDecoder() {
    }

    @Override
    public Photometric decode(byte[] src, int offset, int length, ImageDescriptor desc, FrameBuffer dst)
            throws CodecException {
        if (src == null || offset < 0 || length < 0 || offset > src.length - length) {
            throw new CodecException("JPEG-LS source range offset " + offset + " length " + length
                    + " outside the array");
        }
        this.src = src;
        this.start = offset;
        this.end = offset + length;
        precision = 0;
        componentCount = 0;
        presetMaxval = presetT1 = presetT2 = presetT3 = presetReset = 0;
        restartInterval = 0;
        Arrays.fill(decoded, false);
        try {
            return decodeFrame(desc, dst);
        } finally {
            this.src = null;
        }
    }

    private Photometric decodeFrame(ImageDescriptor desc, FrameBuffer dst) throws CodecException {
        int p = start;
        if (end - p < 2 || u8(p) != 0xFF || u8(p + 1) != SOI) {
            throw new CodecException("JPEG-LS stream does not start with SOI (FFD8) at byte 0");
        }
        p += 2;
        while (true) {
            // T.87 C.1 / T.81 B.1.1.2: a marker may be preceded by any number of 0xFF fill bytes.
            if (p >= end || u8(p) != 0xFF) {
                throw new CodecException(p >= end ? "JPEG-LS stream ends at byte " + (p - start) + " before EOI"
                        : "JPEG-LS marker expected at byte " + (p - start) + ", found 0x"
                        + Integer.toHexString(u8(p)));
            }
            while (p + 1 < end && u8(p + 1) == 0xFF) p++;
            if (p + 1 >= end) throw new CodecException("JPEG-LS stream ends inside a marker at byte " + (p - start));
            int marker = u8(p + 1);
            int at = p;
            p += 2;
            if (marker == EOI) {
                if (!allDecoded()) {
                    throw new CodecException("JPEG-LS EOI at byte " + (at - start) + " before all components "
                            + "were decoded");
                }
                return desc.photometric();
            }
            if (marker >= 0xD0 && marker <= 0xD7) {
                throw new CodecException("JPEG-LS restart marker outside a scan at byte " + (at - start));
            }
            int segLength = segmentLength(p, at);
            int body = p + 2;
            int next = p + segLength;
            switch (marker) {
                case SOF55 -> readFrameHeader(body, next, at, desc, dst);
                case LSE -> readPresetParameters(body, next, at);
                case DRI -> readRestartInterval(body, next, at);
                case SOS -> {
                    next = decodeScan(body, next, at);
                }
                case DNL -> throw new CodecException("JPEG-LS DNL marker at byte " + (at - start)
                        + " not supported: the frame header must give the number of lines");
                default -> {
                    if ((marker >= 0xE0 && marker <= 0xEF) || marker == COM) break;
                    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                        throw new CodecException("not a JPEG-LS stream: frame marker FF"
                                + Integer.toHexString(marker).toUpperCase() + " at byte " + (at - start));
                    }
                    // Other marker segments (DQT, DHT, APP-like extensions) carry nothing JPEG-LS needs.
                }
            }
            p = next;
        }
    }

    private int segmentLength(int p, int at) throws CodecException {
        if (end - p < 2) throw new CodecException("JPEG-LS segment at byte " + (at - start) + " truncated");
        int len = u16(p);
        if (len < 2 || len > end - p) {
            throw new CodecException("JPEG-LS segment FF" + Integer.toHexString(u8(at + 1)).toUpperCase()
                    + " at byte " + (at - start) + " has length " + len + " but " + (end - p) + " bytes remain");
        }
        return len;
    }

    /** T.87 C.2.2: SOF55 frame header. */
    private void readFrameHeader(int p, int next, int at, ImageDescriptor desc, FrameBuffer dst)
            throws CodecException {
        if (precision != 0) throw new CodecException("JPEG-LS second frame header at byte " + (at - start));
        if (next - p < 6) throw new CodecException("JPEG-LS frame header at byte " + (at - start) + " too short");
        int bits = u8(p);
        int rows = u16(p + 1);
        int columns = u16(p + 3);
        int nf = u8(p + 5);
        if (bits < 2 || bits > 16) {
            throw new CodecException("JPEG-LS sample precision " + bits + " outside 2..16 (byte " + (at - start) + ")");
        }
        if (nf < 1 || next - p < 6 + 3 * nf) {
            throw new CodecException("JPEG-LS frame header at byte " + (at - start) + " declares " + nf
                    + " components in " + (next - p) + " bytes");
        }
        if (rows != desc.rows() || columns != desc.columns() || nf != desc.samplesPerPixel()) {
            throw new CodecException("JPEG-LS frame " + columns + "x" + rows + "x" + nf
                    + " does not match the image description " + desc.columns() + "x" + desc.rows() + "x"
                    + desc.samplesPerPixel());
        }
        FrameBuffer.Kind kind = FrameBuffer.Kind.forBitsAllocated(desc.bitsAllocated());
        if (kind == FrameBuffer.Kind.BYTE && bits > 8) {
            throw new CodecException("JPEG-LS " + bits + "-bit samples do not fit Bits Allocated "
                    + desc.bitsAllocated());
        }
        for (int i = 0; i < nf; i++) {
            componentIds[i] = u8(p + 6 + 3 * i);
            int sampling = u8(p + 7 + 3 * i);
            if (sampling != 0x11) {
                throw new CodecException("JPEG-LS subsampled component " + componentIds[i] + " (sampling 0x"
                        + Integer.toHexString(sampling) + ") not supported");
            }
        }
        dst.reset(desc);
        precision = bits;
        componentCount = nf;
        writer.start(dst, columns, nf);
    }

    /** T.87 C.2.4.1: LSE marker segment; only preset coding parameters (type 1) are supported. */
    private void readPresetParameters(int p, int next, int at) throws CodecException {
        if (next - p < 1) throw new CodecException("JPEG-LS LSE segment at byte " + (at - start) + " is empty");
        int id = u8(p);
        switch (id) {
            case 1 -> {
                if (next - p < 11) {
                    throw new CodecException("JPEG-LS LSE preset parameters at byte " + (at - start) + " too short");
                }
                presetMaxval = u16(p + 1);
                presetT1 = u16(p + 3);
                presetT2 = u16(p + 5);
                presetT3 = u16(p + 7);
                presetReset = u16(p + 9);
                if (precision != 0) {
                    // Validate now so a bad LSE fails where it is, not at the next scan.
                    JpegLsParameters.resolve(precision, presetMaxval, presetT1, presetT2, presetT3, presetReset, 0);
                }
            }
            case 2, 3 -> throw new CodecException("JPEG-LS mapping tables not supported (LSE type " + id
                    + " at byte " + (at - start) + ")");
            case 4 -> throw new CodecException("JPEG-LS oversize image dimensions (LSE type 4) not supported");
            default -> throw new CodecException("JPEG-LS LSE type " + id + " at byte " + (at - start)
                    + " not supported (colour transforms are not implemented)");
        }
    }

    /** T.87 C.2.5: DRI with a 2-, 3- or 4-byte restart interval. */
    private void readRestartInterval(int p, int next, int at) throws CodecException {
        int size = next - p;
        if (size < 2 || size > 4) {
            throw new CodecException("JPEG-LS DRI segment at byte " + (at - start) + " has " + size + " value bytes");
        }
        long ri = 0;
        for (int i = 0; i < size; i++) ri = (ri << 8) | u8(p + i);
        restartInterval = (int) Math.min(ri, Integer.MAX_VALUE);
    }

    /** T.87 C.2.3: SOS header, then the coded data up to the next marker. Returns the offset of that marker. */
    private int decodeScan(int p, int next, int at) throws CodecException {
        if (precision == 0) throw new CodecException("JPEG-LS scan at byte " + (at - start) + " before SOF55");
        if (next - p < 1) throw new CodecException("JPEG-LS scan header at byte " + (at - start) + " too short");
        int ns = u8(p);
        if (ns < 1 || ns > componentCount || next - p < 1 + 2 * ns + 3) {
            throw new CodecException("JPEG-LS scan header at byte " + (at - start) + " declares " + ns
                    + " components (frame has " + componentCount + ")");
        }
        int[] map = writer.scanToFrame;
        for (int i = 0; i < ns; i++) {
            int id = u8(p + 1 + 2 * i);
            int table = u8(p + 2 + 2 * i);
            int index = -1;
            for (int k = 0; k < componentCount; k++) if (componentIds[k] == id) index = k;
            if (index < 0 || decoded[index]) {
                throw new CodecException("JPEG-LS scan at byte " + (at - start) + " names component " + id
                        + (index < 0 ? " absent from the frame" : " already decoded"));
            }
            if (table != 0) throw new CodecException("JPEG-LS mapping tables not supported (component " + id + ")");
            map[i] = index;
            decoded[index] = true;
        }
        int near = u8(p + 1 + 2 * ns);
        int ilv = u8(p + 2 + 2 * ns);
        int pt = u8(p + 3 + 2 * ns) & 0x0F;
        if (ilv > 2) throw new CodecException("JPEG-LS interleave mode " + ilv + " invalid (byte " + (at - start) + ")");
        if (ilv == 0 && ns != 1) {
            throw new CodecException("JPEG-LS scan with " + ns + " components in non-interleaved mode");
        }
        if (pt != 0) throw new CodecException("JPEG-LS point transform " + pt + " not supported");
        JpegLsParameters params = JpegLsParameters.resolve(precision, presetMaxval, presetT1, presetT2, presetT3,
                presetReset, near);
        reader.reset(src, next, end, start);
        scans.decode(reader, params, writer.columns, writer.rows, ns, ilv, restartInterval, writer);
        return reader.nextMarker();
    }

    private boolean allDecoded() {
        if (precision == 0) return false;
        for (int i = 0; i < componentCount; i++) if (!decoded[i]) return false;
        return true;
    }

    private int u8(int p) {
        return src[p] & 0xFF;
    }

    private int u16(int p) {
        return (u8(p) << 8) | u8(p + 1);
    }

    /** Copies decoded lines into the frame buffer, pixel-interleaved whatever the scan interleave. */
    private static final class FrameWriter implements JpegLsScanDecoder.LineSink {
        final int[] scanToFrame = new int[256];
        private FrameBuffer.Kind kind;
        private byte[] bytes;
        private short[] shorts;
        private int[] ints;
        int columns;
        int rows;
        private int components;

        void start(FrameBuffer dst, int columns, int components) {
            this.kind = dst.kind();
            this.bytes = dst.bytes();
            this.shorts = dst.shorts();
            this.ints = dst.ints();
            this.columns = columns;
            this.rows = dst.rows();
            this.components = components;
        }

        @Override
        public void line(int row, int scanComponent, int[] line, int stride) {
            int nf = components;
            int rowStart = row * columns * nf;
            for (int k = 0; k < stride; k++) {
                int fc = scanToFrame[scanComponent + k];
                int o = rowStart + fc;
                int i = stride + k;
                switch (kind) {
                    case BYTE -> {
                        byte[] out = bytes;
                        for (int x = 0; x < columns; x++, o += nf, i += stride) out[o] = (byte) line[i];
                    }
                    case SHORT -> {
                        short[] out = shorts;
                        for (int x = 0; x < columns; x++, o += nf, i += stride) out[o] = (short) line[i];
                    }
                    case INT -> {
                        int[] out = ints;
                        for (int x = 0; x < columns; x++, o += nf, i += stride) out[o] = line[i];
                    }
                }
            }
        }
    }
}
