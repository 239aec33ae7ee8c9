package org.pdistation.viewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.viewer.settings.PresetSettings;
import org.pdistation.viewer.view.PresetStore;
import org.pdistation.viewer.view.Viewport;
import org.pdistation.viewer.view.WindowLevel;
import org.pdistation.viewer.view.WindowPreset;

/** Window presets edited in the settings screen reach the Window menu and the digit keys at once. */
@ExtendWith(ApplicationExtension.class)
class PresetSettingsTest {
    @TempDir
    Path home;
    @TempDir
    static Path disc;

    private MainWindow window;

    @BeforeAll
    static void writeCt() throws Exception {
        new SyntheticCtStudy(64, 4, 5).write(disc, 4);
    }

    @Start
    void start(Stage stage) {
        window = StationFixture.show(stage, home);
    }

    @Test
    void aPresetAddedInSettingsIsInTheWindowMenuAndOnItsDigitKey(FxRobot robot) throws Exception {
        StationFixture.openAndWait(window, disc);
        Viewport v = window.viewer().viewports().get(0);
        PresetSettings section = StationFixture.fx(() -> {
            window.screens().showSettings();
            PresetSettings s = window.screens().presetSettings();
            s.list().getSelectionModel().clearSelection();
            s.nameField().setText("Temporal bone");
            s.centreField().setText("700");
            s.widthField().setText("4000");
            s.modalityField().setText("ct");
            assertTrue(s.add(), () -> s.status().getText());
            return s;
        });
        assertEquals(9, section.presets().size(), "the eight CT defaults and the new one");
        // Saved in presets.properties beside the recent list, readable by the owner only.
        Path file = home.resolve(PresetStore.FILE);
        assertEquals(new WindowPreset("Temporal bone", 700, 4000, "CT"), PresetStore.in(home).load().get(8));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        List<String> menu = StationFixture.fx(() -> window.windowMenu().getItems().stream().map(MenuItem::getText)
                .toList());
        assertTrue(menu.contains("CT Temporal bone  (700 / 4000)  [9]"), menu::toString);
        // Digit key 9 on the open CT applies it (the ninth CT preset); the settings window closed first, so the
        // click reaches the viewport.
        StationFixture.fx(() -> {
            section.getScene().getWindow().hide();
            return null;
        });
        robot.clickOn(v).type(KeyCode.DIGIT9);
        StationFixture.waitFor(() -> new WindowLevel(700, 4000).equals(v.windowProperty().get()));
    }

    @Test
    void movingAndRemovingReorderTheDigitKeysAndRestoreBringsTheDefaultsBack() throws Exception {
        PresetSettings s = StationFixture.fx(() -> {
            window.screens().showSettings();
            return window.screens().presetSettings();
        });
        StationFixture.fx(() -> {
            s.list().getSelectionModel().select(1); // subdural
            assertTrue(s.move(-1));
            s.list().getSelectionModel().select(7);
            assertTrue(s.remove());
            return null;
        });
        List<WindowPreset> saved = PresetStore.in(home).load();
        assertEquals(7, saved.size());
        assertEquals("preset.subdural", saved.get(0).name(), "an unchanged built-in name stays a message key");
        assertEquals(saved, window.viewer().presets());
        StationFixture.fx(s::restore);
        assertEquals(PresetStore.defaults(), PresetStore.in(home).load());
        assertEquals(PresetStore.defaults(), window.viewer().presets());
    }

    @Test
    void aFormThatIsNotANumberIsRefusedWithTheReason() throws Exception {
        PresetSettings s = StationFixture.fx(() -> {
            window.screens().showSettings();
            PresetSettings p = window.screens().presetSettings();
            p.nameField().setText("Bad");
            p.centreField().setText("forty");
            p.widthField().setText("400");
            assertFalse(p.add());
            return p;
        });
        assertEquals("Not saved: Centre \"forty\"", StationFixture.fx(() -> s.status().getText()));
        assertFalse(Files.exists(home.resolve(PresetStore.FILE)));
    }
}
