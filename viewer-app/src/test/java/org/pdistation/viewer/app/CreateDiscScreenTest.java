package org.pdistation.viewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.pdistation.creator.CreateReport;
import org.pdistation.imaging.media.OpenedMedium;
import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.media.verify.MediaVerifier;
import org.pdistation.imaging.media.verify.VerifyOptions;
import org.pdistation.imaging.media.verify.VerifyReport;
import org.pdistation.imaging.testing.SharedData;
import org.pdistation.viewer.create.CreateDiscPane;
import org.pdistation.viewer.create.StudyChoice;

@ExtendWith(ApplicationExtension.class)
class CreateDiscScreenTest {
    @TempDir
    static Path home;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = StationFixture.show(stage, home);
    }

    @Test
    void writesTheBrowsersStudiesToAnIsoThatVerifies(@TempDir Path out) throws Exception {
        StationFixture.openAndWait(window, SharedData.require().resolve("dicomdata/dicomdir/pydicom-dicomdirtests"));
        CreateDiscPane pane = StationFixture.fx(() -> window.screens().showCreate());
        assertEquals(6, pane.studies().size());
        assertTrue(pane.studies().stream().allMatch(s -> s.chosenProperty().get()));
        Path iso = out.resolve("disc.iso");
        StationFixture.fx(() -> {
            pane.isoTarget().setSelected(true);
            pane.isoPath().setText(iso.toString());
            pane.preview();
            return null;
        });
        StationFixture.waitFor(60, () -> !pane.previewText().getText().isBlank());
        assertTrue(pane.previewText().getText().startsWith("1 CD, 31 images"), pane.previewText().getText());
        assertFalse(Files.exists(iso), "the preview writes nothing");

        StationFixture.fx(() -> {
            pane.create();
            return null;
        });
        StationFixture.waitFor(180, () -> pane.report() != null || pane.taskPanel().error().isVisible());
        assertNotNull(pane.report(), () -> "error: " + pane.taskPanel().error().getText() + " / "
                + pane.taskPanel().details().getContent());
        assertTrue(pane.report().allDone(), () -> pane.result().getText());
        assertTrue(pane.result().getText().contains("verified"), pane.result().getText());
        assertFalse(pane.taskPanel().error().isVisible());
        assertEquals(CreateReport.Outcome.DONE, pane.report().media().get(0).outcome());
        // The label was asked for (the default) and lies beside the image, not on it.
        assertFalse(pane.labelFiles().isEmpty());

        try (OpenedMedium m = OpenedMedium.open(iso)) {
            VerifyReport r = MediaVerifier.verify(m.root(), VerifyOptions.DEFAULT.withProfile(Profile.STD_GEN_CD));
            assertFalse(r.hasErrors(), r.summary());
            assertTrue(r.filesVerified() > 0);
        }
    }

    @Test
    void refusesToStartWithoutATargetAndSaysWhatIsMissing() throws Exception {
        StationFixture.openAndWait(window, SharedData.require().resolve("dicomdata/dicomdir/pydicom-dicomdirtests"));
        CreateDiscPane pane = StationFixture.fx(() -> window.screens().showCreate());
        StationFixture.fx(() -> {
            pane.isoTarget().setSelected(true);
            pane.isoPath().setText("");
            pane.create();
            return null;
        });
        assertTrue(pane.taskPanel().error().isVisible());
        assertEquals("Choose where to save the ISO file.", pane.taskPanel().error().getText());
        StationFixture.fx(() -> {
            pane.studies().forEach(s -> s.chosenProperty().set(false));
            pane.isoPath().setText("x.iso");
            pane.create();
            return null;
        });
        assertEquals("Choose at least one study.", pane.taskPanel().error().getText());
        assertTrue(pane.studies().stream().map(StudyChoice::label).allMatch(l -> !l.isBlank()));
    }
}
