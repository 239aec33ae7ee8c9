package org.pdistation.imaging.codec;

/**
 * Raw samples of one decoded frame, pixel-interleaved, in a reusable array that only ever grows: decoding the
 * next frame of the same series into the same buffer allocates nothing.
 *
 * <p>Exactly one of {@link #bytes()}, {@link #shorts()}, {@link #ints()} is meaningful, according to
 * {@link #kind()}. Its length may exceed {@link #sampleCount()}; only the first {@code sampleCount()} entries
 * belong to the frame. Values are bit patterns until {@link #normalize} makes them stored values.
 */
public final class FrameBuffer {
    /** Container per sample: 8-bit in {@code byte[]}, 16-bit in {@code short[]}, 32-bit in {@code int[]}. */
    public enum Kind {
        BYTE, SHORT, INT;

        public static Kind forBitsAllocated(int bitsAllocated) {
            return bitsAllocated <= 8 ? BYTE : bitsAllocated <= 16 ? SHORT : INT;
        }
    }

    private static final byte[] NO_BYTES = new byte[0];
    private static final short[] NO_SHORTS = new short[0];
    private static final int[] NO_INTS = new int[0];

    private byte[] bytes = NO_BYTES;
    private short[] shorts = NO_SHORTS;
    private int[] ints = NO_INTS;
    private Kind kind = Kind.BYTE;
    private int rows;
    private int columns;
    private int samplesPerPixel = 1;
    private boolean normalizedSigned;

    /**
     * Prepares the buffer for a frame, growing the array for {@code kind} only when it is too small.
     *
     * @throws CodecException when the frame would need more than {@link Integer#MAX_VALUE} samples
     */
    public void reset(int rows, int columns, int samplesPerPixel, Kind kind) throws CodecException {
        long n = (long) rows * columns * samplesPerPixel;
        if (rows < 0 || columns < 0 || samplesPerPixel < 1 || n > Integer.MAX_VALUE - 8) {
            throw new CodecException("frame of " + rows + "x" + columns + "x" + samplesPerPixel + " is too large");
        }
        int count = (int) n;
        switch (kind) {
            case BYTE -> { if (bytes.length < count) bytes = new byte[count]; }
            case SHORT -> { if (shorts.length < count) shorts = new short[count]; }
            case INT -> { if (ints.length < count) ints = new int[count]; }
        }
        this.rows = rows;
        this.columns = columns;
        this.samplesPerPixel = samplesPerPixel;
        this.kind = kind;
        this.normalizedSigned = false;
    }

    /** Shorthand for {@link #reset(int, int, int, Kind)} with the geometry and container of {@code desc}. */
    public void reset(ImageDescriptor desc) throws CodecException {
        reset(desc.rows(), desc.columns(), desc.samplesPerPixel(), Kind.forBitsAllocated(desc.bitsAllocated()));
    }

    public Kind kind() { return kind; }

    public int rows() { return rows; }

    public int columns() { return columns; }

    public int samplesPerPixel() { return samplesPerPixel; }

    public int sampleCount() { return rows * columns * samplesPerPixel; }

    public byte[] bytes() { return bytes; }

    public short[] shorts() { return shorts; }

    public int[] ints() { return ints; }

    /** Whether {@link #normalize} left sign-extended values, so that the arrays read as Java signed numbers. */
    public boolean isSigned() { return normalizedSigned; }

    /** Sample {@code i} as an int: signed when normalized from signed data, else unsigned. */
    public int sample(int i) {
        return switch (kind) {
            case BYTE -> normalizedSigned ? bytes[i] : bytes[i] & 0xFF;
            case SHORT -> normalizedSigned ? shorts[i] : shorts[i] & 0xFFFF;
            case INT -> ints[i];
        };
    }

    /**
     * Turns bit patterns into stored values (PS3.5 8.1.1): shifts the stored bits down to bit 0 when High Bit is
     * not Bits Stored − 1, clears bits above Bits Stored (some scanners leave overlay or garbage bits there) and,
     * for Pixel Representation 1, sign-extends from bit Bits Stored − 1.
     */
    public void normalize(ImageDescriptor desc) {
        int shift = desc.storedShift();
        int bits = desc.bitsStored();
        int n = sampleCount();
        boolean signed = desc.signed();
        switch (kind) {
            case BYTE -> {
                if (shift == 0 && bits >= 8) break;
                int mask = (1 << bits) - 1;
                for (int i = 0; i < n; i++) bytes[i] = (byte) storedValue(bytes[i] & 0xFF, shift, mask, bits, signed);
            }
            case SHORT -> {
                if (shift == 0 && bits >= 16) break;
                int mask = (1 << bits) - 1;
                for (int i = 0; i < n; i++) shorts[i] = (short) storedValue(shorts[i] & 0xFFFF, shift, mask, bits, signed);
            }
            case INT -> {
                if (shift == 0 && bits >= 32) break;
                int mask = bits >= 32 ? -1 : (1 << bits) - 1;
                for (int i = 0; i < n; i++) ints[i] = storedValue(ints[i], shift, mask, bits, signed);
            }
        }
        normalizedSigned = signed;
    }

    private static int storedValue(int raw, int shift, int mask, int bits, boolean signed) {
        int v = (raw >>> shift) & mask;
        if (signed && bits < 32) v = (v << (32 - bits)) >> (32 - bits);
        return v;
    }
}
