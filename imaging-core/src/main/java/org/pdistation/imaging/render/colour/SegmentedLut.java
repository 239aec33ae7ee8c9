package org.pdistation.imaging.render.colour;

import org.pdistation.imaging.codec.CodecException;

/**
 * Expansion of Segmented Palette Color Lookup Table Data (PS3.3 C.7.9.2): a series of discrete (opcode 0), linear
 * (opcode 1) and indirect (opcode 2) segments, in 16-bit words, into the plain table.
 */
final class SegmentedLut {
    /** Bounds indirect segments that point back at themselves or at each other. */
    private static final int MAX_DEPTH = 8;
    /** Bounds the work of hostile tables whose indirect segments re-run empty segments over and over. */
    private static final int MAX_SEGMENT_VISITS = 1 << 20;

    private SegmentedLut() {
    }

    static int[] expand(int[] words, int count, String colour) throws CodecException {
        Expansion e = new Expansion(words, count, colour);
        e.run(0, Integer.MAX_VALUE, 0);
        if (e.size < count) {
            throw new CodecException(colour + " segmented palette expands to " + e.size + " entries; the descriptor "
                    + "promises " + count);
        }
        return e.out;
    }

    private static final class Expansion {
        final int[] words;
        final int[] out;
        final String colour;
        int size;
        int visits;

        Expansion(int[] words, int count, String colour) {
            this.words = words;
            this.out = new int[count];
            this.colour = colour;
        }

        /** Expands up to {@code segments} segments starting at word {@code at}; returns the word after the last. */
        int run(int at, int segments, int depth) throws CodecException {
            for (int s = 0; s < segments && at < words.length && size < out.length; s++) {
                if (++visits > MAX_SEGMENT_VISITS) throw error(at, "more than " + MAX_SEGMENT_VISITS + " segments");
                int opcode = words[at];
                if (at + 1 >= words.length) throw error(at, "segment header is cut short");
                int length = words[at + 1];
                switch (opcode) {
                    case 0 -> { // C.7.9.2.1 discrete: the next `length` words are entries
                        if (at + 2 + length > words.length) throw error(at, "discrete segment of " + length
                                + " entries runs past the data");
                        for (int k = 0; k < length && size < out.length; k++) out[size++] = words[at + 2 + k];
                        at += 2 + length;
                    }
                    case 1 -> { // C.7.9.2.2 linear: `length` entries from the previous entry to the target
                        if (size == 0) throw error(at, "a linear segment cannot come first");
                        if (at + 2 >= words.length) throw error(at, "linear segment has no target value");
                        int y0 = out[size - 1];
                        int y1 = words[at + 2];
                        for (int k = 1; k <= length && size < out.length; k++) {
                            out[size++] = y0 + (int) Math.round((double) (y1 - y0) * k / length);
                        }
                        at += 3;
                    }
                    case 2 -> { // C.7.9.2.3 indirect: re-run `length` segments found at a byte offset
                        if (size == 0) throw error(at, "an indirect segment cannot come first");
                        if (depth >= MAX_DEPTH) throw error(at, "indirect segments nest deeper than " + MAX_DEPTH);
                        if (at + 3 >= words.length) throw error(at, "indirect segment has no offset");
                        long byteOffset = words[at + 2] | (long) words[at + 3] << 16;
                        if (byteOffset % 2 != 0 || byteOffset / 2 >= at) {
                            throw error(at, "indirect segment offset " + byteOffset
                                    + " is odd or does not point to an earlier segment");
                        }
                        run((int) (byteOffset / 2), length, depth + 1);
                        at += 4;
                    }
                    default -> throw error(at, "unknown segment opcode " + opcode);
                }
            }
            return at;
        }

        private CodecException error(int word, String what) {
            return new CodecException(colour + " segmented palette at byte " + 2 * word + ": " + what
                    + " (PS3.3 C.7.9.2)");
        }
    }
}
