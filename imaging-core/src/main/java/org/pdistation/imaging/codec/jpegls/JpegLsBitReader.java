package org.pdistation.imaging.codec.jpegls;

import org.pdistation.imaging.codec.CodecException;

/**
 * Reads the entropy-coded bits of a JPEG-LS scan, most significant bit first, through a 64-bit buffer.
 *
 * <p>T.87 A.1: after a 0xFF byte the encoder inserts a 0 bit, so the next byte carries only 7 data bits; a 0xFF
 * followed by a byte with its high bit set is a marker and ends the coded data. Bits past the coded data read as
 * zeros so that look-ahead is harmless; {@link #checkNotOverrun} tells whether any of them were consumed.
 */
final class JpegLsBitReader {
    /** Zero bytes that may be appended past the data before the decoder has certainly consumed some. */
    private static final int MAX_PAD_BYTES = 16;

    private byte[] src;
    private int start;
    private int pos;
    private int end;
    /** Valid bits, left-aligned; every bit below the valid ones is 0. */
    private long buf;
    private int bits;
    private boolean afterFf;
    private boolean atMarker;
    private int padBytes;

    void reset(byte[] src, int pos, int end, int start) {
        this.src = src;
        this.pos = pos;
        this.end = end;
        this.start = start;
        buf = 0;
        bits = 0;
        afterFf = false;
        atMarker = false;
        padBytes = 0;
    }

    private void fill() throws CodecException {
        while (bits <= 56) {
            if (atMarker || pos >= end) {
                // Past the coded data: pad with zero bits, but stop a decoder that keeps reading them.
                if (++padBytes > MAX_PAD_BYTES) throw truncated();
                bits += 8;
                continue;
            }
            int b = src[pos] & 0xFF;
            if (afterFf) {
                // T.87 A.1: the high bit of the byte after 0xFF is a stuffed 0.
                buf |= (long) b << (57 - bits);
                bits += 7;
                pos++;
                afterFf = false;
                continue;
            }
            if (b == 0xFF) {
                if (pos + 1 >= end || (src[pos + 1] & 0x80) != 0) {
                    atMarker = true;
                    continue;
                }
                afterFf = true;
            }
            buf |= (long) b << (56 - bits);
            bits += 8;
            pos++;
        }
    }

    /** Reads {@code n} bits, 1 ≤ n ≤ 32, as an unsigned value. */
    int readBits(int n) throws CodecException {
        if (bits < n) fill();
        int v = (int) (buf >>> (64 - n));
        buf <<= n;
        bits -= n;
        return v;
    }

    int readBit() throws CodecException {
        if (bits == 0) fill();
        int v = (int) (buf >>> 63);
        buf <<= 1;
        bits--;
        return v;
    }

    /**
     * Counts 0 bits up to and including the terminating 1 bit (the unary part of a Golomb code, T.87 A.5.3) and
     * returns the number of zeros.
     *
     * @throws CodecException when more than {@code max} zeros precede the 1
     */
    int readUnary(int max) throws CodecException {
        int q = 0;
        while (true) {
            if (buf != 0) {
                int z = Long.numberOfLeadingZeros(buf);
                q += z;
                if (q > max) break;
                buf = (buf << z) << 1;
                bits -= z + 1;
                return q;
            }
            q += bits;
            bits = 0;
            if (q > max) break;
            fill();
        }
        throw new CodecException("JPEG-LS code with more than " + max + " leading zero bits near byte "
                + (pos - start) + " (corrupt data)");
    }

    /** Whether zero bits appended past the coded data have been consumed, i.e. the scan data was truncated. */
    void checkNotOverrun() throws CodecException {
        if (bits < padBytes * 8) throw truncated();
    }

    /**
     * Drops the bits left in the buffer (T.87 pads each scan or restart interval to a byte boundary) and returns
     * the offset of the next marker: a 0xFF followed by a byte with its high bit set, or {@code end} if none.
     */
    int nextMarker() throws CodecException {
        checkNotOverrun();
        int p = pos;
        if (afterFf) p++;
        while (p + 1 < end) {
            if (src[p] == (byte) 0xFF && (src[p + 1] & 0x80) != 0) return p;
            p++;
        }
        return end;
    }

    /**
     * Moves past the restart marker RSTm that must end a restart interval (T.87 D.2) and restarts bit reading
     * after it.
     */
    void expectRestart(int m) throws CodecException {
        int p = nextMarker();
        while (p + 2 < end && src[p + 1] == (byte) 0xFF) p++;
        if (p + 1 >= end || (src[p + 1] & 0xFF) != 0xD0 + m) {
            throw new CodecException("JPEG-LS restart marker RST" + m + " expected at byte " + (p - start));
        }
        reset(src, p + 2, end, start);
    }

    private CodecException truncated() {
        return new CodecException("JPEG-LS scan data truncated at byte " + (pos - start)
                + ": the decoder needs more bits than the stream holds");
    }
}
