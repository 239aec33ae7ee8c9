package org.pdistation.viewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.SharedData;
import org.pdistation.viewer.tools.Measure;
import org.pdistation.viewer.tools.RoiShape;
import org.pdistation.viewer.tools.RoiStatistics;
import org.pdistation.viewer.tools.MeasureTool;
import org.pdistation.viewer.view.FrameStages;
import org.pdistation.viewer.view.PresetStore;
import org.pdistation.viewer.view.Viewport;
import org.pdistation.viewer.view.ViewerPane;
import org.pdistation.viewer.view.WindowLevel;
import org.pdistation.viewer.view.WindowPreset;

/** Frame path and viewer-wide settings: no new overlay nodes per frame, stage timings, presets, tool and speed. */
@ExtendWith(ApplicationExtension.class)
class ViewerFrameTest {
    @TempDir
    static Path home;
    @TempDir
    static Path disc;

    private MainWindow window;

    @BeforeAll
    static void writeCtAndPresets() throws Exception {
        new SyntheticCtStudy(128, 20, 11).write(disc, 20);
        // The user's presets: a CT one first (key 1), and one for MR that CT images must not pick up.
        Files.createDirectories(home);
        PresetStore.in(home).save(List.of(new WindowPreset("Wide", 100, 3000, "CT"),
                new WindowPreset("T1", 500, 1000, "MR")));
    }

    @Start
    void start(Stage stage) {
        window = StationFixture.show(stage, home);
    }

    private Viewport openCt() throws Exception {
        StationFixture.openAndWait(window, disc);
        return window.viewer().viewports().get(0);
    }

    @Test
    void scrollingReusesTheOverlayLabelsAndCountsEveryStage(FxRobot robot) throws Exception {
        Viewport v = openCt();
        Label image = robot.lookup("#overlay-image").queryAs(Label.class);
        List<Node> corner = WaitForAsyncUtils.asyncFx(() -> List.copyOf(image.getParent().getChildrenUnmodifiable())).get();
        FrameStages stages = window.viewer().engine().stages();
        stages.reset();
        int shown = v.framesShownProperty().get();
        for (int i = 1; i <= 10; i++) {
            int k = i;
            WaitForAsyncUtils.asyncFx(() -> v.indexProperty().set(k)).get();
            StationFixture.waitFor(() -> v.framesShownProperty().get() > shown + k - 1);
        }
        StationFixture.waitFor(() -> image.getText().equals("Im: 11 / 20"));
        // The same label objects, in the same corner: a frame changes texts, never the scene graph.
        assertSame(image, robot.lookup("#overlay-image").queryAs(Label.class));
        assertEquals(corner, WaitForAsyncUtils.asyncFx(() -> List.copyOf(image.getParent().getChildrenUnmodifiable())).get());
        for (FrameStages.Stage s : FrameStages.Stage.values()) {
            FrameStages.Totals t = stages.totals(s);
            assertTrue(t.count() >= 1, s + " counted");
            assertTrue(t.wallNanos() >= 0 && t.cpuNanos() >= 0, s + " times");
        }
    }

    @Test
    void aNewSliceLaysOutTheOverlayButNotTheWindow(FxRobot robot) throws Exception {
        Viewport v = openCt();
        Label image = robot.lookup("#overlay-image").queryAs(Label.class);
        WaitForAsyncUtils.asyncFx(() -> v.indexProperty().set(1)).get();
        StationFixture.waitFor(() -> image.getText().equals("Im: 2 / 20"));
        WaitForAsyncUtils.waitForFxEvents();
        // Right after a frame changed the overlay's texts (same FX event, before the next pulse): which of the
        // viewport and its ancestors were asked for a layout pass.
        List<String> dirty = new java.util.concurrent.CopyOnWriteArrayList<>();
        int[] frames = new int[1];
        javafx.beans.value.ChangeListener<Number> l = (o, a, b) -> {
            frames[0]++;
            for (javafx.scene.Parent p = v; p != null; p = p.getParent()) {
                if (p.isNeedsLayout()) dirty.add(p.getClass().getSimpleName());
            }
        };
        WaitForAsyncUtils.asyncFx(() -> v.framesShownProperty().addListener(l)).get();
        for (int i = 2; i <= 6; i++) {
            int k = i;
            WaitForAsyncUtils.asyncFx(() -> v.indexProperty().set(k)).get();
            StationFixture.waitFor(() -> image.getText().equals("Im: " + (k + 1) + " / 20"));
        }
        WaitForAsyncUtils.asyncFx(() -> v.framesShownProperty().removeListener(l)).get();
        assertTrue(frames[0] >= 5, "frames seen: " + frames[0]);
        assertEquals(List.of(), dirty, "a changed overlay text must not lay out the viewport or the window");
    }

    @Test
    void digitKeysPickTheUsersPresetsOfTheImagesModality(FxRobot robot) throws Exception {
        Viewport v = openCt();
        assertEquals(List.of(new WindowPreset("Wide", 100, 3000, "CT")), v.presetsFor("CT"));
        WaitForAsyncUtils.asyncFx(() -> v.applyPreset(1)).get();
        assertEquals(new WindowLevel(100, 3000), v.windowProperty().get());
        WindowLevel before = v.windowProperty().get();
        WaitForAsyncUtils.asyncFx(() -> v.applyPreset(2)).get(); // MR's preset is not CT's second
        assertEquals(before, v.windowProperty().get());
    }

    @Test
    void aViewportMadeLaterGetsTheChosenToolAndEveryViewportTheCineSpeed(FxRobot robot) throws Exception {
        openCt();
        ViewerPane viewer = window.viewer();
        robot.clickOn("#tool-distance");
        WaitForAsyncUtils.asyncFx(() -> viewer.cineSpeedProperty().set(2.0)).get();
        WaitForAsyncUtils.asyncFx(() -> viewer.setLayout(ViewerPane.Layout.TWO_BY_TWO)).get();
        List<Viewport> all = viewer.viewports();
        assertEquals(4, all.size());
        for (Viewport v : all) {
            assertEquals(MeasureTool.DISTANCE, v.measures().toolProperty().get());
            assertEquals(2.0, v.cine().speedProperty().get());
        }
        WaitForAsyncUtils.asyncFx(() -> viewer.cineSpeedProperty().set(0.5)).get();
        for (Viewport v : all) assertEquals(0.5, v.cine().speedProperty().get());
    }

    @Test
    void roiOnAColourImageGivesLuminanceAndChannelMeans() throws Exception {
        StationFixture.openAndWait(window, SharedData.requireDicomFile("single/dcm4che/US-RGB-8-esopecho"));
        Viewport v = window.viewer().viewports().get(0);
        WaitForAsyncUtils.asyncFx(() -> v.measures().add(new Measure.Roi(0,
                new RoiShape(RoiShape.Kind.RECTANGLE, 40, 40, 80, 80), null))).get();
        StationFixture.waitFor(() -> v.measures().measures().get(0) instanceof Measure.Roi r && r.stats() != null);
        RoiStatistics s = ((Measure.Roi) v.measures().measures().get(0)).stats();
        assertEquals(1600, s.pixels());
        RoiStatistics.Rgb c = s.channels();
        // The mean of Y = 0.299 R + 0.587 G + 0.114 B is the same weighting of the channel means.
        assertEquals(0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue(), s.mean(), 1e-6);
        assertTrue(s.min() <= s.mean() && s.mean() <= s.max() && s.max() <= 255);
    }
}
