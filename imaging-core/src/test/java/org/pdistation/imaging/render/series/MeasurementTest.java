package org.pdistation.imaging.render.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class MeasurementTest {
    private static SliceInfo image(double[] pixelSpacing, double[] imager, String calibration) {
        return new SliceInfo(new InstanceRef(Path.of("x"), 0), "1", null, null, 1, null, null, null, null, null,
                null, null, pixelSpacing, imager, calibration, null, null, 100, 100);
    }

    @Test
    void crossSectionalPixelSpacingMeasuresInThePatient() {
        Measurement m = image(new double[] {0.5, 0.25}, null, null).measurement();
        assertEquals(Measurement.Basis.PATIENT, m.basis());
        assertFalse(m.atDetectorPlane());
        assertEquals("mm", m.label());
        // 10 rows down = 5 mm, 40 columns across = 10 mm.
        assertEquals(Math.hypot(5, 10), m.distance(0, 0, 10, 40), 1e-9);
        assertEquals("11.2 mm", m.format(m.distance(0, 0, 10, 40)));
    }

    @Test
    void imagerPixelSpacingAloneMeasuresAtTheDetectorWithAWarning() {
        Measurement m = image(null, new double[] {0.143, 0.143}, null).measurement();
        assertEquals(Measurement.Basis.DETECTOR, m.basis());
        assertTrue(m.atDetectorPlane());
        assertEquals(0.143, m.rowSpacing(), 1e-12);
        assertEquals("mm at detector plane, not corrected for magnification", m.label());
        assertEquals("14.3 mm (detector)", m.format(14.3));
    }

    @Test
    void pixelSpacingEqualToImagerPixelSpacingIsNotCorrected() {
        // PS3.3 10.7.1.1: the same values mean no magnification correction was made.
        Measurement m = image(new double[] {0.2, 0.2}, new double[] {0.2, 0.2}, null).measurement();
        assertEquals(Measurement.Basis.DETECTOR, m.basis());
    }

    @Test
    void pixelSpacingDifferentFromImagerPixelSpacingIsCalibrated() {
        Measurement m = image(new double[] {0.18, 0.18}, new double[] {0.2, 0.2}, null).measurement();
        assertEquals(Measurement.Basis.CALIBRATED, m.basis());
        assertEquals(0.18, m.columnSpacing(), 1e-12);
        assertTrue(m.label().contains("corrected for magnification"));
    }

    @Test
    void calibrationTypeFiducialIsSaidInTheLabel() {
        Measurement m = image(new double[] {0.2, 0.2}, new double[] {0.2, 0.2}, "FIDUCIAL").measurement();
        assertEquals(Measurement.Basis.CALIBRATED, m.basis());
        assertTrue(m.label().contains("fiducial"), m.label());
    }

    @Test
    void noSpacingOrZeroSpacingMeasuresInPixels() {
        assertEquals(Measurement.Basis.PIXELS, image(null, null, null).measurement().basis());
        Measurement zero = image(new double[] {0, 0}, null, null).measurement();
        assertEquals(Measurement.Basis.PIXELS, zero.basis());
        assertFalse(zero.isMillimetres());
        assertEquals("pixels (no pixel spacing)", zero.label());
        assertEquals("50 px", zero.format(zero.distance(0, 0, 30, 40)));
    }
}
