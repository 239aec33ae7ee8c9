package org.pdistation.viewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.TreeItem;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.pdistation.importer.journal.InstanceState;
import org.pdistation.imaging.testing.OrthancPeer;
import org.pdistation.imaging.testing.SharedData;
import org.pdistation.viewer.importer.ImportPane;
import org.pdistation.viewer.importer.ReviewNode;
import org.pdistation.viewer.settings.PacsNode;
import org.pdistation.viewer.settings.SettingsStore;
import org.pdistation.viewer.settings.StationSettings;

@ExtendWith(ApplicationExtension.class)
class ImportScreenTest {
    @TempDir
    static Path home;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = StationFixture.show(stage, home);
    }

    @Test
    void importsThePydicomSetIntoOrthancAndListsTheJobInTheHistory(@TempDir Path orthancDir) throws Exception {
        Path set = SharedData.require().resolve("dicomdata/dicomdir/pydicom-dicomdirtests");
        try (OrthancPeer orthanc = OrthancPeer.start(orthancDir, "")) {
            new SettingsStore(home.resolve("settings")).save(StationSettings.defaults().withNodes(List.of(
                    new PacsNode("Test Orthanc", "ORTHANC", "127.0.0.1", orthanc.dicomPort(), false))));
            ImportPane pane = StationFixture.fx(() -> window.screens().showImport(set));
            StationFixture.waitFor(60, () -> pane.tree().getRoot() != null);
            TreeItem<ReviewNode> root = pane.tree().getRoot();
            // The importer's review groups by Patient ID and the demographics, so the set's patients are at least 2.
            assertTrue(root.getChildren().stream().filter(p -> p.getValue().kind() == ReviewNode.Kind.PATIENT)
                    .count() >= 2);
            int series = ReviewNode.chosenSeries(root).size();
            assertTrue(series >= 13, "series " + series);
            assertNotNull(pane.destination().getValue());

            StationFixture.fx(() -> {
                pane.startImport();
                return null;
            });
            StationFixture.waitFor(180, () -> pane.lastResult() != null || pane.taskPanel().error().isVisible());
            assertNotNull(pane.lastResult(), () -> pane.taskPanel().error().getText());
            int stored = pane.lastResult().counts().getOrDefault(InstanceState.STORED, 0)
                    + pane.lastResult().counts().getOrDefault(InstanceState.WARNING, 0);
            assertTrue(stored > 0, () -> pane.lastResult().counts().toString());
            assertEquals(0, (int) pane.lastResult().counts().getOrDefault(InstanceState.FAILED, 0));
            // Orthanc's own count, over REST, is what the clerk's "stored" means.
            assertEquals(stored, orthanc.instances().size());
            assertTrue(pane.report().getText().startsWith("Import "), pane.report().getText());
            StationFixture.waitFor(20, () -> !pane.history().getItems().isEmpty());
            assertFalse(pane.history().getItems().get(0).resumable());

            Path csv = home.resolve("report.csv");
            StationFixture.fx(() -> {
                pane.saveCsv(csv);
                return null;
            });
            assertTrue(Files.readAllLines(csv).size() > stored);
        }
    }

    @Test
    void anUnreachablePacsIsASentenceWithDetailsAndTheJobCanBeResumed() throws Exception {
        Path set = SharedData.require().resolve("dicomdata/dicomdir/pydicom-dicomdirtests");
        int closed = org.pdistation.imaging.testing.Peers.freeLoopbackPort();
        new SettingsStore(home.resolve("settings")).save(StationSettings.defaults().withNodes(List.of(
                new PacsNode("Nobody", "NOBODY", "127.0.0.1", closed, false))));
        ImportPane pane = StationFixture.fx(() -> window.screens().showImport(set));
        StationFixture.waitFor(60, () -> pane.tree().getRoot() != null);
        StationFixture.fx(() -> {
            pane.startImport();
            return null;
        });
        StationFixture.waitFor(180, () -> pane.taskPanel().error().isVisible());
        String sentence = pane.taskPanel().error().getText();
        assertFalse(sentence.contains("Exception"), sentence);
        assertFalse(sentence.contains("\tat "), sentence);
        StationFixture.waitFor(20, () -> pane.history().getItems().stream().anyMatch(h -> h.resumable()));
    }
}
