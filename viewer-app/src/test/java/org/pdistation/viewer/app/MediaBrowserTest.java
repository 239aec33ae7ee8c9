package org.pdistation.viewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.pdistation.imaging.media.iso.IsoOptions;
import org.pdistation.imaging.media.iso.IsoWriter;
import org.pdistation.imaging.testing.SharedData;
import org.pdistation.viewer.browser.BrowserRow;
import org.pdistation.viewer.browser.ProblemsPanel;
import org.pdistation.viewer.media.BrokenDiscs;
import org.pdistation.viewer.media.MediumCheck;
import org.pdistation.viewer.media.MediumProblem;
import org.pdistation.viewer.model.RecentMedia;

/** The browser's media: detected discs and sticks, the check of a broken disc in words, dropped media. */
@ExtendWith(ApplicationExtension.class)
class MediaBrowserTest {
    @TempDir
    static Path home;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = StationFixture.show(stage, home);
    }

    @Test
    void aMountedDiscIsOfferedNotOpenedAndDisappearsWhenRemoved(@TempDir Path mounts, @TempDir Path staging)
            throws Exception {
        StationFixture.fx(() -> {
            window.watchMounts(List.of(mounts), Duration.ofMillis(100));
            return null;
        });
        BrokenDiscs.good(staging.resolve("CT_2024"), 3);
        Files.move(staging.resolve("CT_2024"), mounts.resolve("CT_2024")); // the disc is mounted
        var media = window.browser().detectedMedia();
        StationFixture.waitFor(() -> media.list().getItems().size() == 1 && media.offered() != null);
        assertEquals("CT_2024", media.list().getItems().get(0).name());
        assertTrue(media.isVisible());
        assertTrue(media.notice().getText().contains("“CT_2024” was inserted"), media.notice().getText());
        // Offered only: nothing was opened.
        assertNull(window.shownContent().source());
        StationFixture.runAndWait(window, media::openOffered);
        assertEquals(mounts.resolve("CT_2024"), window.shownContent().source());
        assertEquals(3, window.shownContent().instanceCount());
        assertNull(media.offered());
        // The disc is taken out: it leaves the list.
        BrokenDiscs.delete(mounts.resolve("CT_2024"));
        StationFixture.waitFor(() -> media.list().getItems().isEmpty());
        assertFalse(media.isVisible());
    }

    @Test
    void aBrokenDiscShowsItsProblemsInWordsAfterTheBrowser(@TempDir Path disc) throws Exception {
        BrokenDiscs.broken(disc);
        StationFixture.openAndWait(window, disc);
        ProblemsPanel check = window.browser().check();
        MediumCheck.Result r = check.done().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(check.isVisible());
        assertTrue(check.table().isVisible());
        assertEquals("This disc has " + r.serious() + " problems that another hospital's software may not accept",
                check.title().getText());
        List<String> sentences = check.table().getItems().stream().map(MediumProblem::sentence).toList();
        assertTrue(sentences.contains("The DICOMDIR lists a file that is not on the disc."), sentences::toString);
        ScreenshotTest.save(window.getScene(), "browser-problems.png");
    }

    @Test
    void aGoodDiscSaysDiscreetlyThatItWasChecked(@TempDir Path disc) throws Exception {
        BrokenDiscs.good(disc, 2);
        StationFixture.openAndWait(window, disc);
        ProblemsPanel check = window.browser().check();
        assertEquals(0, check.done().get(60, TimeUnit.SECONDS).serious());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Checked: no problems", check.title().getText());
        assertFalse(check.table().isVisible());
    }

    @Test
    void thePydicomSetIsCheckedWithoutHidingItsBrowser() throws Exception {
        Path set = SharedData.require().resolve("dicomdata/dicomdir/pydicom-dicomdirtests");
        StationFixture.openAndWait(window, set);
        assertEquals(13, StationFixture.count(window.browser().tree().getRoot(), BrowserRow.Kind.SERIES));
        MediumCheck.Result r = window.browser().check().done().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(r.serious() > 0);
        assertTrue(window.browser().check().title().getText().startsWith("This disc has " + r.serious() + " problems"));
        // A loose folder is not a disc: nothing is checked, nothing shown.
        StationFixture.openAndWait(window, SharedData.require().resolve("dicomdata/single/pydicom"));
        assertNull(window.browser().check().done().get(60, TimeUnit.SECONDS));
        assertFalse(window.browser().check().isVisible());
    }

    @Test
    void droppedFolderDicomdirIsoAndSingleFileOpenAndJoinTheRecentList(@TempDir Path disc, @TempDir Path out)
            throws Exception {
        BrokenDiscs.good(disc, 2);
        Path iso = out.resolve("disc.iso");
        new IsoWriter().write(disc, iso, IsoOptions.pdi("TESTDISC", java.time.Instant.EPOCH), null);
        Path single = SharedData.requireDicomFile("single/pydicom/CT_small.dcm");
        for (Path dropped : List.of(disc, disc.resolve("DICOMDIR"), iso, single)) {
            StationFixture.runAndWait(window, () -> window.browser().openDropped(List.of(dropped.toFile())));
            assertEquals(dropped, window.shownContent().source());
            assertTrue(window.shownContent().instanceCount() >= 1, dropped::toString);
            assertEquals(dropped.toAbsolutePath().normalize(), new RecentMedia(home).list().get(0));
            assertEquals(dropped.toAbsolutePath().normalize().toString(), StationFixture.fx(() -> recentItems().get(0)));
        }
        assertFalse(StationFixture.fx(() -> window.browser().openDropped(List.<File>of())));
    }

    private List<String> recentItems() {
        Menu file = ((MenuBar) window.getTop()).getMenus().get(0);
        Menu recent = (Menu) file.getItems().stream().filter(i -> i instanceof Menu).findFirst().orElseThrow();
        return recent.getItems().stream().map(MenuItem::getText).toList();
    }

    @Test
    void theNoticeAndTheCheckSpeakJapanese(@TempDir Path disc) throws Exception {
        var m = new org.pdistation.viewer.i18n.Messages(Locale.JAPANESE);
        assertEquals("「CT」が挿入されました。DICOM画像が入っています。開きますか？", m.format("media.detected.notice", "CT"));
        assertEquals("このディスクには、他の病院のソフトウェアが受け付けない可能性のある問題が 3 件あります",
                m.format("check.title", 3));
    }
}
