package org.pdistation.imaging.codec.jpegls;

import java.util.Arrays;

/**
 * Lossless JPEG-LS coding of the lines of one scan (T.87 Annex A, encoder side), the mirror of
 * {@link JpegLsScanDecoder}: same line buffers with edges of A.2.1 and the same {@link JpegLsContextModel}.
 */
final class JpegLsScanEncoder {
    private static final int[] J = JpegLsContextModel.J;

    private final JpegLsContextModel m = new JpegLsContextModel();
    private final int[] qs = new int[256];
    private JpegLsBitWriter out;
    private int runIndex;
    private int[] prev = new int[0];
    private int[] cur = new int[0];

    /** Supplies the samples of one line of the scan. */
    interface LineSource {
        /** Fills {@code line[(x + 1) * stride + k]} for x in [0, columns) and each scan component k. */
        void line(int row, int scanComponent, int[] line, int stride);
    }

    /**
     * Codes a scan of {@code components} components: one component (interleave 0) or all pixel-interleaved
     * (interleave 2).
     */
    void encode(JpegLsBitWriter out, JpegLsParameters p, int columns, int rows, int components,
                int scanComponent, int restartInterval, LineSource source) {
        this.out = out;
        m.setParameters(p);
        int width = (columns + 2) * components;
        if (prev.length < width) {
            prev = new int[width];
            cur = new int[width];
        }
        startInterval(width);
        for (int row = 0; row < rows; row++) {
            if (restartInterval > 0 && row > 0 && row % restartInterval == 0) {
                // T.87 D.2: byte-align, RSTm, then code as from the start of the scan.
                out.flushScan();
                out.writeShort(0xFFD0 + ((row / restartInterval - 1) & 7));
                startInterval(width);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
            source.line(row, scanComponent, cur, components);
            for (int k = 0; k < components; k++) {
                cur[k] = prev[components + k];
                prev[(columns + 1) * components + k] = prev[columns * components + k];
            }
            if (components == 1) encodeLine(columns);
            else encodeSampleInterleavedLine(columns, components);
        }
        out.flushScan();
    }

    private void startInterval(int width) {
        m.reset();
        runIndex = 0;
        Arrays.fill(prev, 0, width, 0);
        Arrays.fill(cur, 0, width, 0);
    }

    private void encodeLine(int columns) {
        int[] prev = this.prev;
        int[] cur = this.cur;
        int x = 1;
        while (x <= columns) {
            int ra = cur[x - 1];
            int rb = prev[x];
            int rc = prev[x - 1];
            int q = m.context(ra, rb, rc, prev[x + 1]);
            if (q == 0) {
                int count = 0;
                while (x + count <= columns && cur[x + count] == ra) count++;
                x = encodeRun(x, count, columns, 1);
            } else {
                encodeRegular(q, cur[x], ra, rb, rc);
                x++;
            }
        }
    }

    private void encodeSampleInterleavedLine(int columns, int components) {
        int[] prev = this.prev;
        int[] cur = this.cur;
        int x = 1;
        while (x <= columns) {
            int base = x * components;
            boolean run = true;
            for (int k = 0; k < components; k++) {
                int i = base + k;
                qs[k] = m.context(cur[i - components], prev[i], prev[i - components], prev[i + components]);
                if (qs[k] != 0) run = false;
            }
            if (run) {
                int left = base - components;
                int count = 0;
                while (x + count <= columns && samePixel(cur, (x + count) * components, left, components)) count++;
                x = encodeRun(x, count, columns, components);
            } else {
                for (int k = 0; k < components; k++) {
                    int i = base + k;
                    encodeRegular(qs[k], cur[i], cur[i - components], prev[i], prev[i - components]);
                }
                x++;
            }
        }
    }

    private static boolean samePixel(int[] line, int at, int ref, int components) {
        for (int k = 0; k < components; k++) if (line[at + k] != line[ref + k]) return false;
        return true;
    }

    /** T.87 A.4–A.6 encoder side: one sample in regular mode. */
    private void encodeRegular(int q, int ix, int ra, int rb, int rc) {
        int sign = 1;
        if (q < 0) {
            sign = -1;
            q = -q;
        }
        int px = m.predict(q, sign, ra, rb, rc);
        int err = m.reduceError(sign * (ix - px));
        int k = m.golombK(q);
        // T.87 A.5.2: error mapping, inverted for k = 0 when the context's bias is negative (lossless).
        int merr;
        if (m.invertedMapping(q, k)) merr = err >= 0 ? 2 * err + 1 : -2 * (err + 1);
        else merr = err >= 0 ? 2 * err : -2 * err - 1;
        writeGolomb(merr, k, m.limit);
        m.updateRegular(q, err);
    }

    /** T.87 A.7.1.2 encoder side: a run of {@code count} pixels equal to Ra from x, then the interruption. */
    private int encodeRun(int x, int count, int columns, int components) {
        int left = count;
        while (left >= 1 << J[runIndex]) {
            out.writeBits(1, 1);
            left -= 1 << J[runIndex];
            if (runIndex < 31) runIndex++;
        }
        x += count;
        if (x > columns) {
            if (left > 0) out.writeBits(1, 1);
            return x;
        }
        out.writeBits(0, 1);
        out.writeBits(left, J[runIndex]);
        int base = x * components;
        if (components == 1) {
            int ra = cur[x - 1];
            int rb = prev[x];
            encodeRunInterruption(cur[x], ra, rb, Math.abs(ra - rb) <= m.near ? 1 : 0);
        } else {
            for (int k = 0; k < components; k++) {
                encodeRunInterruption(cur[base + k], cur[base - components + k], prev[base + k], 0);
            }
        }
        if (runIndex > 0) runIndex--;
        return x + 1;
    }

    /** T.87 A.7.2 encoder side. */
    private void encodeRunInterruption(int ix, int ra, int rb, int riType) {
        int px = riType == 1 ? ra : rb;
        int err = ix - px;
        if (riType == 0 && ra > rb) err = -err;
        err = m.reduceError(err);
        int k = m.runInterruptionK(riType);
        boolean positiveMapped = m.mappedIsPositive(riType, k);
        int map = (err > 0 && positiveMapped) || (err < 0 && !positiveMapped) ? 1 : 0;
        int em = 2 * Math.abs(err) - riType - map;
        writeGolomb(em, k, m.limit - J[runIndex] - 1);
        m.updateRunInterruption(riType, err, em);
    }

    /** T.87 A.5.3: limited-length Golomb code. */
    private void writeGolomb(int merr, int k, int lim) {
        int escape = lim - m.qbpp - 1;
        int high = merr >>> k;
        if (high < escape) {
            out.writeZeros(high);
            out.writeBits(1, 1);
            out.writeBits(merr, k);
        } else {
            out.writeZeros(escape);
            out.writeBits(1, 1);
            out.writeBits(merr - 1, m.qbpp);
        }
    }
}
