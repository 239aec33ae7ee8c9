package org.pdistation.imaging.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;

/** Each LUT step on its own, against values computed by hand from the formulas of PS3.3 C.11. */
class LutStepsTest {
    private static final double EPS = 1e-9;

    @Test
    void linearWindowFollowsTheHalfPixelOffsetFormula() {
        // C.11.2.1.2.1 with c = 100, w = 11: bottom edge c − 0.5 − (w−1)/2 = 94.5, top edge c − 0.5 + (w−1)/2 = 104.5
        Voi.Window w = new Voi.Window(100, 11);
        assertEquals(0, w.apply(94.5), EPS);
        assertEquals(0.05, w.apply(95), EPS);     // (95 − 99.5)/10 + 0.5
        assertEquals(0.5, w.apply(99.5), EPS);
        assertEquals(1.0, w.apply(104.5), EPS);   // still inside: (104.5 − 99.5)/10 + 0.5 = 1
        assertEquals(1.0, w.apply(104.6), EPS);
    }

    @Test
    void linearExactWindowHasNoHalfPixelOffset() {
        // C.11.2.1.3.2 with c = 100, w = 10: x <= 95 → 0, x > 105 → 1, else (x − 100)/10 + 0.5
        Voi.Window w = new Voi.Window(100, 10, Voi.Function.LINEAR_EXACT, null);
        assertEquals(0, w.apply(95), EPS);
        assertEquals(0.1, w.apply(96), EPS);
        assertEquals(0.5, w.apply(100), EPS);
        assertEquals(1.0, w.apply(105), EPS);
        assertEquals(1.0, w.apply(200), EPS);
        // The same window with LINEAR is shifted by half a value: 100 → (100 − 99.5)/9 + 0.5
        assertEquals(0.5 + 0.5 / 9, new Voi.Window(100, 10).apply(100), EPS);
    }

    @Test
    void linearWindowOfWidthOneIsAThreshold() {
        Voi.Window w = new Voi.Window(10, 1);
        assertEquals(0, w.apply(9.5), EPS);
        assertEquals(1, w.apply(9.6), EPS);
    }

    @Test
    void sigmoidIsHalfAtTheCentreAndFollowsTheLogistic() {
        Voi.Window w = new Voi.Window(100, 10, Voi.Function.SIGMOID, null);
        assertEquals(0.5, w.apply(100), EPS);
        assertEquals(1 / (1 + Math.exp(-4)), w.apply(110), EPS); // 0.98201…
        assertEquals(1 / (1 + Math.exp(4)), w.apply(90), EPS);
    }

    @Test
    void greyRoundsTheWindowOutputTo255Levels() {
        // c 40 w 400 LINEAR at x = 40: ((40 − 39.5)/399 + 0.5) × 255 = 127.82 → 128
        assertEquals(128, GreyscaleRenderer.grey(40, ModalityLut.Rescale.IDENTITY, new Voi.Window(40, 400),
                PresentationLut.Shape.IDENTITY));
        assertEquals(127, GreyscaleRenderer.grey(40, ModalityLut.Rescale.IDENTITY, new Voi.Window(40, 400),
                PresentationLut.Shape.INVERSE));
    }

    @Test
    void rescaleIsSlopeTimesStoredPlusIntercept() {
        ModalityLut.Rescale r = new ModalityLut.Rescale(2, -1024, "HU");
        assertEquals(976, r.apply(1000), EPS);
        assertEquals(-1024, r.apply(0), EPS);
        assertEquals(1, new ModalityLut.Rescale(0, 0, null).slope(), EPS); // a zero slope is taken as 1
    }

    @Test
    void signedModalityLutDescriptorMapsNegativeInputs() throws CodecException {
        Dataset item = lutItem(4, 0xFFFE, 16);
        item.setInt(Tag.LUTData, VR.US, 10, 20, 30, 40);
        LutTable signed = LutTable.parse(item, true);
        assertEquals(-2, signed.firstMapped());
        assertEquals(10, signed.lookup(-2));
        assertEquals(10, signed.lookup(-100));  // below the first entry: the first
        assertEquals(30, signed.lookup(0));
        assertEquals(40, signed.lookup(1));
        assertEquals(40, signed.lookup(500));   // above the last entry: the last
        assertEquals(65534, LutTable.parse(item, false).firstMapped());
    }

    @Test
    void eightBitLutDataInOwIsOneEntryPerByte() throws CodecException {
        Dataset item = lutItem(4, 0, 8);
        item.setBytes(Tag.LUTData, VR.OW, new byte[] {1, 2, (byte) 200, 4});
        LutTable t = LutTable.parse(item, false);
        assertEquals(1, t.lookup(0));
        assertEquals(2, t.lookup(1));
        assertEquals(200, t.lookup(2));
        assertEquals(4, t.lookup(3));
        assertEquals(255, t.maxOutput());
    }

    @Test
    void eightBitLutDataOnePerWordIsAlsoRead() throws CodecException {
        Dataset item = lutItem(3, 0, 8);
        item.setBytes(Tag.LUTData, VR.OW, new byte[] {7, 0, 8, 0, 9, 0});
        LutTable t = LutTable.parse(item, false);
        assertEquals(7, t.lookup(0));
        assertEquals(9, t.lookup(2));
    }

    @Test
    void zeroEntriesMeans65536AndShortDataIsAnError() {
        Dataset item = lutItem(0, 0, 16);
        item.setInt(Tag.LUTData, VR.US, 1, 2, 3);
        CodecException e = assertThrows(CodecException.class, () -> LutTable.parse(item, false));
        assertEquals("LUT Data has 3 16-bit values, descriptor says 65536", e.getMessage());
    }

    @Test
    void voiLutOutputIsScaledByItsBitDepth() {
        LutTable t = new LutTable(100, new int[] {0, 2048, 4095}, 12, "X");
        Voi.Table v = new Voi.Table(t);
        assertEquals(0, v.apply(50), EPS);
        assertEquals(2048 / 4095.0, v.apply(101), EPS);
        assertEquals(1, v.apply(102), EPS);
        assertEquals("X", v.label());
    }

    @Test
    void presentationLutTableMapsTheVoiRangeOntoItsEntries() {
        PresentationLut p = new PresentationLut.Table(new LutTable(0, new int[] {255, 128, 0}, 8, null));
        assertEquals(1, p.apply(0), EPS);
        assertEquals(128 / 255.0, p.apply(0.5), EPS);
        assertEquals(0, p.apply(1), EPS);
    }

    static Dataset lutItem(int entries, int first, int bits) {
        Dataset item = new Dataset();
        item.setInt(Tag.LUTDescriptor, VR.US, entries, first, bits);
        return item;
    }
}
