package org.pdistation.imaging.codec.jpegls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.pdistation.imaging.codec.CodecException;

/** Default and preset coding parameters of T.87 C.2.4.1.1 and the derived RANGE, qbpp and LIMIT (A.2.1). */
class JpegLsParametersTest {
    @Test
    void eightBitLosslessDefaultsAreTheBasicThresholds() throws CodecException {
        assertEquals(new JpegLsParameters(255, 3, 7, 21, 64, 0, 256, 8, 32),
                JpegLsParameters.resolve(8, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void sixteenBitDefaultsScaleWithTheFactorCappedAt4095() throws CodecException {
        // FACTOR = (min(65535, 4095) + 128) / 256 = 16: T1 = 16·1 + 2, T2 = 16·4 + 3, T3 = 16·17 + 4.
        assertEquals(new JpegLsParameters(65535, 18, 67, 276, 64, 0, 65536, 16, 64),
                JpegLsParameters.resolve(16, 0, 0, 0, 0, 0, 0));
        assertEquals(new JpegLsParameters(4095, 18, 67, 276, 64, 0, 4096, 12, 48),
                JpegLsParameters.resolve(12, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void nearLosslessDefaultsAddMultiplesOfNear() throws CodecException {
        // NEAR 2: T1 = 1 + 2 + 6, T2 = 4 + 3 + 10, T3 = 17 + 4 + 14; RANGE = (255 + 4) / 5 + 1.
        assertEquals(new JpegLsParameters(255, 9, 17, 35, 64, 2, 52, 6, 32),
                JpegLsParameters.resolve(8, 0, 0, 0, 0, 0, 2));
    }

    @Test
    void smallMaxvalUsesTheDividedThresholdsWithTheirMinimums() throws CodecException {
        // MAXVAL 15: FACTOR = 256 / 16 = 16, so BASIC_T/FACTOR is 0 or 1 and the minimums 2, 3, 4 apply;
        // bpp = 4 gives LIMIT = 2 * (4 + 8).
        assertEquals(new JpegLsParameters(15, 2, 3, 4, 64, 0, 16, 4, 24),
                JpegLsParameters.resolve(4, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void presetValuesReplaceTheDefaults() throws CodecException {
        assertEquals(new JpegLsParameters(1000, 5, 11, 40, 32, 0, 1001, 10, 40),
                JpegLsParameters.resolve(12, 1000, 5, 11, 40, 32, 0));
    }

    @Test
    void outOfRangeValuesAreRejected() {
        assertThrows(CodecException.class, () -> JpegLsParameters.resolve(8, 256, 0, 0, 0, 0, 0));
        assertThrows(CodecException.class, () -> JpegLsParameters.resolve(8, 0, 0, 0, 0, 0, 128));
        assertThrows(CodecException.class, () -> JpegLsParameters.resolve(8, 0, 9, 5, 0, 0, 0));
        assertThrows(CodecException.class, () -> JpegLsParameters.resolve(8, 0, 0, 0, 300, 0, 0));
        assertThrows(CodecException.class, () -> JpegLsParameters.resolve(8, 0, 0, 0, 0, 2, 0));
    }
}
