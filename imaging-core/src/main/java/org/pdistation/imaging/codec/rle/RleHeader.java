package org.pdistation.imaging.codec.rle;

import org.pdistation.imaging.codec.CodecException;

/**
 * The 64-byte RLE Header (PS3.5 G.5): the number of RLE Segments and the byte offset of each from the start of the
 * header, sixteen little-endian UL values.
 *
 * @param count  number of segments, 1..15
 * @param starts start of each segment relative to the header
 * @param ends   end (exclusive) of each segment: the next segment's start, the frame end for the last one
 */
record RleHeader(int count, int[] starts, int[] ends) {
    static final int LENGTH = 64;
    static final int MAX_SEGMENTS = 15;

    /** Reads and checks the header of a frame of {@code length} bytes at {@code offset}. */
    static RleHeader read(byte[] src, int offset, int length) throws CodecException {
        if (length < LENGTH) {
            throw new CodecException("RLE frame of " + length + " bytes is shorter than the 64-byte RLE Header");
        }
        long count = readUL(src, offset);
        if (count < 1 || count > MAX_SEGMENTS) {
            throw new CodecException("RLE Header at byte 0 gives " + count + " segments; PS3.5 G.5 allows 1 to 15");
        }
        int n = (int) count;
        int[] starts = new int[n];
        int[] ends = new int[n];
        long previous = LENGTH;
        for (int i = 0; i < n; i++) {
            long start = readUL(src, offset + 4 + 4 * i);
            if (start < LENGTH || start > length) {
                throw new CodecException("RLE segment " + (i + 1) + " offset " + start + " (header byte " + (4 + 4 * i)
                        + ") is outside the frame [64, " + length + "]");
            }
            if (start < previous) {
                throw new CodecException("RLE segment " + (i + 1) + " offset " + start
                        + " is before the previous segment's offset " + previous);
            }
            starts[i] = (int) start;
            previous = start;
        }
        for (int i = 0; i < n; i++) ends[i] = i + 1 < n ? starts[i + 1] : length;
        return new RleHeader(n, starts, ends);
    }

    static long readUL(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    static void writeUL(byte[] b, int at, long v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
