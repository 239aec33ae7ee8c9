package org.pdistation.viewer.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import org.pdistation.imaging.render.series.Measurement;

class RoiStatisticsTest {
    /** A 100 × 100 image whose value is the column index times 10 minus 1000 (like HU after rescale). */
    private static final RoiStatistics.Values RAMP = (c, r) -> c * 10 - 1000;

    @Test
    void rectangleStatisticsOfKnownValues() {
        // Columns 10..19, rows 20..29: values -900..-810 in steps of 10, ten rows each.
        RoiShape rect = new RoiShape(RoiShape.Kind.RECTANGLE, 10, 20, 20, 30);
        Measurement mm = new Measurement(Measurement.Basis.PATIENT, 0.5, 0.5, "mm");
        RoiStatistics s = RoiStatistics.of(rect, 100, 100, RAMP, mm);
        assertEquals(100, s.pixels());
        assertEquals(-855, s.mean(), 1e-9);
        assertEquals(-900, s.min());
        assertEquals(-810, s.max());
        assertEquals(Math.sqrt(825), s.sd(), 1e-9); // population SD of 0, 10, ..., 90
        assertEquals(25, s.area(), 1e-9); // 10 × 10 px of 0.5 × 0.5 mm
    }

    @Test
    void ellipseCountsPixelsWhoseCentresAreInside() {
        RoiShape e = new RoiShape(RoiShape.Kind.ELLIPSE, 40, 40, 60, 60); // circle of radius 10 px
        RoiStatistics s = RoiStatistics.of(e, 100, 100, (c, r) -> 7, new Measurement(Measurement.Basis.PIXELS, 1, 1, "px"));
        assertEquals(Math.PI * 100, s.pixels(), 12);
        assertEquals(7, s.mean(), 1e-12);
        assertEquals(0, s.sd(), 1e-12);
        assertEquals(Math.PI * 100, s.area(), 1e-9);
    }

    @Test
    void theOutsideOfTheImageIsIgnored() {
        RoiShape rect = new RoiShape(RoiShape.Kind.RECTANGLE, 95, -5, 110, 2);
        RoiStatistics s = RoiStatistics.of(rect, 100, 100, RAMP, null);
        assertEquals(10, s.pixels()); // columns 95..99, rows 0..1
    }

    @Test
    void colourRegionGivesLuminanceAndChannelMeans() {
        // Left half pure red, right half pure blue; a 10 × 10 square across the middle is half of each.
        RoiStatistics.Values rgb = (c, r) -> c < 50 ? 0xFF0000 : 0x0000FF;
        RoiStatistics s = RoiStatistics.ofRgb(new RoiShape(RoiShape.Kind.RECTANGLE, 45, 0, 55, 10), 100, 100, rgb, null);
        assertEquals(100, s.pixels());
        assertEquals(127.5, s.channels().red(), 1e-9);
        assertEquals(0, s.channels().green(), 1e-9);
        assertEquals(127.5, s.channels().blue(), 1e-9);
        assertEquals(0.114 * 255, s.min(), 1e-9); // blue's luminance
        assertEquals(0.299 * 255, s.max(), 1e-9); // red's luminance
        assertEquals((0.299 + 0.114) * 255 / 2, s.mean(), 1e-9);
    }

    @Test
    void greyscaleRegionHasNoChannels() {
        assertEquals(null, RoiStatistics.of(new RoiShape(RoiShape.Kind.RECTANGLE, 0, 0, 4, 4), 100, 100, RAMP, null)
                .channels());
    }
}
