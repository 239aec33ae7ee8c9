package org.pdistation.imaging.codec.jpeg;

import org.pdistation.imaging.codec.CodecException;

/**
 * Decodes one sequential DCT scan with Huffman coding (T.81 F.2, processes 1, 2 and 4: 8- and 12-bit) straight
 * into the component planes: each 8×8 block is entropy-decoded, dequantized and inverse-transformed as it comes.
 */
final class DctScanDecoder {
    /** Zig-zag index k → natural row-major index (T.81 Figure A.6). */
    static final int[] NATURAL = {
            0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
            12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
            35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
            58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
            // Guard entries: a corrupt run may step past 63 before the check, keep it in bounds.
            63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63};

    private final int[] coef = new int[64];
    private final Idct idct = new Idct();

    void decode(JpegDecoder.Frame f, Component[] scan, int ns, int[][] quant, BitReader in, Restarts restarts)
            throws CodecException {
        int maxVal = (1 << f.precision) - 1;
        int mcusX;
        int mcusY;
        if (ns == 1) {
            Component c = scan[0];
            mcusX = (c.width + 7) >> 3;
            mcusY = (c.height + 7) >> 3;
        } else {
            mcusX = f.mcusX;
            mcusY = f.mcusY;
        }
        for (int i = 0; i < ns; i++) scan[i].pred = 0;
        int total = mcusX * mcusY;
        int mcu = 0;
        for (int my = 0; my < mcusY; my++) {
            for (int mx = 0; mx < mcusX; mx++) {
                if (mcu > 0 && restarts.due(mcu)) {
                    restarts.restart(in);
                    for (int i = 0; i < ns; i++) scan[i].pred = 0;
                }
                mcu++;
                if (ns == 1) {
                    Component c = scan[0];
                    decodeBlock(c, quant[c.tq], in, (my * 8) * c.planeWidth + mx * 8, maxVal);
                } else {
                    for (int i = 0; i < ns; i++) {
                        Component c = scan[i];
                        int[] q = quant[c.tq];
                        for (int by = 0; by < c.v; by++) {
                            int row = (my * c.v + by) * 8;
                            for (int bx = 0; bx < c.h; bx++) {
                                decodeBlock(c, q, in, row * c.planeWidth + (mx * c.h + bx) * 8, maxVal);
                            }
                        }
                    }
                }
            }
        }
        if (total > 0) in.checkNotOverrun();
    }

    /** F.2.2.1 (DC difference) and F.2.2.2 (AC run/size), then dequantize (A.3.4) and IDCT. */
    private void decodeBlock(Component c, int[] q, BitReader in, int offset, int maxVal) throws CodecException {
        int[] z = coef;
        c.pred += in.decodeDiff(c.dc);
        z[0] = c.pred * q[0];
        HuffmanTable ac = c.ac;
        for (int k = 1; k < 64; k++) {
            int packed = in.decodeAc(ac);
            int rs = packed & 0xFF;
            int s = rs & 15;
            int r = rs >> 4;
            if (s == 0) {
                if (r != 15) break; // EOB
                k += 15;
                continue;
            }
            k += r;
            if (k > 63) throw new CodecException("AC coefficient run past the end of the block");
            z[NATURAL[k]] = (packed >> 8) * q[k];
        }
        idct.transform(z, c.plane, offset, c.planeWidth, maxVal);
    }
}
