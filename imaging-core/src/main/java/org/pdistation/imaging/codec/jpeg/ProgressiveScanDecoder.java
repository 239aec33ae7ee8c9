package org.pdistation.imaging.codec.jpeg;

import org.pdistation.imaging.codec.CodecException;

/**
 * Progressive DCT with Huffman coding (T.81 Annex G, process 10 / SOF2): scans add spectral bands (spectral
 * selection) or bit planes (successive approximation) to coefficient arrays kept for the whole frame; the inverse
 * DCT runs once all scans are in ({@link #finish}).
 */
final class ProgressiveScanDecoder {
    private int[][] coefs = new int[4][0];
    private final int[] block = new int[64];
    private final Idct idct = new Idct();
    private int eobrun;

    /** Called at SOF2: sizes and clears the coefficient arrays of the frame's components. */
    void startFrame(Component[] comps, int n) {
        for (int i = 0; i < n; i++) {
            int size = (comps[i].planeWidth / 8) * (comps[i].planeHeight / 8) * 64;
            if (coefs[i].length < size) coefs[i] = new int[size];
            else java.util.Arrays.fill(coefs[i], 0, size, 0);
            comps[i].index = i;
        }
    }

    void decode(JpegDecoder.Frame f, Component[] scan, int ns, int ss, int se, int ah, int al, BitReader in,
                Restarts restarts) throws CodecException {
        // G.1.1.1.1: DC scans may interleave; AC scans carry one component and a band within 1..63.
        if (ss == 0 ? se != 0 : se < ss || se > 63 || ns != 1) {
            throw new CodecException("bad progressive scan: spectral selection " + ss + ".." + se + " over " + ns
                    + " components");
        }
        if (al > 13 || ah > 13 || (ah != 0 && ah != al + 1)) {
            throw new CodecException("bad successive approximation Ah=" + ah + " Al=" + al);
        }
        int mcusX;
        int mcusY;
        if (ns == 1) {
            mcusX = (scan[0].width + 7) >> 3;
            mcusY = (scan[0].height + 7) >> 3;
        } else {
            mcusX = f.mcusX;
            mcusY = f.mcusY;
        }
        for (int i = 0; i < ns; i++) scan[i].pred = 0;
        eobrun = 0;
        int mcu = 0;
        for (int my = 0; my < mcusY; my++) {
            for (int mx = 0; mx < mcusX; mx++) {
                if (mcu > 0 && restarts.due(mcu)) {
                    restarts.restart(in);
                    for (int i = 0; i < ns; i++) scan[i].pred = 0;
                    eobrun = 0;
                }
                mcu++;
                if (ns == 1) {
                    Component c = scan[0];
                    int at = ((my * (c.planeWidth / 8)) + mx) * 64;
                    decodeBlock(c, coefs[c.index], at, ss, se, ah, al, in);
                } else {
                    for (int i = 0; i < ns; i++) {
                        Component c = scan[i];
                        int perLine = c.planeWidth / 8;
                        for (int by = 0; by < c.v; by++) {
                            for (int bx = 0; bx < c.h; bx++) {
                                int at = ((my * c.v + by) * perLine + mx * c.h + bx) * 64;
                                decodeBlock(c, coefs[c.index], at, ss, se, ah, al, in);
                            }
                        }
                    }
                }
            }
        }
        in.checkNotOverrun();
    }

    private void decodeBlock(Component c, int[] z, int at, int ss, int se, int ah, int al, BitReader in)
            throws CodecException {
        if (ss == 0) {
            if (ah == 0) {
                // G.1.2.1: first DC scan, the difference scaled by 2^Al
                c.pred += in.decodeDiff(c.dc);
                z[at] = c.pred << al;
            } else if (in.receive(1) != 0) {
                z[at] |= 1 << al; // G.1.2.1: one more bit of the DC value
            }
        } else if (ah == 0) {
            acFirst(c.ac, z, at, ss, se, al, in);
        } else {
            acRefine(c.ac, z, at, ss, se, al, in);
        }
    }

    /** G.1.2.2: first AC scan of a band, with end-of-band runs spanning blocks. */
    private void acFirst(HuffmanTable t, int[] z, int at, int ss, int se, int al, BitReader in)
            throws CodecException {
        if (eobrun > 0) {
            eobrun--;
            return;
        }
        for (int k = ss; k <= se; k++) {
            int rs = in.decode(t);
            int r = rs >> 4;
            int s = rs & 15;
            if (s == 0) {
                if (r < 15) { // EOBr: this block and 2^r − 1 + RECEIVE(r) more end here
                    eobrun = (1 << r) - 1 + in.receive(r);
                    return;
                }
                k += 15; // ZRL
                continue;
            }
            k += r;
            if (k > se) throw new CodecException("AC run past the end of the spectral band");
            z[at + DctScanDecoder.NATURAL[k]] = in.receiveExtend(s) << al;
        }
    }

    /**
     * G.1.2.3: refinement scan. Coefficients already non-zero get one correction bit each as they are passed;
     * new coefficients (always ±1 at this bit plane) are placed after skipping r still-zero positions.
     */
    private void acRefine(HuffmanTable t, int[] z, int at, int ss, int se, int al, BitReader in)
            throws CodecException {
        int plus = 1 << al;
        int minus = -1 << al;
        int k = ss;
        if (eobrun == 0) {
            for (; k <= se; k++) {
                int rs = in.decode(t);
                int r = rs >> 4;
                int s = rs & 15;
                int value = 0;
                if (s != 0) {
                    if (s != 1) throw new CodecException("refinement coefficient of size " + s + " (must be 1)");
                    value = in.receive(1) != 0 ? plus : minus;
                } else if (r != 15) {
                    eobrun = (1 << r) + in.receive(r);
                    break;
                }
                // Walk forward: correct non-zero coefficients, count zero ones until r of them are skipped.
                while (k <= se) {
                    int pos = at + DctScanDecoder.NATURAL[k];
                    if (z[pos] != 0) {
                        refine(z, pos, plus, minus, in);
                    } else {
                        if (r == 0) break;
                        r--;
                    }
                    k++;
                }
                if (value != 0) {
                    if (k > se) throw new CodecException("refinement run past the end of the spectral band");
                    z[at + DctScanDecoder.NATURAL[k]] = value;
                }
            }
        }
        if (eobrun > 0) {
            // Inside an end-of-band run only corrections of existing coefficients remain.
            for (; k <= se; k++) {
                int pos = at + DctScanDecoder.NATURAL[k];
                if (z[pos] != 0) refine(z, pos, plus, minus, in);
            }
            eobrun--;
        }
    }

    private static void refine(int[] z, int pos, int plus, int minus, BitReader in) {
        if (in.receive(1) != 0 && (z[pos] & plus) == 0) z[pos] += z[pos] >= 0 ? plus : minus;
    }

    /** Dequantizes (A.3.4) and inverse-transforms every block of every component into its plane. */
    void finish(Component[] comps, int n, int[][] quant, int precision) {
        int maxVal = (1 << precision) - 1;
        int[] b = block;
        for (int i = 0; i < n; i++) {
            Component c = comps[i];
            int[] q = quant[c.tq];
            int[] z = coefs[i];
            int perLine = c.planeWidth / 8;
            int lines = c.planeHeight / 8;
            for (int by = 0; by < lines; by++) {
                for (int bx = 0; bx < perLine; bx++) {
                    int at = (by * perLine + bx) * 64;
                    for (int k = 0; k < 64; k++) {
                        int nat = DctScanDecoder.NATURAL[k];
                        b[nat] = z[at + nat] * q[k];
                    }
                    idct.transform(b, c.plane, by * 8 * c.planeWidth + bx * 8, c.planeWidth, maxVal);
                }
            }
        }
    }
}
