package org.pdistation.viewer.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.SharedData;
import org.pdistation.viewer.create.CreateDiscPane;
import org.pdistation.viewer.importer.ImportPane;
import org.pdistation.viewer.settings.SettingsPane;
import org.pdistation.viewer.view.CtPreset;
import org.pdistation.viewer.view.Viewport;

/** Saves PNGs of the station into target/screenshots so that a person can look at them. */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {
    static final Path OUT = Path.of("target", "screenshots");

    @TempDir
    static Path home;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = StationFixture.show(stage, home);
    }

    @Test
    void savesTheBrowserOfThePydicomFileSet() throws Exception {
        StationFixture.openAndWait(window, SharedData.require().resolve("dicomdata/dicomdir/pydicom-dicomdirtests"));
        save("browser.png");
    }

    @Test
    void savesTheViewerOnACtWithTheLungPreset(@TempDir Path disc) throws Exception {
        new SyntheticCtStudy(512, 40, 11).write(disc, 40);
        StationFixture.openAndWait(window, disc);
        Viewport v = window.viewer().viewports().get(0);
        int shown = v.framesShownProperty().get();
        WaitForAsyncUtils.asyncFx(() -> {
            v.indexProperty().set(20);
            v.applyPreset(CtPreset.LUNG.ordinal() + 1);
        }).get();
        StationFixture.waitFor(() -> v.framesShownProperty().get() > shown
                && CtPreset.LUNG.window().equals(v.windowProperty().get()));
        save("viewer-ct-lung.png");
    }

    @Test
    void savesTheCreateScreenWithItsPlan() throws Exception {
        StationFixture.openAndWait(window, SharedData.require().resolve("dicomdata/dicomdir/pydicom-dicomdirtests"));
        CreateDiscPane pane = StationFixture.fx(() -> window.screens().showCreate());
        StationFixture.fx(() -> {
            pane.isoPath().setText(home.resolve("disc.iso").toString());
            pane.preview();
            return null;
        });
        StationFixture.waitFor(60, () -> !pane.previewText().getText().isBlank());
        save(pane.getScene(), "create.png");
    }

    @Test
    void savesTheImportReview() throws Exception {
        Path set = SharedData.require().resolve("dicomdata/dicomdir/pydicom-dicomdirtests");
        ImportPane pane = StationFixture.fx(() -> window.screens().showImport(set));
        StationFixture.waitFor(60, () -> pane.tree().getRoot() != null);
        save(pane.getScene(), "import-review.png");
    }

    @Test
    void savesTheSettings() throws Exception {
        SettingsPane pane = StationFixture.fx(() -> window.screens().showSettings());
        save(pane.getScene(), "settings.png");
    }

    private void save(String name) throws Exception {
        save(window.getScene(), name);
    }

    private void save(javafx.scene.Scene scene, String name) throws Exception {
        Path png = OUT.resolve(name);
        WaitForAsyncUtils.asyncFx(() -> {
            Screenshot.save(scene, png);
            return null;
        }).get();
        assertTrue(Files.size(png) > 1000);
    }
}
