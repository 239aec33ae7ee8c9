package org.pdistation.viewer.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.scene.control.TreeItem;
import javafx.stage.Stage;

import org.testfx.util.WaitForAsyncUtils;

import org.pdistation.viewer.AppHome;
import org.pdistation.viewer.browser.BrowserRow;
import org.pdistation.viewer.i18n.Messages;
import org.pdistation.viewer.model.RecentMedia;

/** Builds the station's main window on a TestFX stage and waits on its readiness signal. */
final class StationFixture {
    private StationFixture() {}

    /** The window with {@code home} as its data folder (settings, demo, archive, journal all below it). */
    static MainWindow show(Stage stage, Path home) {
        return show(stage, home, Locale.ENGLISH);
    }

    /** The window in {@code locale}'s language. */
    static MainWindow show(Stage stage, Path home, Locale locale) {
        MainWindow w = new MainWindow(new Messages(locale), new RecentMedia(home), new AppHome(home));
        stage.setScene(StationApp.createScene(w));
        stage.setWidth(1440);
        stage.setHeight(900);
        stage.show();
        return w;
    }

    /** Opens {@code path} on the FX thread and waits until browser, thumbnails and first slice are drawn. */
    static void openAndWait(MainWindow w, Path path) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> w.open(path)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        // ready() is replaced by open() on the FX thread; read it after the open ran.
        w.ready().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs {@code action} (which replaces ready()) on the FX thread and waits for the window to be drawn. */
    static void runAndWait(MainWindow w, Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        w.ready().get(120, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void waitFor(BooleanSupplier condition) throws Exception {
        waitFor(20, condition);
    }

    static void waitFor(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Calls {@code action} on the FX thread and returns its value. */
    static <T> T fx(java.util.concurrent.Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(20, TimeUnit.SECONDS);
    }

    static int count(TreeItem<BrowserRow> item, BrowserRow.Kind kind) {
        int n = item.getValue() != null && item.getValue().kind() == kind ? 1 : 0;
        for (TreeItem<BrowserRow> c : item.getChildren()) n += count(c, kind);
        return n;
    }
}
