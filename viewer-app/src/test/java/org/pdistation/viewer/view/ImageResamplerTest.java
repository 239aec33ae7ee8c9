package org.pdistation.viewer.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.IntBuffer;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The separable resampler against the plain definition, pixel by pixel: map each output pixel's centre into the
 * image, blend the four nearest pixel centres with weights in 1/256, round once; black off the image.
 */
class ImageResamplerTest {
    private static final List<ViewOrientation> TURNS = List.of(ViewOrientation.IDENTITY,
            ViewOrientation.IDENTITY.rotateRight(), ViewOrientation.IDENTITY.rotateLeft().flipHorizontal(),
            ViewOrientation.IDENTITY.flipVertical());

    @Test
    void greyImagesMatchTheFourNeighbourBlendAtEveryZoomTurnAndPan() {
        int[] img = image(61, 47, false, 1);
        assertSame(img, 61, 47);
    }

    @Test
    void colourImagesAndColourLinesAmongGreyOnesMatchToo() {
        assertSame(image(40, 33, true, 2), 40, 33);
        int[] mixed = image(40, 33, false, 3);
        Random r = new Random(9);
        for (int y = 10; y < 14; y++) for (int x = 0; x < 40; x++) mixed[y * 40 + x] = 0xFF000000 | r.nextInt(1 << 24);
        for (int y = 0; y < 33; y++) mixed[y * 40 + 20] = 0xFF3060A0; // one colour column
        assertSame(mixed, 40, 33);
    }

    private static void assertSame(int[] img, int cols, int rows) {
        ImageResampler resampler = new ImageResampler(); // one instance throughout: scratch reused between sizes
        long exact = 0, all = 0;
        for (ViewOrientation o : TURNS) {
            for (double zoom : new double[] {0.6, 1, 2.7, 3.3, Double.NaN}) {
                for (double aspect : new double[] {1, 1.5}) {
                    for (double[] pan : new double[][] {{0, 0}, {-70.3, 25.6}}) {
                        for (double ppu : new double[] {1, 1.25}) {
                            ViewGeometry g = ViewGeometry.of(cols, rows, aspect, 150, 120, zoom, pan[0], pan[1], o);
                            int[] a = g.visibleArea(ppu);
                            ScaledArea area = new ScaledArea(g, ppu, a[0], a[1], a[2], a[3]);
                            if (area.isEmpty()) continue;
                            IntBuffer out = IntBuffer.allocate(a[2] * a[3] + 7);
                            resampler.resample(img, area, out);
                            for (int j = 0; j < a[3]; j++) {
                                for (int i = 0; i < a[2]; i++) {
                                    int want = reference(img, area, i, j);
                                    if (want == EDGE) continue;
                                    int got = out.get(j * a[2] + i);
                                    String at = o + " zoom " + zoom + " aspect " + aspect + " ppu " + ppu + " pixel " + i + "," + j;
                                    assertEquals(want >>> 24, got >>> 24, at);
                                    for (int sh = 0; sh <= 16; sh += 8) {
                                        assertTrue(Math.abs((want >> sh & 0xFF) - (got >> sh & 0xFF)) <= 1,
                                                at + ": " + Integer.toHexString(want) + " vs " + Integer.toHexString(got));
                                    }
                                    all++;
                                    if (want == got) exact++;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertTrue(all > 100_000, "compared " + all);
        assertTrue(exact >= all * 0.999, exact + " of " + all + " exact");
    }

    /** An output pixel centred on the image's edge to within rounding: either side is right. */
    private static final int EDGE = 0x00BADBAD;

    /** The definition, straight: no tables, no separation. */
    private static int reference(int[] img, ScaledArea area, int i, int j) {
        ViewGeometry g = area.geometry();
        double unit = 1 / area.pixelsPerUnit();
        double[] p = g.toImage((area.x() + i + 0.5) * unit, (area.y() + j + 0.5) * unit);
        int cols = g.columns(), rows = g.rows();
        if (nearEdge(p[0], cols) || nearEdge(p[1], rows)) return EDGE;
        if (!(p[0] >= 0 && p[0] < cols && p[1] >= 0 && p[1] < rows)) return 0xFF000000;
        int[] x = neighbours(p[0], cols), y = neighbours(p[1], rows);
        int a = img[y[0] * cols + x[0]], b = img[y[0] * cols + x[1]], c = img[y[1] * cols + x[0]], d = img[y[1] * cols + x[1]];
        int out = 0xFF000000;
        for (int sh = 0; sh <= 16; sh += 8) {
            long v = (long) (a >> sh & 0xFF) * (256 - x[2]) * (256 - y[2]) + (long) (b >> sh & 0xFF) * x[2] * (256 - y[2])
                    + (long) (c >> sh & 0xFF) * (256 - x[2]) * y[2] + (long) (d >> sh & 0xFF) * x[2] * y[2];
            out |= (int) ((v + 32768) >>> 16) << sh;
        }
        return out;
    }

    private static boolean nearEdge(double c, int size) {
        return Math.abs(c) < 1e-9 || Math.abs(c - size) < 1e-9;
    }

    /** {lower index, upper index, weight of the upper in 1/256} along an axis of {@code size} pixels. */
    private static int[] neighbours(double coord, int size) {
        double s = coord - 0.5;
        int i0 = (int) Math.floor(s);
        int w = (int) Math.round((s - i0) * 256);
        if (w == 256) {
            i0++;
            w = 0;
        }
        return new int[] {Math.max(0, Math.min(size - 1, i0)), Math.max(0, Math.min(size - 1, i0 + 1)), w};
    }

    /** Smooth shapes, flat areas and noise; grey (R = G = B) unless {@code colour}. */
    private static int[] image(int cols, int rows, boolean colour, long seed) {
        Random r = new Random(seed);
        int[] img = new int[cols * rows];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                int v = x < cols / 3 ? 0 : (x * 7 + y * 3 + r.nextInt(40)) & 0xFF;
                img[y * cols + x] = colour ? 0xFF000000 | v << 16 | (255 - v) << 8 | r.nextInt(256) : 0xFF000000 | v * 0x010101;
            }
        }
        return img;
    }
}
