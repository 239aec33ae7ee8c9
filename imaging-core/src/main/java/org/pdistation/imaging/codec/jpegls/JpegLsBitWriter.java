package org.pdistation.imaging.codec.jpegls;

import java.util.Arrays;

/**
 * Growable byte output with MSB-first bit writing and the 0xFF bit stuffing of T.87 A.1: after a 0xFF byte the
 * next byte starts with a 0 bit, so that coded data never looks like a marker.
 */
final class JpegLsBitWriter {
    private byte[] out = new byte[4096];
    private int size;
    private long acc;
    private int accBits;
    private boolean lastFf;

    void clear() {
        size = 0;
        acc = 0;
        accBits = 0;
        lastFf = false;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(out, size);
    }

    /** Writes a raw byte outside entropy-coded data (marker segments). */
    void writeByte(int b) {
        if (size == out.length) out = Arrays.copyOf(out, out.length * 2);
        out[size++] = (byte) b;
    }

    void writeShort(int v) {
        writeByte(v >>> 8);
        writeByte(v);
    }

    /** Writes the low {@code n} bits of {@code value}, 0 ≤ n ≤ 32. */
    void writeBits(int value, int n) {
        if (n == 0) return;
        acc = (acc << n) | (value & (0xFFFFFFFFL >>> (32 - n)));
        accBits += n;
        drain();
    }

    void writeZeros(int n) {
        while (n > 0) {
            int chunk = Math.min(n, 32);
            acc <<= chunk;
            accBits += chunk;
            drain();
            n -= chunk;
        }
    }

    private void drain() {
        while (true) {
            int width = lastFf ? 7 : 8;
            if (accBits < width) return;
            int b = (int) (acc >>> (accBits - width)) & ((1 << width) - 1);
            accBits -= width;
            emit(b);
        }
    }

    private void emit(int b) {
        writeByte(b);
        lastFf = b == 0xFF;
    }

    /**
     * Ends the coded data of a scan: pads the last byte with 0 bits and, when it is 0xFF, adds the stuffed byte
     * that must follow it so that the next marker is recognised (T.87 A.1).
     */
    void flushScan() {
        int width = lastFf ? 7 : 8;
        if (accBits > 0) {
            int b = (int) (acc << (width - accBits)) & ((1 << width) - 1);
            accBits = 0;
            emit(b);
        }
        if (lastFf) emit(0);
        acc = 0;
        lastFf = false;
    }
}
