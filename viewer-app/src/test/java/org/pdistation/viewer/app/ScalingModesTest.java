package org.pdistation.viewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.viewer.view.ScalingMode;
import org.pdistation.viewer.view.ViewExport;
import org.pdistation.viewer.view.ViewGeometry;
import org.pdistation.viewer.view.Viewport;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Our own scaling (used when Prism renders in software) must show what Prism's scaling shows: the same pixels at
 * 1:1 and the same picture in the same place when zoomed, turned and flipped.
 */
@ExtendWith(ApplicationExtension.class)
class ScalingModesTest {
    @TempDir
    static Path home;
    @TempDir
    static Path disc;

    private MainWindow window;

    @BeforeAll
    static void writeCt() throws Exception {
        new SyntheticCtStudy(128, 4, 11).write(disc, 4);
    }

    @Start
    void start(Stage stage) {
        window = StationFixture.show(stage, home);
    }

    private Viewport open() throws Exception {
        StationFixture.openAndWait(window, disc);
        return window.viewer().viewports().get(0);
    }

    @Test
    void atActualSizeBothModesShowTheSamePixelsWithinOneGreyLevel() throws Exception {
        Viewport v = open();
        StationFixture.fx(() -> { v.zoomProperty().set(1); return null; });
        int[][] prism = view(v, ScalingMode.PRISM);
        int[][] own = view(v, ScalingMode.OWN);
        Diff d = compare(prism, own, region(v));
        assertTrue(d.pixels > 10_000, "compared " + d.pixels + " pixels");
        assertTrue(d.max <= 1, "largest difference " + d.max + " grey levels");
    }

    @Test
    void zoomedTurnedAndFlippedBothModesPutThePictureInTheSamePlace() throws Exception {
        Viewport v = open();
        StationFixture.fx(() -> {
            v.zoomProperty().set(2.7);
            v.rotateRight();
            v.flipHorizontal();
            return null;
        });
        int[][] prism = view(v, ScalingMode.PRISM);
        int[][] own = view(v, ScalingMode.OWN);
        Diff d = compare(prism, own, region(v));
        // Both blend the same four neighbours; a picture shifted by even half a pixel would differ along every
        // edge of the phantom by tens of levels.
        assertTrue(d.pixels > 50_000, "compared " + d.pixels + " pixels");
        assertTrue(d.mean < 0.6, "mean difference " + d.mean);
        assertTrue(d.over8 < d.pixels / 500, d.over8 + " of " + d.pixels + " pixels differ by more than 8 levels");
        // The tools' mapping is the same geometry in both modes: a round trip lands on the same image point.
        ViewGeometry g = StationFixture.fx(v::geometry);
        double[] p = g.toImage(g.toLayer(17.25, 90.5)[0], g.toLayer(17.25, 90.5)[1]);
        assertEquals(17.25, p[0], 1e-9);
        assertEquals(90.5, p[1], 1e-9);
    }

    /** The viewport's pixels as grey levels [y][x], once a frame drawn in {@code mode} is on screen. */
    private static int[][] view(Viewport v, ScalingMode mode) throws Exception {
        int before = StationFixture.fx(() -> v.framesShownProperty().get());
        StationFixture.fx(() -> { v.setScaling(mode); return null; });
        StationFixture.waitFor(() -> v.framesShownProperty().get() > before && v.scaling() == mode);
        // A frame asked for before the switch may have been the one counted: let the last one land.
        Thread.sleep(300);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        ViewExport.Snapshot s = StationFixture.fx(() -> ViewExport.snapshot(v));
        int[][] grey = new int[s.height()][s.width()];
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) grey[y][x] = s.argb()[y * s.width() + x] >> 8 & 0xFF;
        }
        return grey;
    }

    /** The image's box on screen, less a margin at its edges and away from the overlay texts: {x0, y0, x1, y1}. */
    private static int[] region(Viewport v) throws Exception {
        ViewGeometry g = StationFixture.fx(v::geometry);
        double w = StationFixture.fx(v::getWidth), h = StationFixture.fx(v::getHeight);
        int x0 = (int) Math.max(60, Math.ceil(g.boxX()) + 3), y0 = (int) Math.max(80, Math.ceil(g.boxY()) + 3);
        int x1 = (int) Math.min(w - 60, Math.floor(g.boxX() + g.boxWidth()) - 3);
        int y1 = (int) Math.min(h - 110, Math.floor(g.boxY() + g.boxHeight()) - 3);
        return new int[] {x0, y0, x1, y1};
    }

    private record Diff(long pixels, int max, double mean, long over8) {}

    private static Diff compare(int[][] a, int[][] b, int[] r) {
        long n = 0, sum = 0, over = 0;
        int max = 0;
        for (int y = r[1]; y < r[3]; y++) {
            for (int x = r[0]; x < r[2]; x++) {
                int d = Math.abs(a[y][x] - b[y][x]);
                n++;
                sum += d;
                max = Math.max(max, d);
                if (d > 8) over++;
            }
        }
        return new Diff(n, max, n == 0 ? 0 : (double) sum / n, over);
    }
}
