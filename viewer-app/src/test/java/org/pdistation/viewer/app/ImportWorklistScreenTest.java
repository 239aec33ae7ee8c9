package org.pdistation.viewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import javafx.scene.control.Button;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.WorklistScp;
import org.pdistation.viewer.importer.ImportPane;
import org.pdistation.viewer.settings.PacsNode;
import org.pdistation.viewer.settings.SettingsStore;
import org.pdistation.viewer.settings.StationSettings;

/** The import screen's "Find in worklist" against DCMTK wlmscpfs: the chosen item fills the form. */
@ExtendWith(ApplicationExtension.class)
class ImportWorklistScreenTest {
    @TempDir
    static Path home;
    private static WorklistScp scp;
    private static Path medium;
    private MainWindow window;

    @BeforeAll
    static void worklist() throws Exception {
        Path items = WorklistScp.itemFolder(home.resolve("wl"));
        WorklistScp.item(items, "doe", null, "P100", "Doe^Jane", "ACC100", "CT chest", "20240105");
        WorklistScp.item(items, "dole", null, "P200", "Dole^Bob", "ACC200", "CT head", "20240210");
        scp = WorklistScp.start(home.resolve("wl"));
        medium = home.resolve("medium");
        new SyntheticCtStudy(16, 2, 44).write(medium, 2);
        new SettingsStore(home.resolve("settings")).save(StationSettings.defaults().withWorklist(
                new PacsNode("Worklist", WorklistScp.AET, "127.0.0.1", scp.port, false)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (scp != null) scp.close();
    }

    @Start
    void start(Stage stage) {
        window = StationFixture.show(stage, home);
    }

    @Test
    void findInWorklistByNameListsBothAndTheChosenOneFillsTheForm() throws Exception {
        ImportPane pane = StationFixture.fx(() -> window.screens().showImport(medium));
        StationFixture.waitFor(60, () -> pane.tree().getRoot() != null);
        StationFixture.fx(() -> {
            pane.patientNameField().setText("Do*");
            ((Button) pane.lookup("#find-worklist")).fire();
            return null;
        });
        StationFixture.waitFor(30, () -> pane.matches().getItems().size() == 2
                || pane.taskPanel().error().isVisible());
        assertEquals(2, pane.matches().getItems().size(), () -> pane.taskPanel().error().getText());
        // Several candidates: nothing is filled until the clerk chooses.
        assertEquals("", pane.patientIdField().getText());
        StationFixture.fx(() -> {
            int i = pane.matches().getItems().get(0).identity().patientId().equals("P200") ? 0 : 1;
            pane.matches().getSelectionModel().select(i);
            return null;
        });
        assertEquals("P200", pane.patientIdField().getText());
        assertEquals("Dole^Bob", pane.patientNameField().getText());
        assertEquals("ACC200", pane.accessionField().getText());
    }
}
