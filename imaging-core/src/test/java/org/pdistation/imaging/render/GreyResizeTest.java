package org.pdistation.imaging.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class GreyResizeTest {
    @Test
    void fitKeepsTheAspectRatio() {
        assertArrayEquals(new int[] {100, 50}, GreyResize.fit(256, 128, 100, 100));
        assertArrayEquals(new int[] {20, 40}, GreyResize.fit(64, 128, 50, 40));
    }

    @Test
    void areaDownscaleAveragesTheCoveredPixels() {
        byte[] src = {0, 100, (byte) 200, 40, 20, 60, 10, 30};   // 4 × 2
        byte[] half = GreyResize.resize(src, 4, 2, 2, 1);
        assertArrayEquals(new byte[] {(byte) 45, (byte) 70}, half); // (0+100+20+60)/4, (200+40+10+30)/4
    }

    @Test
    void bilinearUpscaleInterpolatesBetweenCentres() {
        byte[] src = {0, (byte) 200};                               // 2 × 1
        byte[] up = GreyResize.resize(src, 2, 1, 4, 1);
        // destination centres at source x −0.25 (clamped 0), 0.25, 0.75, 1.25 (clamped 1)
        assertArrayEquals(new byte[] {0, 50, (byte) 150, (byte) 200}, up);
    }
}
