package org.pdistation.imaging.codec.imageio;

import org.pdistation.imaging.codec.CodecException;

/**
 * Refuses the one lossless JPEG variant TwelveMonkeys imageio-jpeg 3.14.0 was found to decode wrongly: 8-bit (or
 * less) process 14 with predictor 6 (T.81 H.1.2.1, Px = Rb + ((Ra − Rc) >> 1)). On a 512x512 8-bit image encoded
 * by dcmcjpeg +el +sv 6 it gives samples off by up to 255 where DCMTK and GDCM reproduce the original exactly;
 * a wrong lossless image is worse than none, so the decoder throws instead.
 */
final class LosslessPredictorCheck {
    private LosslessPredictorCheck() {}

    static void check(byte[] b, int off, int len) throws CodecException {
        int end = off + len;
        int p = off + 2; // after SOI
        int precision = -1;
        while (p + 4 <= end) {
            if ((b[p] & 0xFF) != 0xFF) return; // not at a marker: leave the diagnosis to the library
            int marker = b[p + 1] & 0xFF;
            if (marker == 0xFF) { p++; continue; } // T.81 B.1.1.2: fill bytes
            int segLen = ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
            if (marker == 0xC3 && p + 4 < end) precision = b[p + 4] & 0xFF; // SOF3: P
            if (marker == 0xDA) { // SOS: Ls Ns {Cs Tda}*Ns Ss — Ss is the predictor in lossless mode (T.81 H.2.2)
                if (precision < 0 || p + 4 >= end) return;
                int ns = b[p + 4] & 0xFF;
                int ssAt = p + 5 + 2 * ns;
                if (ssAt < end && (b[ssAt] & 0xFF) == 6 && precision <= 8) {
                    throw new CodecException("lossless JPEG with predictor 6 and " + precision
                            + "-bit samples is not decoded: TwelveMonkeys imageio-jpeg mis-decodes it");
                }
                return;
            }
            p += 2 + segLen;
        }
    }
}
