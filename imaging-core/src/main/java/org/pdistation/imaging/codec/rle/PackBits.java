package org.pdistation.imaging.codec.rle;

/** The PackBits run coding of PS3.5 G.3.1, for one row of byte values. */
final class PackBits {
    private static final int MAX_RUN = 128;

    private PackBits() {
    }

    /**
     * Encodes {@code row[0, n)} into {@code out} from {@code at}; returns the new end. Needs at most
     * {@code n + ceil(n / 128)} bytes. Runs of three or more identical bytes become Replicate Runs (G.3.1 requires
     * it); a run of two is a Replicate Run too unless it would split a Literal Run, which it then joins (G.3.1 note).
     */
    static int encodeRow(int[] row, int n, byte[] out, int at) {
        int i = 0;
        int literalStart = -1;
        while (i < n) {
            int v = row[i];
            int run = 1;
            while (i + run < n && run < MAX_RUN && row[i + run] == v) run++;
            boolean replicate = run >= 3 || (run == 2 && literalStart < 0);
            if (replicate) {
                if (literalStart >= 0) {
                    at = flushLiteral(row, literalStart, i, out, at);
                    literalStart = -1;
                }
                out[at++] = (byte) (1 - run);
                out[at++] = (byte) v;
            } else {
                if (literalStart < 0) literalStart = i;
                // keep literal runs at most 128 bytes long
                if (i + run - literalStart > MAX_RUN) {
                    at = flushLiteral(row, literalStart, i, out, at);
                    literalStart = i;
                }
            }
            i += run;
        }
        if (literalStart >= 0) at = flushLiteral(row, literalStart, n, out, at);
        return at;
    }

    private static int flushLiteral(int[] row, int from, int to, byte[] out, int at) {
        while (from < to) {
            int count = Math.min(MAX_RUN, to - from);
            out[at++] = (byte) (count - 1);
            for (int k = 0; k < count; k++) out[at++] = (byte) row[from + k];
            from += count;
        }
        return at;
    }
}
