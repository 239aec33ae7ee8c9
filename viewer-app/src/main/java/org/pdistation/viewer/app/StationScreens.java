package org.pdistation.viewer.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.pdistation.viewer.AppHome;
import org.pdistation.viewer.browser.BrowserRow;
import org.pdistation.viewer.create.CreateDiscPane;
import org.pdistation.viewer.create.StudyChoice;
import org.pdistation.viewer.i18n.Messages;
import org.pdistation.viewer.importer.ImportPane;
import org.pdistation.viewer.importer.ImportSession;
import org.pdistation.viewer.model.DicomDates;
import org.pdistation.viewer.model.MediaContent;
import org.pdistation.viewer.model.MediaReader;
import org.pdistation.viewer.model.NameFormat;
import org.pdistation.viewer.settings.PresetSettings;
import org.pdistation.viewer.settings.SettingsPane;
import org.pdistation.viewer.settings.SettingsStore;
import org.pdistation.viewer.settings.StationSettings;
import org.pdistation.viewer.view.RenderEngine;

/**
 * The station's task screens (create disc, import media, settings), each in a window of its own over the main
 * one, and the background threads their engines run on (never the FX thread).
 */
public final class StationScreens {
    private final MainWindow main;
    private final Messages messages;
    private final AppHome home;
    private final ExecutorService background = Executors.newFixedThreadPool(2,
            RenderEngine.daemonThreads("pdistation-task"));
    private ImportPane importPane;
    private PresetSettings presetSettings;

    StationScreens(MainWindow main, Messages messages, AppHome home) {
        this.main = main;
        this.messages = messages;
        this.home = home;
    }

    public SettingsStore settingsStore() {
        try {
            return new SettingsStore(home.settings());
        } catch (IOException e) {
            return new SettingsStore(home.root().resolve("settings"));
        }
    }

    public StationSettings settings() {
        return settingsStore().load();
    }

    /** The create screen with the browser's studies (the selected ones chosen, or all when none is selected). */
    public CreateDiscPane showCreate() {
        StationSettings s = settings();
        // The browser's view of the medium: descriptions the DICOMDIR left out are filled from the headers it read.
        MediaContent content = main.browser().filled(main.shownContent());
        List<StudyChoice> studies = StudyChoice.of(content, selectedStudies(content), messages, this::patientName);
        Path labels = home.root().resolve("labels");
        CreateDiscPane pane = new CreateDiscPane(messages, background, studies, this::archiveStudies,
                s.defaultProfile(), s.institution(), labels);
        show(pane, "create.title", 1260, 760);
        return pane;
    }

    /** The import screen, reviewing {@code medium} (the medium the browser shows) when given. */
    public ImportPane showImport(Path medium) {
        StationSettings s = settings();
        if (importPane != null) importPane.dispose();
        Path archiveObjects = home.root().resolve("archive").resolve("objects");
        Path reviewed = medium == null || medium.startsWith(archiveObjects) ? null : medium;
        importPane = new ImportPane(messages, background,
                new ImportSession(home.root().resolve("import-journal.db"), s), s.nodes(), reviewed);
        show(importPane, "import.title", 1320, 800);
        return importPane;
    }

    public SettingsPane showSettings() {
        SettingsPane pane = new SettingsPane(messages, settingsStore(), background);
        // The window presets live in their own file (PresetStore) and apply to the open viewer at once.
        presetSettings = new PresetSettings(messages, main.presetStore(), main::setPresets);
        presetSettings.setPadding(new javafx.geometry.Insets(0, 12, 12, 12));
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(
                new javafx.scene.layout.VBox(pane, presetSettings));
        scroll.setFitToWidth(true);
        show(scroll, "settings.title", 760, 860);
        return pane;
    }

    /** The window presets section of the settings screen last shown, null before one is. */
    public PresetSettings presetSettings() { return presetSettings; }

    private void show(Parent pane, String titleKey, double w, double h) {
        Stage stage = new Stage();
        Window owner = main.getScene() == null ? null : main.getScene().getWindow();
        if (owner != null) stage.initOwner(owner);
        Scene scene = new Scene(pane, w, h);
        if (main.getScene() != null) scene.getStylesheets().setAll(main.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setTitle(messages.get(titleKey));
        stage.show();
    }

    /** The local archive's studies, read by scanning its files (on a background thread). */
    private List<StudyChoice> archiveStudies() {
        Path objects = home.root().resolve("archive").resolve("objects");
        if (!java.nio.file.Files.isDirectory(objects)) return List.of();
        MediaContent c = new MediaReader(messages).read(objects);
        return StudyChoice.of(c, Set.of(), messages, this::patientName).stream()
                .peek(sc -> sc.chosenProperty().set(false)).toList();
    }

    private String patientName(org.pdistation.viewer.model.PatientEntry p) {
        return p.name() == null || p.name().isBlank() ? messages.get("browser.patient.unknown")
                : NameFormat.display(p.name());
    }


    /** Study UIDs holding the series under the browser's selected rows; empty when nothing is selected. */
    private Set<String> selectedStudies(MediaContent content) {
        Set<String> series = new HashSet<>();
        for (TreeItem<BrowserRow> item : main.browser().tree().getSelectionModel().getSelectedItems()) {
            collectSeries(item, series);
        }
        Set<String> studies = new HashSet<>();
        for (var p : content.patients()) {
            for (var st : p.studies()) {
                if (st.series().stream().anyMatch(se -> series.contains(se.uid()))) studies.add(st.uid());
            }
        }
        return studies;
    }

    private static void collectSeries(TreeItem<BrowserRow> item, Set<String> out) {
        if (item == null) return;
        if (item.getValue() != null && item.getValue().series() != null) out.add(item.getValue().series().uid());
        for (TreeItem<BrowserRow> c : item.getChildren()) collectSeries(c, out);
    }

    void dispose() {
        if (importPane != null) importPane.dispose();
        background.shutdownNow();
    }
}
