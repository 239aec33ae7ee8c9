package org.pdistation.viewer.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.TreeItem;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;

import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.SharedData;
import org.pdistation.viewer.browser.BrowserRow;
import org.pdistation.viewer.create.CreateDiscPane;
import org.pdistation.viewer.create.StudyChoice;
import org.pdistation.viewer.importer.ImportPane;
import org.pdistation.viewer.importer.ReviewNode;
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
        List<BrowserRow> rows = new ArrayList<>();
        collect(window.browser().tree().getRoot(), rows);
        // The DICOMDIR's series records have no Series Description; the browser fills it from the header.
        assertTrue(rows.stream().anyMatch(r -> r.name().equals("Series 1 · Cervical LAT")), () -> names(rows));
        assertTrue(rows.stream().anyMatch(r -> r.name().equals("Series 2 · Routine Brain")), () -> names(rows));
        // The CT brain series' middle slice lies outside its header window (C 30, W 100): the thumbnail still shows
        // the image rather than a white square.
        BrowserRow ct = rows.stream().filter(r -> r.name().endsWith("Routine Brain")).findFirst().orElseThrow();
        assertFalse(uniform(window.browser().thumbnail(ct.series())), "CT thumbnail is one flat colour");
        for (BrowserRow r : rows) {
            if (r.series() != null && window.browser().thumbnail(r.series()) != null) {
                assertFalse(uniform(window.browser().thumbnail(r.series())), r.name());
            }
        }
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
        List<String> labels = pane.studies().stream().map(StudyChoice::label).toList();
        assertTrue(labels.contains("Doe Peter · 2001-01-01 · (no study description) · CT · 7 images"),
                String.join("\n", labels));
        assertTrue(labels.stream().noneMatch(l -> l.contains("1.3.6.1.4.1")), String.join("\n", labels));
        assertTrue(pane.previewText().getText().matches("(?s)1 CD, 31 images, \\d+\\.\\d MB; nothing to convert.*"),
                pane.previewText().getText());
        assertFalse(pane.createButton().isDisabled());
    }

    @Test
    void savesTheImportReview() throws Exception {
        Path set = SharedData.require().resolve("dicomdata/dicomdir/pydicom-dicomdirtests");
        ImportPane pane = StationFixture.fx(() -> window.screens().showImport(set));
        StationFixture.waitFor(60, () -> pane.tree().getRoot() != null);
        save(pane.getScene(), "import-review.png");
        // Files the DICOMDIR does not list are imported (the files are trusted): the words say so.
        String summary = pane.reviewSummary().getText();
        assertTrue(summary.contains("with a warning"), summary);
        List<String> lines = new ArrayList<>();
        collectReview(pane.tree().getRoot(), lines);
        assertTrue(lines.stream().anyMatch(l -> l.endsWith(" — imported (not listed in the DICOMDIR)")),
                String.join("\n", lines));
        // The end of the tree: the files that cannot be imported, in red with their reason.
        StationFixture.fx(() -> {
            pane.tree().scrollTo(pane.tree().getExpandedItemCount() - 1);
            return null;
        });
        save(pane.getScene(), "import-review-end.png");
        assertTrue(lines.stream().anyMatch(l -> l.contains("cannot be imported: ")), String.join("\n", lines));
        // A blocked file names only what blocks it (red), not the warnings that would not have stopped it.
        assertTrue(lines.stream().filter(l -> l.contains("cannot be imported:"))
                .noneMatch(l -> l.contains("not listed in the DICOMDIR")), String.join("\n", lines));
    }

    @Test
    void savesTheSettings() throws Exception {
        SettingsPane pane = StationFixture.fx(() -> window.screens().showSettings());
        save(pane.getScene(), "settings.png");
    }

    private void save(String name) throws Exception {
        save(window.getScene(), name);
    }

    private static void collect(TreeItem<BrowserRow> item, List<BrowserRow> out) {
        if (item.getValue() != null) out.add(item.getValue());
        for (TreeItem<BrowserRow> c : item.getChildren()) collect(c, out);
    }

    private static void collectReview(TreeItem<ReviewNode> item, List<String> out) {
        if (item.getValue() != null) out.add(item.getValue().text());
        for (TreeItem<ReviewNode> c : item.getChildren()) collectReview(c, out);
    }

    private static String names(List<BrowserRow> rows) {
        return String.join("\n", rows.stream().map(BrowserRow::name).toList());
    }

    /** True when every pixel of {@code img} has the same colour. */
    static boolean uniform(Image img) {
        PixelReader px = img.getPixelReader();
        int first = px.getArgb(0, 0);
        for (int y = 0; y < (int) img.getHeight(); y++) {
            for (int x = 0; x < (int) img.getWidth(); x++) {
                if (px.getArgb(x, y) != first) return false;
            }
        }
        return true;
    }

    static void save(javafx.scene.Scene scene, String name) throws Exception {
        Path png = OUT.resolve(name);
        WaitForAsyncUtils.asyncFx(() -> {
            Screenshot.save(scene, png);
            return null;
        }).get();
        assertTrue(Files.size(png) > 1000);
    }
}
