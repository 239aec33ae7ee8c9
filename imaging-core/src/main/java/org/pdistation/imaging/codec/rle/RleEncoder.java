package org.pdistation.imaging.codec.rle;

import java.util.Arrays;

import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.FrameEncoder;
import org.pdistation.imaging.codec.ImageDescriptor;

/**
 * RLE Lossless (PS3.5 Annex G) frame encoder: one segment per byte plane of each sample, most significant byte
 * first (G.2), each PackBits-encoded row by row (G.3.1) and padded to even length, behind the 64-byte header
 * (G.5). All bits of the container are kept, so decoding gives back exactly the source bit patterns.
 */
public final class RleEncoder implements FrameEncoder {
    private byte[] out = new byte[0];
    private int size;

    @Override
    public byte[] encode(FrameBuffer src, ImageDescriptor desc) throws CodecException {
        int bytesPerSample = switch (src.kind()) {
            case BYTE -> 1;
            case SHORT -> 2;
            case INT -> 4;
        };
        int spp = src.samplesPerPixel();
        int segments = spp * bytesPerSample;
        if (segments > RleHeader.MAX_SEGMENTS) {
            throw new CodecException("RLE cannot hold " + spp + " samples of " + bytesPerSample
                    + " bytes: that needs " + segments + " segments, more than 15 (PS3.5 G.5)");
        }
        int rows = src.rows();
        int columns = src.columns();
        long worst = RleHeader.LENGTH + segments * ((long) rows * (columns + (columns + 127) / 128) + 1);
        if (worst > Integer.MAX_VALUE - 8) throw new CodecException("frame too large for RLE: " + worst + " bytes");
        size = RleHeader.LENGTH;
        ensure((int) Math.min(worst, RleHeader.LENGTH + (long) segments * rows * columns / 2 + 1024));
        Arrays.fill(out, 0, RleHeader.LENGTH, (byte) 0);
        RleHeader.writeUL(out, 0, segments);
        int[] row = new int[columns];
        for (int seg = 0; seg < segments; seg++) {
            RleHeader.writeUL(out, 4 + 4 * seg, size);
            int sample = seg / bytesPerSample;
            int shift = 8 * (bytesPerSample - 1 - seg % bytesPerSample);
            for (int y = 0; y < rows; y++) {
                int base = y * columns * spp + sample;
                for (int x = 0; x < columns; x++) row[x] = byteAt(src, base + x * spp, shift);
                // G.3.1: each row is encoded separately, never crossing a row boundary.
                ensure(size + columns + (columns + 127) / 128 + 2);
                size = PackBits.encodeRow(row, columns, out, size);
            }
            // G.3: every RLE segment has an even length, padded with zero.
            if ((size & 1) != 0) out[size++] = 0;
        }
        return Arrays.copyOf(out, size);
    }

    private static int byteAt(FrameBuffer src, int i, int shift) {
        return switch (src.kind()) {
            case BYTE -> src.bytes()[i] & 0xFF;
            case SHORT -> (src.shorts()[i] >>> shift) & 0xFF;
            case INT -> (src.ints()[i] >>> shift) & 0xFF;
        };
    }

    private void ensure(int capacity) {
        if (out.length < capacity) out = Arrays.copyOf(out, Math.max(capacity, (int) Math.min(Integer.MAX_VALUE - 8, out.length * 2L)));
    }
}
