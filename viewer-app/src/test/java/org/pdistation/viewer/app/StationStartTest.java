package org.pdistation.viewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.pdistation.imaging.media.DicomDirWriter;
import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.viewer.browser.BrowserRow;

/** The station's window comes up on a fresh machine, with an empty archive and with a broken disc. */
@ExtendWith(ApplicationExtension.class)
class StationStartTest {
    @TempDir
    static Path home;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = StationFixture.show(stage, home);
    }

    @Test
    void firstRunWritesTheDemoDiscAndShowsItsCtAndCineSeries() throws Exception {
        StationFixture.runAndWait(window, window::openDemo);
        assertTrue(Files.isRegularFile(home.resolve("demo/DICOMDIR")));
        assertEquals(2, StationFixture.count(window.browser().tree().getRoot(), BrowserRow.Kind.SERIES));
        assertFalse(window.browser().problems().isVisible(), () -> String.join("\n",
                window.browser().problems().getItems()));
        assertTrue(window.viewer().viewports().get(0).framesShownProperty().get() > 0);
        // A second start finds the demo and does not write it again.
        long before = Files.getLastModifiedTime(home.resolve("demo/DICOMDIR")).toMillis();
        StationFixture.runAndWait(window, window::openDemo);
        assertEquals(before, Files.getLastModifiedTime(home.resolve("demo/DICOMDIR")).toMillis());
    }

    @Test
    void anEmptyLocalArchiveIsAnEmptyBrowserNotAProblem() throws Exception {
        StationFixture.runAndWait(window, window::openArchive);
        assertTrue(window.isVisible());
        assertEquals(0, window.browser().tree().getRoot().getChildren().size());
        assertFalse(window.browser().problems().isVisible());
        assertTrue(((javafx.scene.control.Label) window.browser().tree().getPlaceholder()).getText()
                .contains("local archive is empty"));
    }

    @Test
    void aDiscWhoseDicomdirPointsAtMissingFilesOpensWithItsProblemsListed(@TempDir Path disc) throws Exception {
        List<Path> files = new SyntheticCtStudy(64, 4, 5).write(disc, 4);
        DicomDirWriter.write(new DicomDirWriter.Request(disc, Profile.STD_GEN_CD, "BROKEN"));
        Files.delete(files.get(1));
        Files.delete(files.get(2));
        StationFixture.openAndWait(window, disc);
        assertTrue(window.isVisible());
        window.browser().check().done().get(60, java.util.concurrent.TimeUnit.SECONDS);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        // Each missing file is listed once: as the check's R20 finding, not also as a reading problem.
        for (Path gone : List.of(files.get(1), files.get(2))) {
            String name = gone.getFileName().toString();
            assertEquals(1, window.browser().check().table().getItems().stream()
                    .filter(p -> p.rule().equals("R20") && p.file().endsWith(name)).count(), name);
            assertTrue(window.browser().problems().getItems().stream().noneMatch(s -> s.contains(name)), name);
        }
        String problems = String.join("\n", window.browser().problems().getItems());
        assertFalse(problems.contains("\tat "), problems);
    }
}
