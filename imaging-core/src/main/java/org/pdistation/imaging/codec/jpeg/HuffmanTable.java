package org.pdistation.imaging.codec.jpeg;

import org.pdistation.imaging.codec.CodecException;

/**
 * One Huffman decoding table from a DHT segment (T.81 B.2.4.2), in the canonical form of Annex C and F.2.2.3
 * (MINCODE, MAXCODE, VALPTR) plus a {@value #LOOKAHEAD}-bit lookup table that decodes short codes in one step.
 */
final class HuffmanTable {
    static final int LOOKAHEAD = 12;

    /** Index: next LOOKAHEAD bits; entry: (code length << 8) | symbol, or 0 when the code is longer. */
    final int[] fast = new int[1 << LOOKAHEAD];
    /**
     * Index: next LOOKAHEAD bits; entry: (difference << 8) | (code length + magnitude bits) when the code and the
     * additional bits of a DC / lossless difference (F.2.2.1, H.1.2.2) both fit in the lookahead, else 0.
     */
    final int[] fastDiff = new int[1 << LOOKAHEAD];
    /**
     * The same for AC run/size symbols (F.2.2.2): (coefficient << 16) | (RS << 8) | (code length + size bits);
     * EOB and ZRL have coefficient 0.
     */
    final int[] fastAc = new int[1 << LOOKAHEAD];
    final int[] minCode = new int[17];
    final int[] maxCode = new int[18];
    final int[] valPtr = new int[17];
    final byte[] values = new byte[256];
    int count;

    /**
     * Builds the table from BITS (16 counts) and HUFFVAL at {@code off} in {@code seg}; returns the number of
     * bytes read.
     */
    int define(byte[] seg, int off, int end) throws CodecException {
        if (off + 16 > end) throw new CodecException("DHT segment truncated at byte offset " + off);
        int[] bits = new int[17];
        int total = 0;
        for (int i = 1; i <= 16; i++) {
            bits[i] = seg[off + i - 1] & 0xFF;
            total += bits[i];
        }
        if (total > 256 || off + 16 + total > end) {
            throw new CodecException("DHT table with " + total + " codes does not fit at byte offset " + off);
        }
        System.arraycopy(seg, off + 16, values, 0, total);
        count = total;
        java.util.Arrays.fill(fast, 0);
        java.util.Arrays.fill(fastDiff, 0);
        java.util.Arrays.fill(fastAc, 0);
        // C.2: codes of each length are consecutive; the first code of length L+1 is (last code of L + 1) << 1.
        int code = 0;
        int k = 0;
        for (int len = 1; len <= 16; len++) {
            valPtr[len] = k;
            minCode[len] = code;
            if (bits[len] == 0) {
                maxCode[len] = -1;
            } else {
                code += bits[len];
                maxCode[len] = code - 1;
                if (code - 1 >= (1 << len)) {
                    throw new CodecException("DHT code lengths overflow at length " + len + ", byte offset " + off);
                }
                if (len <= LOOKAHEAD) {
                    for (int c = minCode[len]; c <= maxCode[len]; c++) {
                        int sym = values[k + c - minCode[len]] & 0xFF;
                        int shift = LOOKAHEAD - len;
                        int base = c << shift;
                        for (int j = 0; j < (1 << shift); j++) {
                            fast[base + j] = (len << 8) | sym;
                            int size = sym & 15;
                            if (len + size <= LOOKAHEAD) {
                                int v = size == 0 ? 0 : j >>> (shift - size);
                                int coef = size == 0 || v >= (1 << (size - 1)) ? v : v - (1 << size) + 1;
                                fastAc[base + j] = (coef << 16) | (sym << 8) | (len + size);
                            }
                            if (sym <= 15 && len + sym <= LOOKAHEAD) {
                                // Additional bits follow the code: the top sym bits of the remaining lookahead.
                                int v = sym == 0 ? 0 : j >>> (shift - sym);
                                int diff = sym == 0 || v >= (1 << (sym - 1)) ? v : v - (1 << sym) + 1;
                                fastDiff[base + j] = (diff << 8) | (len + sym);
                            }
                        }
                    }
                }
                k += bits[len];
            }
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
        return 16 + total;
    }
}
