package org.pdistation.imaging.codec.jpeg;

import org.pdistation.imaging.codec.CodecException;

/**
 * Decodes one lossless scan with Huffman coding (T.81 Annex H, process 14): each sample is the prediction from
 * its reconstructed neighbours (Table H.1) plus a Huffman-coded difference, modulo 2^16 (H.1.2.2). Values stay
 * point-transformed (divided by 2^Pt) in the planes; the caller shifts them back.
 */
final class LosslessScanDecoder {

    void decode(JpegDecoder.Frame f, Component[] scan, int ns, int predictor, int pt, BitReader in,
                Restarts restarts) throws CodecException {
        int width = f.width;
        int height = f.height;
        if (ns > 1) {
            for (int i = 0; i < ns; i++) {
                if (scan[i].h != 1 || scan[i].v != 1) {
                    throw new CodecException("interleaved lossless scan with subsampled components is not supported");
                }
            }
        } else {
            width = scan[0].width;
            height = scan[0].height;
        }
        int mcusPerRow = width;
        int ri = restarts.interval();
        if (ri > 0 && ri % mcusPerRow != 0) {
            throw new CodecException("lossless restart interval " + ri + " is not a multiple of the "
                    + mcusPerRow + " MCUs of a line (T.81 H.1.1)");
        }
        int rowsPerInterval = ri == 0 ? Integer.MAX_VALUE : ri / mcusPerRow;
        // H.1.2.1: the first line after the start and after each restart uses the initial prediction 2^(P−Pt−1).
        int initial = 1 << (f.precision - pt - 1);
        int intervalRow = 0;
        for (int y = 0; y < height; y++) {
            boolean firstLine;
            if (y == 0) {
                firstLine = true;
            } else if (intervalRow == rowsPerInterval) {
                restarts.restart(in);
                intervalRow = 0;
                firstLine = true;
            } else {
                firstLine = false;
            }
            intervalRow++;
            if (ns == 1) {
                Component c = scan[0];
                decodeRow(c.plane, y * c.planeWidth, c.planeWidth, width, firstLine, initial, predictor, c.dc, in);
            } else {
                decodeInterleavedRow(scan, ns, y, width, firstLine, initial, predictor, in);
            }
        }
        in.checkNotOverrun();
    }

    private static int diff(BitReader in, HuffmanTable t) throws CodecException {
        return in.decodeDiff(t);
    }

    private static void decodeRow(int[] p, int row, int stride, int width, boolean firstLine, int initial,
                                  int predictor, HuffmanTable t, BitReader in) throws CodecException {
        if (firstLine) {
            int a = initial;
            for (int x = 0; x < width; x++) {
                a = (a + diff(in, t)) & 0xFFFF;
                p[row + x] = a;
            }
            return;
        }
        int up = row - stride;
        int a = (p[up] + diff(in, t)) & 0xFFFF; // first column predicts from above (Rb)
        p[row] = a;
        switch (predictor) {
            case 1 -> {
                for (int x = 1; x < width; x++) {
                    a = (a + diff(in, t)) & 0xFFFF;
                    p[row + x] = a;
                }
            }
            case 2 -> {
                for (int x = 1; x < width; x++) p[row + x] = (p[up + x] + diff(in, t)) & 0xFFFF;
            }
            default -> {
                for (int x = 1; x < width; x++) {
                    int px = predict(predictor, p[row + x - 1], p[up + x], p[up + x - 1]);
                    p[row + x] = (px + diff(in, t)) & 0xFFFF;
                }
            }
        }
    }

    private static void decodeInterleavedRow(Component[] scan, int ns, int y, int width, boolean firstLine,
                                             int initial, int predictor, BitReader in) throws CodecException {
        for (int x = 0; x < width; x++) {
            for (int i = 0; i < ns; i++) {
                Component c = scan[i];
                int[] p = c.plane;
                int pos = y * c.planeWidth + x;
                int px;
                if (firstLine) {
                    px = x == 0 ? initial : p[pos - 1];
                } else if (x == 0) {
                    px = p[pos - c.planeWidth];
                } else {
                    px = predict(predictor, p[pos - 1], p[pos - c.planeWidth], p[pos - c.planeWidth - 1]);
                }
                p[pos] = (px + diff(in, c.dc)) & 0xFFFF;
            }
        }
    }

    /** Table H.1 predictors; shifts are arithmetic as in H.1.2.1. */
    static int predict(int sv, int ra, int rb, int rc) {
        return switch (sv) {
            case 1 -> ra;
            case 2 -> rb;
            case 3 -> rc;
            case 4 -> ra + rb - rc;
            case 5 -> ra + ((rb - rc) >> 1);
            case 6 -> rb + ((ra - rc) >> 1);
            default -> (ra + rb) >> 1;
        };
    }
}
