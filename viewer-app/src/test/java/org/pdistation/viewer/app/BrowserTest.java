package org.pdistation.viewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.control.TreeItem;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.pdistation.imaging.testing.SharedData;
import org.pdistation.viewer.browser.BrowserRow;
import org.pdistation.viewer.model.RecentMedia;
import org.pdistation.viewer.model.SeriesEntry;

@ExtendWith(ApplicationExtension.class)
class BrowserTest {
    @TempDir
    static Path home;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = StationFixture.show(stage, home);
    }

    @Test
    void listsTwoPatientsSixStudiesThirteenSeriesOfThePydicomFileSet() throws Exception {
        Path dicomdir = SharedData.require().resolve("dicomdata/dicomdir/pydicom-dicomdirtests/DICOMDIR");
        StationFixture.openAndWait(window, dicomdir);
        TreeItem<BrowserRow> root = window.browser().tree().getRoot();
        assertEquals(2, StationFixture.count(root, BrowserRow.Kind.PATIENT));
        assertEquals(6, StationFixture.count(root, BrowserRow.Kind.STUDY));
        assertEquals(13, StationFixture.count(root, BrowserRow.Kind.SERIES));
        assertFalse(window.browser().problems().isVisible(), () -> "problems: " + window.browser().problems().getItems());
        // Every series of this set has decodable 16x16 images, so every one gets its thumbnail.
        SeriesEntry first = root.getChildren().get(0).getChildren().get(0).getChildren().get(0).getValue().series();
        assertNotNull(window.browser().thumbnail(first));
        // The file-set is remembered in the recent list.
        assertEquals(dicomdir.toAbsolutePath().normalize(), new RecentMedia(home).list().get(0));
    }

    @Test
    void filterKeepsOnlyMatchingSeries() throws Exception {
        StationFixture.openAndWait(window, SharedData.require().resolve("dicomdata/dicomdir/pydicom-dicomdirtests"));
        int all = StationFixture.count(window.browser().tree().getRoot(), BrowserRow.Kind.SERIES);
        WaitForAsyncUtils.asyncFx(() -> window.browser().filter().setText("MR")).get();
        WaitForAsyncUtils.waitForFxEvents();
        int mr = StationFixture.count(window.browser().tree().getRoot(), BrowserRow.Kind.SERIES);
        assertTrue(mr > 0 && mr < all, "MR series " + mr + " of " + all);
    }

    @Test
    void startsWithNoMediaShowingTheEmptyBrowser() {
        assertTrue(window.isVisible());
        assertEquals(0, window.browser().tree().getRoot().getChildren().size());
        assertFalse(window.browser().problems().isVisible());
    }

    @Test
    void listsProblemsOfADiscWithACorruptDicomdir(@TempDir Path disc) throws Exception {
        byte[] garbage = new byte[400];
        for (int i = 0; i < garbage.length; i++) garbage[i] = (byte) (i * 31 + 7);
        Files.write(disc.resolve("DICOMDIR"), garbage);
        StationFixture.openAndWait(window, disc);
        assertTrue(window.browser().problems().isVisible());
        String problems = String.join("\n", window.browser().problems().getItems());
        assertFalse(problems.isBlank());
        assertFalse(problems.contains("\tat "), "no stack trace: " + problems);
        assertEquals(0, StationFixture.count(window.browser().tree().getRoot(), BrowserRow.Kind.SERIES));
    }
}
