package org.pdistation.viewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import javafx.event.Event;
import javafx.scene.input.ScrollEvent;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
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
import org.pdistation.viewer.view.CtPreset;
import org.pdistation.viewer.view.Viewport;
import org.pdistation.viewer.view.WindowLevel;

@ExtendWith(ApplicationExtension.class)
class ViewportTest {
    @TempDir
    static Path home;
    @TempDir
    static Path disc;

    private MainWindow window;

    @BeforeAll
    static void writeCt() throws Exception {
        // A 20-slice CT phantom, 128², written as a folder without DICOMDIR (opened by scanning).
        new SyntheticCtStudy(128, 20, 7).write(disc, 20);
    }

    @Start
    void start(Stage stage) {
        window = StationFixture.show(stage, home);
    }

    private Viewport openCt() throws Exception {
        StationFixture.openAndWait(window, disc);
        Viewport v = window.viewer().viewports().get(0);
        assertEquals(20, v.countProperty().get());
        assertNotNull(v.image());
        return v;
    }

    @Test
    void wheelAndKeysScrollTheSlices(FxRobot robot) throws Exception {
        Viewport v = openCt();
        assertEquals(0, v.indexProperty().get());
        // Monocle's headless robot does not deliver mouse-wheel events, so the test fires the ScrollEvent a wheel
        // turn towards the user produces (negative deltaY), three notches.
        for (int i = 0; i < 3; i++) WaitForAsyncUtils.asyncFx(() -> Event.fireEvent(v, wheel(-40))).get();
        StationFixture.waitFor(() -> v.indexProperty().get() == 3);
        robot.clickOn(v).type(KeyCode.PAGE_DOWN);
        StationFixture.waitFor(() -> v.indexProperty().get() == 13);
        robot.type(KeyCode.UP);
        StationFixture.waitFor(() -> v.indexProperty().get() == 12);
        // The overlay follows the drawn slice.
        StationFixture.waitFor(() -> robot.lookup("#overlay-image").queryLabeled().getText().equals("Im: 13 / 20"));
    }

    @Test
    void leftDragChangesTheWindowAndThePixels(FxRobot robot) throws Exception {
        Viewport v = openCt();
        WindowLevel before = v.windowProperty().get();
        assertNotNull(before, "the header's window is adopted");
        String overlayBefore = robot.lookup("#overlay-window").queryLabeled().getText();
        int[] pixelsBefore = pixels(v.image());
        int shown = v.framesShownProperty().get();
        robot.drag(v, MouseButton.PRIMARY).moveBy(80, 60).release(MouseButton.PRIMARY);
        StationFixture.waitFor(() -> v.framesShownProperty().get() > shown
                && !robot.lookup("#overlay-window").queryLabeled().getText().equals(overlayBefore));
        WindowLevel after = v.windowProperty().get();
        assertTrue(after.width() > before.width(), before + " -> " + after);
        assertTrue(after.centre() > before.centre(), before + " -> " + after);
        int[] pixelsAfter = WaitForAsyncUtils.asyncFx(() -> pixels(v.image())).get();
        assertNotEquals(java.util.Arrays.hashCode(pixelsBefore), java.util.Arrays.hashCode(pixelsAfter));
    }

    @Test
    void ctPresetKeysSetTheLungWindow(FxRobot robot) throws Exception {
        Viewport v = openCt();
        robot.clickOn(v).type(KeyCode.DIGIT4);
        StationFixture.waitFor(() -> CtPreset.LUNG.window().equals(v.windowProperty().get()));
        StationFixture.waitFor(() -> robot.lookup("#overlay-window").queryLabeled().getText().equals("W: 1,500  C: -600"));
    }

    private static ScrollEvent wheel(double deltaY) {
        return new ScrollEvent(ScrollEvent.SCROLL, 100, 100, 100, 100, false, false, false, false, false, false,
                0, deltaY, 0, deltaY, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null);
    }

    private static int[] pixels(WritableImage img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] out = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), out, 0, w);
        return out;
    }
}
