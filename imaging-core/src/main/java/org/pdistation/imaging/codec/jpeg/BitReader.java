package org.pdistation.imaging.codec.jpeg;

import org.pdistation.imaging.codec.CodecException;

/**
 * Reads the entropy-coded segment of a scan (T.81 B.1.1.5): bits MSB first, 0xFF 0x00 is a stuffed 0xFF data
 * byte, any other 0xFF xx is a marker that ends the segment. Bits are kept left-aligned in a 64-bit word so that
 * Huffman lookahead is a shift, not a loop. Past a marker or the end of the data zero bits are supplied, and
 * {@link #checkNotOverrun} tells afterwards whether any of them was consumed (a truncated stream).
 */
final class BitReader {
    private byte[] buf;
    private int pos;
    private int end;
    private long bits;
    private int count;
    /** Zero bits appended past a marker or the end of the data. */
    private int padded;
    private boolean atMarker;

    void start(byte[] buf, int pos, int end) {
        this.buf = buf;
        this.pos = pos;
        this.end = end;
        this.bits = 0;
        this.count = 0;
        this.padded = 0;
        this.atMarker = false;
    }

    int position() { return pos; }

    /** Tops the word up to more than 56 bits. */
    private void fill() {
        while (count <= 56) {
            int b = 0;
            if (!atMarker) {
                if (pos >= end) {
                    atMarker = true;
                } else {
                    b = buf[pos] & 0xFF;
                    if (b == 0xFF) {
                        int next = pos + 1 < end ? buf[pos + 1] & 0xFF : -1;
                        if (next == 0) {
                            pos += 2;
                        } else {
                            // B.1.1.2: a marker (or fill byte 0xFF before one) ends the segment; stay on it.
                            atMarker = true;
                            b = 0;
                        }
                    } else {
                        pos++;
                    }
                }
            }
            if (atMarker) padded += 8;
            bits |= (long) b << (56 - count);
            count += 8;
        }
    }

    /** The next 16 bits without consuming them. */
    int peek16() {
        if (count < 16) fill();
        return (int) (bits >>> 48);
    }

    void skip(int n) {
        bits <<= n;
        count -= n;
    }

    /** Decodes one Huffman symbol (F.2.2.3) using the table's 9-bit lookahead first. */
    int decode(HuffmanTable t) throws CodecException {
        if (count < 16) fill();
        int look = (int) (bits >>> (64 - HuffmanTable.LOOKAHEAD));
        int e = t.fast[look];
        if (e != 0) {
            int len = e >>> 8;
            bits <<= len;
            count -= len;
            return e & 0xFF;
        }
        int code16 = (int) (bits >>> 48);
        for (int len = HuffmanTable.LOOKAHEAD + 1; len <= 16; len++) {
            int code = code16 >>> (16 - len);
            if (code <= t.maxCode[len]) {
                bits <<= len;
                count -= len;
                return t.values[t.valPtr[len] + code - t.minCode[len]] & 0xFF;
            }
        }
        throw new CodecException("invalid Huffman code near byte offset " + pos);
    }

    /**
     * A whole DC or lossless difference: Huffman-coded magnitude category then its additional bits (F.2.2.1,
     * H.1.2.2), in one table look-up when both fit in the lookahead.
     */
    int decodeDiff(HuffmanTable t) throws CodecException {
        if (count < 32) fill();
        int e = t.fastDiff[(int) (bits >>> (64 - HuffmanTable.LOOKAHEAD))];
        if (e != 0) {
            int len = e & 0xFF;
            bits <<= len;
            count -= len;
            return e >> 8;
        }
        int s = decode(t);
        if (s == 16) return 32768; // H.1.2.2: category 16 has no additional bits
        if (s > 16) throw new CodecException("difference category " + s + " out of range near byte offset " + pos);
        return receiveExtend(s);
    }

    /**
     * One AC run/size symbol and its coefficient (F.2.2.2), returned as (coefficient << 8) | RS; one table
     * look-up when code and size bits fit in the lookahead.
     */
    int decodeAc(HuffmanTable t) throws CodecException {
        if (count < 32) fill();
        int e = t.fastAc[(int) (bits >>> (64 - HuffmanTable.LOOKAHEAD))];
        if (e != 0) {
            int len = e & 0xFF;
            bits <<= len;
            count -= len;
            return (e >> 16) << 8 | ((e >>> 8) & 0xFF);
        }
        int rs = decode(t);
        return receiveExtend(rs & 15) << 8 | rs;
    }

    /** RECEIVE(s) (F.2.2.4): the next s bits as an unsigned value, 0 ≤ s ≤ 16. */
    int receive(int s) {
        if (s == 0) return 0;
        if (count < s) fill();
        int v = (int) (bits >>> (64 - s));
        bits <<= s;
        count -= s;
        return v;
    }

    /** RECEIVE then EXTEND (F.2.2.1): s additional bits as a signed difference. */
    int receiveExtend(int s) {
        if (s == 0) return 0;
        if (count < s) fill();
        int v = (int) (bits >>> (64 - s));
        bits <<= s;
        count -= s;
        return v < (1 << (s - 1)) ? v - (1 << s) + 1 : v;
    }

    /** Throws when the decoder consumed bits that were not in the stream. */
    void checkNotOverrun() throws CodecException {
        if (padded > count) {
            throw new CodecException("entropy-coded data truncated at byte offset " + pos);
        }
    }

    /**
     * Drops the padding bits of the current segment and returns the offset of the marker that ends it, skipping
     * any data before it that the decoder did not need (T.81 B.1.1.5, fill bytes 0xFF before a marker).
     */
    int syncToMarker() throws CodecException {
        checkNotOverrun();
        int p = pos;
        while (p + 1 < end) {
            if ((buf[p] & 0xFF) == 0xFF) {
                int m = buf[p + 1] & 0xFF;
                if (m != 0 && m != 0xFF) return p;
                p += m == 0 ? 2 : 1;
            } else {
                p++;
            }
        }
        return end;
    }
}
