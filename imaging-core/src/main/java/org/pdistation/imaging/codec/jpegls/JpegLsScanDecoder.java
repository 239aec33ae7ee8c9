package org.pdistation.imaging.codec.jpegls;

import java.util.Arrays;

import org.pdistation.imaging.codec.CodecException;

/**
 * Decodes the lines of one JPEG-LS scan: context modelling, prediction, Golomb decoding and run mode of
 * T.87 Annex A. The context arrays and line buffers are kept between scans; nothing is allocated per line.
 *
 * <p>Line buffers hold {@code columns + 2} pixels: index 0 is the left edge and index {@code columns + 1} the
 * right edge of T.87 A.2.1 (Ra of the first sample is Rb, Rc of the first sample is the previous line's left
 * edge, Rd of the last sample is Rb). In sample-interleaved mode a pixel occupies {@code components} entries.
 */
final class JpegLsScanDecoder {
    private static final int[] J = JpegLsContextModel.J;

    private final JpegLsContextModel m = new JpegLsContextModel();
    private final int[] runIndexOf = new int[256];
    private final int[] qs = new int[256];

    private JpegLsBitReader in;
    private int maxMerr;
    private int runIndex;
    private int[][] lines = new int[0][];

    /** Receives each decoded line. */
    interface LineSink {
        /**
         * @param line   buffer with the samples at {@code (x + 1) * stride + component}, x in [0, columns)
         * @param stride entries per pixel in {@code line}
         */
        void line(int row, int scanComponent, int[] line, int stride);
    }

    /**
     * Decodes a whole scan.
     *
     * @param components       components in the scan
     * @param interleave       ILV: 0 none (one component), 1 line, 2 sample
     * @param restartInterval  lines per restart interval, 0 for none
     * @param reader           positioned at the first byte of coded data
     */
    void decode(JpegLsBitReader reader, JpegLsParameters p, int columns, int rows, int components, int interleave,
                int restartInterval, LineSink sink) throws CodecException {
        this.in = reader;
        setParameters(p);
        boolean sampleInterleaved = interleave == 2 && components > 1;
        int width = sampleInterleaved ? (columns + 2) * components : columns + 2;
        int buffers = sampleInterleaved ? 2 : 2 * components;
        if (lines.length < buffers) lines = new int[buffers][];
        for (int i = 0; i < buffers; i++) {
            if (lines[i] == null || lines[i].length < width) lines[i] = new int[width];
        }
        startInterval(buffers, width);
        int restartIndex = 0;
        for (int row = 0; row < rows; row++) {
            if (restartInterval > 0 && row > 0 && row % restartInterval == 0) {
                // T.87 D.2: each restart interval ends byte-aligned with RSTm, m counting modulo 8.
                in.expectRestart(restartIndex++ & 7);
                startInterval(buffers, width);
            }
            if (sampleInterleaved) {
                int[] prev = lines[row & 1];
                int[] cur = lines[(row + 1) & 1];
                for (int k = 0; k < components; k++) {
                    cur[k] = prev[components + k];
                    prev[(columns + 1) * components + k] = prev[columns * components + k];
                }
                decodeSampleInterleavedLine(prev, cur, columns, components);
                sink.line(row, 0, cur, components);
            } else {
                for (int k = 0; k < components; k++) {
                    int[] prev = lines[2 * k + (row & 1)];
                    int[] cur = lines[2 * k + ((row + 1) & 1)];
                    cur[0] = prev[1];
                    prev[columns + 1] = prev[columns];
                    // T.87 A.7.1: in line-interleaved mode each component keeps its own RUNindex.
                    runIndex = runIndexOf[k];
                    decodeLine(prev, cur, columns);
                    runIndexOf[k] = runIndex;
                    sink.line(row, k, cur, 1);
                }
            }
        }
    }

    private void setParameters(JpegLsParameters p) {
        m.setParameters(p);
        maxMerr = 2 * m.range + 2;
    }

    /** T.87 A.2.1: context initialisation, also at each restart marker together with cleared line buffers. */
    private void startInterval(int buffers, int width) {
        m.reset();
        runIndex = 0;
        Arrays.fill(runIndexOf, 0);
        for (int i = 0; i < buffers; i++) Arrays.fill(lines[i], 0, width, 0);
    }

    /** One line of one component (ILV 0 or 1). */
    private void decodeLine(int[] prev, int[] cur, int columns) throws CodecException {
        JpegLsContextModel m = this.m;
        int x = 1;
        while (x <= columns) {
            int ra = cur[x - 1];
            int rb = prev[x];
            int rc = prev[x - 1];
            // T.87 A.3: local gradients D1..D3 quantised to one context number.
            int q = m.context(ra, rb, rc, prev[x + 1]);
            if (q == 0) {
                x = decodeRun(prev, cur, x, columns, ra);
            } else {
                cur[x] = decodeRegular(q, ra, rb, rc);
                x++;
            }
        }
    }

    /** One line of all components of a sample-interleaved scan (ILV 2). */
    private void decodeSampleInterleavedLine(int[] prev, int[] cur, int columns, int components)
            throws CodecException {
        JpegLsContextModel m = this.m;
        int[] qs = this.qs;
        int x = 1;
        while (x <= columns) {
            int base = x * components;
            boolean run = true;
            for (int k = 0; k < components; k++) {
                int i = base + k;
                int q = m.context(cur[i - components], prev[i], prev[i - components], prev[i + components]);
                qs[k] = q;
                if (q != 0) run = false;
            }
            if (run) {
                // T.87 A.7: run mode only when every component of the pixel has flat gradients.
                x = decodeRunPixels(prev, cur, x, columns, components);
            } else {
                for (int k = 0; k < components; k++) {
                    int i = base + k;
                    cur[i] = decodeRegular(qs[k], cur[i - components], prev[i], prev[i - components]);
                }
                x++;
            }
        }
    }

    /** T.87 A.4–A.6: one sample in regular mode with signed context number {@code q}. */
    private int decodeRegular(int q, int ra, int rb, int rc) throws CodecException {
        int sign = 1;
        if (q < 0) {
            sign = -1;
            q = -q;
        }
        JpegLsContextModel m = this.m;
        int px = m.predict(q, sign, ra, rb, rc);
        int k = m.golombK(q);
        int merr = readGolomb(k, m.limit);
        // T.87 A.5.2 inverted: MErrval back to Errval.
        int err = (merr >>> 1) ^ -(merr & 1);
        if (m.invertedMapping(q, k)) err = ~err;
        m.updateRegular(q, err);
        return m.reconstruct(px, sign * err);
    }

    /** T.87 A.5.3: limited-length Golomb code of parameter k; escape after LIMIT − qbpp − 1 zeros. */
    private int readGolomb(int k, int lim) throws CodecException {
        int qbpp = m.qbpp;
        int escape = lim - qbpp - 1;
        int q = in.readUnary(escape);
        int merr;
        if (q < escape) {
            merr = k == 0 ? q : (q << k) | in.readBits(k);
        } else {
            merr = in.readBits(qbpp) + 1;
        }
        if (merr > maxMerr) {
            throw new CodecException("JPEG-LS mapped error " + merr + " exceeds RANGE " + m.range + " (corrupt data)");
        }
        return merr;
    }

    /**
     * T.87 A.7.1.2: run of samples equal to Ra, then possibly the interrupting sample (A.7.2). Returns the next x.
     */
    private int decodeRun(int[] prev, int[] cur, int x, int columns, int ra) throws CodecException {
        int remaining = columns - x + 1;
        while (true) {
            int order = J[runIndex];
            if (in.readBit() == 1) {
                int r = 1 << order;
                int count = Math.min(r, remaining);
                Arrays.fill(cur, x, x + count, ra);
                x += count;
                remaining -= count;
                if (count == r && runIndex < 31) runIndex++;
                if (remaining == 0) return x;
            } else {
                int count = order == 0 ? 0 : in.readBits(order);
                if (count >= remaining) {
                    throw new CodecException("JPEG-LS run of " + count + " samples overruns the line ("
                            + remaining + " left, corrupt data)");
                }
                Arrays.fill(cur, x, x + count, ra);
                x += count;
                int rb = prev[x];
                int riType = Math.abs(ra - rb) <= m.near ? 1 : 0;
                cur[x] = decodeRunInterruption(ra, rb, riType);
                if (runIndex > 0) runIndex--;
                return x + 1;
            }
        }
    }

    /** {@link #decodeRun} for whole pixels of a sample-interleaved scan. */
    private int decodeRunPixels(int[] prev, int[] cur, int x, int columns, int components) throws CodecException {
        int remaining = columns - x + 1;
        int left = (x - 1) * components;
        while (true) {
            int order = J[runIndex];
            if (in.readBit() == 1) {
                int r = 1 << order;
                int count = Math.min(r, remaining);
                fillPixels(cur, left, x, count, components);
                x += count;
                remaining -= count;
                if (count == r && runIndex < 31) runIndex++;
                if (remaining == 0) return x;
            } else {
                int count = order == 0 ? 0 : in.readBits(order);
                if (count >= remaining) {
                    throw new CodecException("JPEG-LS run of " + count + " pixels overruns the line ("
                            + remaining + " left, corrupt data)");
                }
                fillPixels(cur, left, x, count, components);
                x += count;
                // Every component of the interrupting pixel is coded against Rb with run interruption
                // context 365 (RItype 0), the sign following Rb − Ra.
                int base = x * components;
                for (int k = 0; k < components; k++) {
                    cur[base + k] = decodeRunInterruption(cur[left + k], prev[base + k], 0);
                }
                if (runIndex > 0) runIndex--;
                return x + 1;
            }
        }
    }

    private static void fillPixels(int[] cur, int left, int x, int count, int components) {
        for (int i = x * components, e = (x + count) * components; i < e; i++) {
            cur[i] = cur[left + (i % components)];
        }
    }

    /** T.87 A.7.2: run interruption sample with contexts 365 (RItype 0) or 366 (RItype 1). */
    private int decodeRunInterruption(int ra, int rb, int riType) throws CodecException {
        JpegLsContextModel m = this.m;
        int k = m.runInterruptionK(riType);
        int em = readGolomb(k, m.limit - J[runIndex] - 1);
        // T.87 A.7.2.2 inverted: EMErrval = 2·|Errval| − RItype − map.
        int t = em + riType;
        int map = t & 1;
        int abs = (t + map) >> 1;
        int err = ((map == 1) != m.mappedIsPositive(riType, k)) ? -abs : abs;
        m.updateRunInterruption(riType, err, em);
        int px = riType == 1 ? ra : rb;
        if (riType == 0 && ra > rb) err = -err;
        return m.reconstruct(px, err);
    }
}
