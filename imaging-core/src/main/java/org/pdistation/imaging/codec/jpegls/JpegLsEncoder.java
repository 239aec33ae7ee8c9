package org.pdistation.imaging.codec.jpegls;

import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.FrameEncoder;
import org.pdistation.imaging.codec.ImageDescriptor;

/**
 * Lossless JPEG-LS encoder (T.87, DICOM transfer syntax 1.2.840.10008.1.2.4.80) with default coding parameters:
 * one scan per component (interleave mode 0) or, for colour images, one sample-interleaved scan (mode 2).
 * Samples up to 16 bits; the sample precision written is Bits Stored when every sample fits it.
 */
public final class JpegLsEncoder implements FrameEncoder {
    private final int interleave;
    private final int restartInterval;
    private final JpegLsBitWriter out = new JpegLsBitWriter();
    private final JpegLsScanEncoder scans = new JpegLsScanEncoder();

    /** Sample-interleaved scans for colour images. */
    public JpegLsEncoder() {
        this(2);
    }

    /**
     * @param interleave 0 for one scan per component, 2 for pixel-interleaved colour scans
     */
    public JpegLsEncoder(int interleave) {
        this(interleave, 0);
    }

    /**
     * @param interleave      0 for one scan per component, 2 for pixel-interleaved colour scans
     * @param restartInterval lines between restart markers (T.87 C.2.5 DRI), 0 for none
     */
    public JpegLsEncoder(int interleave, int restartInterval) {
        if (restartInterval < 0 || restartInterval > 0xFFFF) {
            throw new IllegalArgumentException("restart interval " + restartInterval + " outside 0..65535");
        }
        this.restartInterval = restartInterval;
        if (interleave != 0 && interleave != 2) {
            throw new IllegalArgumentException("interleave mode must be 0 or 2, not " + interleave);
        }
        this.interleave = interleave;
    }

    @Override
    public byte[] encode(FrameBuffer src, ImageDescriptor desc) throws CodecException {
        int rows = desc.rows();
        int columns = desc.columns();
        int spp = desc.samplesPerPixel();
        if (rows < 1 || columns < 1 || rows > 0xFFFF || columns > 0xFFFF || spp > 255) {
            throw new CodecException("JPEG-LS cannot encode a " + columns + "x" + rows + "x" + spp + " frame");
        }
        if (desc.bitsAllocated() > 16 || desc.bitsAllocated() < 2) {
            throw new CodecException("JPEG-LS encodes 2- to 16-bit samples, not Bits Allocated " + desc.bitsAllocated());
        }
        if (src.rows() != rows || src.columns() != columns || src.samplesPerPixel() != spp
                || src.kind() != FrameBuffer.Kind.forBitsAllocated(desc.bitsAllocated())) {
            throw new CodecException("frame buffer " + src.columns() + "x" + src.rows() + "x" + src.samplesPerPixel()
                    + " " + src.kind() + " does not match the image description");
        }
        Source source = new Source(src, columns, spp, precision(src, desc));
        JpegLsParameters params = JpegLsParameters.resolve(source.precision, 0, 0, 0, 0, 0, 0);
        out.clear();
        out.writeShort(0xFFD8);
        // T.87 C.2.2: SOF55 frame header, components 1..Nf without subsampling.
        out.writeShort(0xFFF7);
        out.writeShort(8 + 3 * spp);
        out.writeByte(source.precision);
        out.writeShort(rows);
        out.writeShort(columns);
        out.writeByte(spp);
        for (int i = 0; i < spp; i++) {
            out.writeByte(i + 1);
            out.writeByte(0x11);
            out.writeByte(0);
        }
        if (restartInterval > 0) {
            out.writeShort(0xFFDD);
            out.writeShort(4);
            out.writeShort(restartInterval);
        }
        if (interleave == 2 && spp > 1) {
            writeScanHeader(spp, 0, 2);
            scans.encode(out, params, columns, rows, spp, 0, restartInterval, source);
        } else {
            for (int c = 0; c < spp; c++) {
                writeScanHeader(1, c, 0);
                scans.encode(out, params, columns, rows, 1, c, restartInterval, source);
            }
        }
        out.writeShort(0xFFD9);
        return out.toByteArray();
    }

    /** T.87 C.2.3: SOS with NEAR 0 and no point transform. */
    private void writeScanHeader(int ns, int first, int ilv) {
        out.writeShort(0xFFDA);
        out.writeShort(6 + 2 * ns);
        out.writeByte(ns);
        for (int i = 0; i < ns; i++) {
            out.writeByte(first + i + 1);
            out.writeByte(0);
        }
        out.writeByte(0);
        out.writeByte(ilv);
        out.writeByte(0);
    }

    /** Bits Stored when no sample has bits above it, else the whole container. */
    private static int precision(FrameBuffer src, ImageDescriptor desc) {
        int bits = desc.storedShift() == 0 ? desc.bitsStored() : desc.bitsAllocated();
        int container = desc.bitsAllocated() <= 8 ? 8 : 16;
        int limit = (1 << bits) - 1;
        int n = src.sampleCount();
        boolean shorts = src.kind() == FrameBuffer.Kind.SHORT;
        for (int i = 0; i < n && bits < container; i++) {
            int v = shorts ? src.shorts()[i] & 0xFFFF : src.bytes()[i] & 0xFF;
            if (v > limit) bits = container;
        }
        return Math.max(2, bits);
    }

    private static final class Source implements JpegLsScanEncoder.LineSource {
        private final FrameBuffer src;
        private final int columns;
        private final int spp;
        final int precision;

        Source(FrameBuffer src, int columns, int spp, int precision) {
            this.src = src;
            this.columns = columns;
            this.spp = spp;
            this.precision = precision;
        }

        @Override
        public void line(int row, int scanComponent, int[] line, int stride) {
            boolean shorts = src.kind() == FrameBuffer.Kind.SHORT;
            for (int k = 0; k < stride; k++) {
                int o = row * columns * spp + scanComponent + k;
                int i = stride + k;
                if (shorts) {
                    short[] s = src.shorts();
                    for (int x = 0; x < columns; x++, o += spp, i += stride) line[i] = s[o] & 0xFFFF;
                } else {
                    byte[] b = src.bytes();
                    for (int x = 0; x < columns; x++, o += spp, i += stride) line[i] = b[o] & 0xFF;
                }
            }
        }
    }
}
