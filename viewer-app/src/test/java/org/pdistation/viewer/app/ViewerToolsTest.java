package org.pdistation.viewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.pdistation.imaging.render.series.Measurement;
import org.pdistation.imaging.testing.SharedData;
import org.pdistation.viewer.tools.Measure;
import org.pdistation.viewer.tools.MeasureFormat;
import org.pdistation.viewer.tools.MeasureTool;
import org.pdistation.viewer.tools.RoiShape;
import org.pdistation.viewer.view.ViewExport;
import org.pdistation.viewer.view.Viewport;

@ExtendWith(ApplicationExtension.class)
class ViewerToolsTest {
    @TempDir
    static Path home;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = StationFixture.show(stage, home);
    }

    private Viewport open(String relative) throws Exception {
        StationFixture.openAndWait(window, SharedData.requireDicomFile(relative));
        Viewport v = window.viewer().viewports().get(0);
        assertNotNull(v.image(), relative + " is drawn");
        return v;
    }

    @Test
    void cinePlaysAMultiFrameFileAtItsFrameTime() throws Exception {
        Viewport v = open("multiframe/dcm4che/US-PAL-8-10x-echo"); // 10 frames, Frame Time 76 ms
        assertEquals(10, v.countProperty().get());
        assertEquals(1000 / 76.0, v.cine().recordedFramesPerSecond(), 1e-6);
        int shown = v.framesShownProperty().get();
        WaitForAsyncUtils.asyncFx(() -> v.cine().play()).get();
        StationFixture.waitFor(() -> v.indexProperty().get() >= 3 && v.framesShownProperty().get() >= shown + 3);
        WaitForAsyncUtils.asyncFx(() -> v.cine().pause()).get();
        assertFalse(v.cine().playingProperty().get());
        assertTrue(v.cine().requestedFrames() >= 3);
    }

    @Test
    void distanceIsMeasuredInMillimetresFromPixelSpacing(FxRobot robot) throws Exception {
        Viewport v = open("single/pydicom/CT_small.dcm"); // 128², Pixel Spacing 0.661468 mm
        Measurement m = v.measurement();
        assertEquals(Measurement.Basis.PATIENT, m.basis());
        assertEquals(0.661468, m.columnSpacing(), 1e-9);
        WaitForAsyncUtils.asyncFx(() -> v.measures().toolProperty().set(MeasureTool.DISTANCE)).get();
        Bounds b = v.localToScreen(v.getBoundsInLocal());
        Point2D from = new Point2D(b.getCenterX() - 100, b.getCenterY());
        robot.moveTo(from).press(MouseButton.PRIMARY).moveBy(100, 0).moveBy(100, 0).release(MouseButton.PRIMARY);
        StationFixture.waitFor(() -> v.measures().measures().size() == 1);
        Measure.Distance d = (Measure.Distance) v.measures().measures().get(0);
        double px = d.a().distance(d.b());
        double expectedMm = px * 0.661468;
        // 200 screen pixels at the fit zoom are 200 / zoom image pixels.
        double zoom = v.zoomProperty().get();
        assertTrue(px > 10, "dragged " + px + " image pixels");
        String text = WaitForAsyncUtils.asyncFx(() -> v.measures().text(d)).get();
        assertEquals(String.format(java.util.Locale.ENGLISH, "%.1f mm", expectedMm), text);
        assertEquals(expectedMm, MeasureFormat.length(d.a(), d.b(), m), 1e-9);
        // The measurement stays on the same image points when zoomed.
        WaitForAsyncUtils.asyncFx(() -> v.zoomProperty().set(3)).get();
        assertEquals(d, v.measures().measures().get(0));
        assertTrue(Double.isNaN(zoom) || zoom > 0);
    }

    @Test
    void roiStatisticsAreInHounsfieldUnits() throws Exception {
        Viewport v = open("single/pydicom/CT_small.dcm"); // Rescale Intercept -1024
        WaitForAsyncUtils.asyncFx(() -> v.measures().add(new Measure.Roi(0,
                new RoiShape(RoiShape.Kind.RECTANGLE, 0, 0, 4, 4), null))).get();
        StationFixture.waitFor(() -> v.measures().measures().get(0) instanceof Measure.Roi r && r.stats() != null);
        Measure.Roi r = (Measure.Roi) v.measures().measures().get(0);
        assertEquals(16, r.stats().pixels());
        // Area: 4 × 4 pixels of 0.661468² mm².
        assertEquals(16 * 0.661468 * 0.661468, r.stats().area(), 1e-9);
        assertTrue(r.stats().min() <= r.stats().mean() && r.stats().mean() <= r.stats().max());
    }

    @Test
    void rotatingMovesTheOrientationMarkersAndTheScaleBarFollowsZoom() throws Exception {
        Viewport v = open("single/pydicom/CT_small.dcm");
        String[] before = WaitForAsyncUtils.asyncFx(v::orientationMarkers).get();
        WaitForAsyncUtils.asyncFx(v::rotateRight).get();
        WaitForAsyncUtils.waitForFxEvents();
        String[] after = WaitForAsyncUtils.asyncFx(v::orientationMarkers).get();
        assertEquals(before[3], after[0], List.of(before) + " -> " + List.of(after)); // left edge went to the top
        double bar = v.scaleBarMillimetres();
        assertFalse(Double.isNaN(bar));
        WaitForAsyncUtils.asyncFx(() -> v.zoomProperty().set(20)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(v.scaleBarMillimetres() < bar, bar + " -> " + v.scaleBarMillimetres());
    }

    @Test
    void exportWritesTheViewportWithItsOverlaysAsPngAndJpeg(@TempDir Path out) throws Exception {
        Viewport v = open("single/pydicom/CT_small.dcm");
        var snap = WaitForAsyncUtils.asyncFx(() -> ViewExport.snapshot(v)).get();
        assertEquals((int) Math.ceil(v.getWidth()), snap.width());
        Path png = out.resolve("view.png");
        Path jpg = out.resolve("view.jpg");
        ViewExport.write(snap, png, ViewExport.formatOf(png));
        ViewExport.write(snap, jpg, ViewExport.formatOf(jpg));
        byte[] p = java.nio.file.Files.readAllBytes(png);
        byte[] j = java.nio.file.Files.readAllBytes(jpg);
        assertEquals((byte) 0x89, p[0]);
        assertEquals('P', p[1]);
        assertEquals((byte) 0xFF, j[0]);
        assertEquals((byte) 0xD8, j[1]);
        var img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(snap.width(), img.getWidth());
        assertEquals(snap.height(), img.getHeight());
    }

    @Test
    void seriesPerViewportShowsEverySeriesOfTheFileSet() throws Exception {
        StationFixture.openAndWait(window, SharedData.require().resolve("dicomdata/dicomdir/pydicom-dicomdirtests"));
        WaitForAsyncUtils.asyncFx(() -> window.viewer().showSeriesPerViewport()).get();
        WaitForAsyncUtils.waitForFxEvents();
        // 13 series in the squarest grid that holds them: 4 × 4, each series in a viewport of its own.
        assertEquals(16, window.viewer().viewports().size());
        assertEquals(13, window.viewer().viewports().stream().map(Viewport::series)
                .filter(java.util.Objects::nonNull).distinct().count());
    }
}
