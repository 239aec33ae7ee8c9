package org.pdistation.viewer.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.pdistation.viewer.AppHome;
import org.pdistation.viewer.browser.BrowserPane;
import org.pdistation.viewer.create.DemoDisc;
import org.pdistation.viewer.task.ClerkError;
import org.pdistation.viewer.i18n.Messages;
import org.pdistation.viewer.media.MediaMonitor;
import org.pdistation.viewer.model.FirstSeries;
import org.pdistation.viewer.model.MediaContent;
import org.pdistation.viewer.model.MediaReader;
import org.pdistation.viewer.model.RecentMedia;
import org.pdistation.viewer.model.SeriesEntry;
import org.pdistation.viewer.view.PresetStore;
import org.pdistation.viewer.view.WindowPreset;
import org.pdistation.viewer.view.RenderEngine;
import org.pdistation.viewer.view.Viewport;
import org.pdistation.viewer.view.ViewerPane;
import org.pdistation.viewer.view.ViewerToolBar;

/** The station's main window: menus, the browser on the left, the viewer on the right, a status line. */
public final class MainWindow extends BorderPane {
    private final Messages messages;
    private final RecentMedia recent;
    private final AppHome home;
    private final StationScreens screens;
    private MediaContent shownContent = MediaContent.empty();
    private final RenderEngine engine = new RenderEngine(RenderEngine.DEFAULT_BUDGET);
    private final BrowserPane browser;
    private final ViewerPane viewer;
    private final Label status = new Label();
    private final Menu recentMenu;
    private final Menu windowMenu;
    private final PresetStore presetStore;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(RenderEngine.daemonThreads("pdistation-open"));
    private CompletableFuture<Void> ready = CompletableFuture.completedFuture(null);
    private MediaMonitor mounts; // discs and USB sticks: polled while the window shows

    /** With the data folder of this process ({@link AppHome#resolve()}). */
    public MainWindow(Messages messages, RecentMedia recent) {
        this(messages, recent, AppHome.resolve());
    }

    /** @param home the data folder: settings, demo disc, local archive, import journal, labels */
    public MainWindow(Messages messages, RecentMedia recent, AppHome home) {
        this.messages = messages;
        this.recent = recent;
        this.home = home;
        this.screens = new StationScreens(this, messages, home);
        getStyleClass().add("station");
        browser = new BrowserPane(messages);
        viewer = new ViewerPane(messages, engine);
        presetStore = PresetStore.in(recent.folder());
        viewer.setPresets(presetStore.load()); // the user's window presets (settings file)
        browser.setOnOpenSeries(viewer::show);
        browser.setOnOpenPath(this::open);
        recentMenu = new Menu(messages.get("menu.file.recent"));
        windowMenu = new Menu(messages.get("menu.window"));
        setTop(menus());
        // The viewer tools (issue 8: cine, measuring, rotate/flip, tags, export) above the viewports.
        BorderPane viewerArea = new BorderPane(viewer, new ViewerToolBar(messages, viewer), null, null, null);
        SplitPane split = new SplitPane(browser, viewerArea);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.40);
        SplitPane.setResizableWithParent(browser, false);
        setCenter(split);
        status.getStyleClass().add("status");
        status.setText(messages.get("status.ready"));
        status.setMaxWidth(Double.MAX_VALUE);
        setBottom(status);
        refreshRecent();
        // Watch the platform's mount points from when the window shows until it closes (issue 8: detected media).
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) scene.windowProperty().addListener((o2, a2, w) -> {
                if (w != null) w.showingProperty().addListener((o3, was, showing) -> {
                    if (showing && mounts == null) watchMounts(MediaMonitor.platformParents(), Duration.ofSeconds(2));
                    else if (!showing) stopWatchingMounts();
                });
            });
        });
    }

    /**
     * Watches {@code parents} (folders whose sub-folders are mount points) for media with DICOM data every
     * {@code interval}, instead of what was watched before; the browser lists them and offers to open a new one.
     */
    public void watchMounts(List<Path> parents, Duration interval) {
        stopWatchingMounts();
        mounts = new MediaMonitor(parents);
        mounts.start(interval, Platform::runLater, browser.detectedMedia()::apply);
    }

    private void stopWatchingMounts() {
        if (mounts != null) mounts.close();
        mounts = null;
    }

    public BrowserPane browser() { return browser; }

    public ViewerPane viewer() { return viewer; }

    /**
     * Completes when the last open is fully drawn: the browser filled, every thumbnail made, and the first series'
     * first slice on screen (the readiness signal for screenshots and tests; no sleeping).
     */
    public CompletableFuture<Void> ready() { return ready; }

    /** Opens a medium on a background thread; the browser and the first series follow on the FX thread. */
    public void open(Path path) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        ready = done;
        status.setText(messages.format("browser.loading", path));
        MediaReader mr = new MediaReader(messages);
        reader.execute(() -> {
            MediaContent content = mr.read(path);
            // Header reads: here on the reader's thread, not on the FX thread.
            SeriesEntry firstSeries = FirstSeries.choose(content.allSeries());
            try {
                if (content.problems().isEmpty() || !content.patients().isEmpty()) recent.add(path);
            } catch (IOException e) {
                // The recent list is a convenience; failing to save it must not stop opening the medium.
            }
            Platform.runLater(() -> shown(content, firstSeries, done));
        });
    }

    private void shown(MediaContent content, SeriesEntry firstSeries, CompletableFuture<Void> done) {
        shownContent = content;
        browser.show(content);
        List<SeriesEntry> all = content.allSeries();
        viewer.setAvailable(all);
        status.setText(content.source() == null ? "" : content.source().toString());
        refreshRecent();
        CompletableFuture<Void> first = CompletableFuture.completedFuture(null);
        if (!all.isEmpty()) {
            Viewport v = viewer.viewports().get(0);
            viewer.activeProperty().set(v);
            v.show(firstSeries); // one with pixels, not a report or presentation state that has nothing to show
            first = v.firstFrame();
        }
        CompletableFuture.allOf(first, browser.thumbnailsDone()).whenComplete((r, e) -> done.complete(null));
    }

    private MenuBar menus() {
        Menu file = new Menu(messages.get("menu.file"));
        MenuItem openFolder = item("menu.file.openFolder", "Shortcut+O", this::chooseFolder);
        MenuItem openFile = item("menu.file.openFile", "Shortcut+Shift+O", this::chooseFile);
        MenuItem exit = item("menu.file.exit", "Shortcut+Q", Platform::exit);
        file.getItems().addAll(openFolder, openFile, recentMenu, new SeparatorMenuItem(),
                item("menu.file.demo", null, this::openDemo), item("menu.file.archive", null, this::openArchive),
                new SeparatorMenuItem(), item("menu.file.settings", "Shortcut+Comma", screens::showSettings),
                new SeparatorMenuItem(), exit);
        Menu media = new Menu(messages.get("menu.media"));
        media.getItems().addAll(item("menu.media.create", "Shortcut+B", screens::showCreate),
                item("menu.media.import", "Shortcut+I", () -> screens.showImport(shownContent.source())));

        Menu view = new Menu(messages.get("menu.view"));
        view.getItems().addAll(
                item("menu.view.layout1x1", null, () -> viewer.setLayout(ViewerPane.Layout.ONE_BY_ONE)),
                item("menu.view.layout1x2", null, () -> viewer.setLayout(ViewerPane.Layout.ONE_BY_TWO)),
                item("menu.view.layout2x2", null, () -> viewer.setLayout(ViewerPane.Layout.TWO_BY_TWO)),
                new SeparatorMenuItem(),
                item("menu.view.fit", null, () -> withActive(Viewport::fit)),
                item("menu.view.actualSize", null, () -> withActive(Viewport::actualSize)),
                item("menu.view.invert", null, () -> withActive(v -> v.invertProperty().set(!v.invertProperty().get()))));

        refreshWindowMenu();
        return new MenuBar(file, view, windowMenu, media);
    }

    /** The Window menu: the presets (with their digit keys), the header's window, saving the current window. */
    private void refreshWindowMenu() {
        windowMenu.getItems().clear();
        java.util.Map<String, Integer> keys = new java.util.HashMap<>();
        for (WindowPreset p : viewer.presets()) {
            int key = keys.merge(p.modality(), 1, Integer::sum); // digit keys count within the image's modality
            MenuItem mi = item(null, null, () -> withActive(v -> v.windowProperty().set(p.window())));
            mi.setMnemonicParsing(false);
            mi.setText(p.modality() + " " + p.displayName(messages) + "  (" + fmt(p.centre()) + " / " + fmt(p.width())
                    + ")" + (key <= 9 ? "  [" + key + "]" : ""));
            windowMenu.getItems().add(mi);
        }
        windowMenu.getItems().add(new SeparatorMenuItem());
        windowMenu.getItems().add(item("menu.window.header", null, () -> withActive(v -> v.applyPreset(1))));
        windowMenu.getItems().add(item("menu.window.savePreset", null, this::saveWindowAsPreset));
    }

    public Menu windowMenu() { return windowMenu; }

    /** The store of the user's window presets (beside the recent list). */
    public PresetStore presetStore() { return presetStore; }

    /** Uses {@code presets} from now on: the open viewports' digit keys and the Window menu (from the FX thread). */
    public void setPresets(List<WindowPreset> presets) {
        viewer.setPresets(presets);
        refreshWindowMenu();
    }

    /** Asks a name and saves the active viewport's window as a preset for its image's modality. */
    private void saveWindowAsPreset() {
        Viewport v = viewer.active();
        if (v == null || v.windowProperty().get() == null) return;
        var w = v.windowProperty().get();
        String modality = v.modality() == null ? "" : v.modality();
        javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog();
        d.setTitle(messages.get("dialog.savePreset.title"));
        d.setHeaderText(messages.format("dialog.savePreset.header", fmt(w.centre()), fmt(w.width()),
                modality.isEmpty() ? "-" : modality));
        if (window() != null) d.initOwner(window());
        d.showAndWait().map(String::strip).filter(n -> !n.isEmpty()).ifPresent(n -> addPreset(
                new WindowPreset(n, w.centre(), w.width(), modality)));
    }

    /** Appends {@code p} to the user's presets, saves them and uses them; false (status line says why) on failure. */
    public boolean addPreset(WindowPreset p) {
        List<WindowPreset> now = new java.util.ArrayList<>(viewer.presets());
        now.add(p);
        try {
            presetStore.save(now);
        } catch (IOException e) {
            status.setText(ClerkError.of(messages, messages.get("settings.presets.doing"), e).sentence());
            return false;
        }
        setPresets(now);
        status.setText(messages.get("settings.presets.saved"));
        return true;
    }

    /** What the browser shows now (the create screen's studies, the import screen's medium). */
    public MediaContent shownContent() { return shownContent; }

    public StationScreens screens() { return screens; }

    public AppHome home() { return home; }

    /** Shows a line in the status bar (from the FX thread). */
    public void setStatus(String text) { status.setText(text); }

    /**
     * Opens the demo disc, writing it first on a background thread when this data folder has none yet (first run).
     * {@link #ready()} completes when it is shown, or when writing it failed (then the status line says why).
     */
    public void openDemo() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        ready = done;
        status.setText(messages.get("demo.writing"));
        DemoDisc demo = new DemoDisc(home.root().resolve("demo"));
        reader.execute(() -> {
            try {
                Path folder = demo.ensure();
                Platform.runLater(() -> {
                    open(folder);
                    ready.whenComplete((r, e) -> done.complete(null));
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> {
                    status.setText(ClerkError.of(messages, messages.get("demo.doing"), e).sentence());
                    done.complete(null);
                });
            }
        });
    }

    /**
     * Shows the local archive's studies; an archive that does not exist yet or holds nothing is an empty browser
     * with a sentence saying so, not a problem.
     */
    public void openArchive() {
        Path root = home.root().resolve("archive");
        Path objects = root.resolve("objects");
        CompletableFuture<Void> done = new CompletableFuture<>();
        ready = done;
        reader.execute(() -> {
            boolean empty = !hasFiles(objects);
            Platform.runLater(() -> {
                if (empty) {
                    shown(MediaContent.empty(), null, done);
                    browser.setEmptyText(messages.get("archive.empty"));
                    status.setText(messages.get("archive.empty.status"));
                } else {
                    open(objects);
                    ready.whenComplete((r, e) -> done.complete(null));
                }
            });
        });
    }

    private static boolean hasFiles(Path dir) {
        if (!java.nio.file.Files.isDirectory(dir)) return false;
        try (var s = java.nio.file.Files.walk(dir, 4)) {
            return s.anyMatch(java.nio.file.Files::isRegularFile);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private void withActive(java.util.function.Consumer<Viewport> action) {
        Viewport v = viewer.active();
        if (v != null) action.accept(v);
    }

    private MenuItem item(String key, String accelerator, Runnable action) {
        MenuItem mi = new MenuItem(key == null ? "" : messages.get(key));
        if (accelerator != null) mi.setAccelerator(KeyCombination.keyCombination(accelerator));
        mi.setOnAction(e -> action.run());
        return mi;
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : recent.list()) {
            MenuItem mi = new MenuItem(p.toString());
            mi.setMnemonicParsing(false);
            mi.setOnAction(e -> open(p));
            recentMenu.getItems().add(mi);
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem(messages.get("menu.file.recent.none"));
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
    }

    private void chooseFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(messages.get("dialog.openFolder"));
        File f = dc.showDialog(window());
        if (f != null) open(f.toPath());
    }

    private void chooseFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle(messages.get("dialog.openFile"));
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(messages.get("dialog.dicomFiles"), "DICOMDIR", "*.dcm", "*.DCM"),
                new FileChooser.ExtensionFilter(messages.get("dialog.allFiles"), "*"));
        File f = fc.showOpenDialog(window());
        if (f != null) open(f.toPath());
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    public void dispose() {
        stopWatchingMounts();
        screens.dispose();
        reader.shutdownNow();
        browser.dispose();
        viewer.dispose();
        engine.close();
    }
}
