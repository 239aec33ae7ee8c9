package org.pdistation.viewer.create;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import org.pdistation.creator.CreateReport;
import org.pdistation.creator.burn.Burners;
import org.pdistation.creator.burn.Drive;
import org.pdistation.creator.plan.Plan;
import org.pdistation.imaging.media.Profile;
import org.pdistation.viewer.i18n.Messages;
import org.pdistation.viewer.task.ClerkError;
import org.pdistation.viewer.task.TaskPanel;

/**
 * The create-disc screen (issue 8 item 4): the studies to write (from the browser, more from the local archive),
 * profile and medium, web content and label, the target (drive, ISO file, folder); a plan preview before anything
 * is written; progress with Cancel; the verification result and the label.
 */
public final class CreateDiscPane extends BorderPane {
    private final Messages messages;
    private final ExecutorService background;
    private final Path labelsFolder;
    private final ObservableList<StudyChoice> studies = FXCollections.observableArrayList();
    private final ListView<StudyChoice> studyList = new ListView<>(studies);
    private final ComboBox<Profile> profile = new ComboBox<>(FXCollections.observableArrayList(Profile.values()));
    private final ComboBox<String> medium = new ComboBox<>(
            FXCollections.observableArrayList("CD", "DVD", "DVD_DL", "BD", "USB"));
    private final CheckBox web;
    private final CheckBox label;
    private final TextField institution = new TextField();
    private final ToggleGroup targetGroup = new ToggleGroup();
    private final RadioButton toDrive;
    private final RadioButton toIso;
    private final RadioButton toFolder;
    private final ComboBox<Drive> drives = new ComboBox<>();
    private final TextField isoPath = new TextField();
    private final TextField folderPath = new TextField();
    private final TextArea preview = new TextArea();
    private final Button previewButton;
    private final Button createButton;
    private final Button printLabel;
    private final Label result = new Label();
    private final TaskPanel task;
    private Plan plan;
    private DiscJob lastJob;
    private CreateReport report;
    private List<Path> labelFiles = List.of();

    /**
     * @param archiveStudies read on a background thread when the clerk adds studies from the local archive
     * @param labelsFolder   where labels of a disc burnt in a drive go
     */
    public CreateDiscPane(Messages messages, ExecutorService background, List<StudyChoice> fromBrowser,
                          Supplier<List<StudyChoice>> archiveStudies, Profile defaultProfile, String institutionName,
                          Path labelsFolder) {
        this.messages = messages;
        this.background = background;
        this.labelsFolder = labelsFolder;
        getStyleClass().add("create-pane");
        setPadding(new Insets(10));
        studies.setAll(fromBrowser);
        // Long lines wrap instead of running under the list's edge.
        studyList.setCellFactory(v -> {
            CheckBoxListCell<StudyChoice> cell = new CheckBoxListCell<>(StudyChoice::chosenProperty);
            cell.setWrapText(true);
            cell.prefWidthProperty().bind(v.widthProperty().subtract(20));
            cell.setMaxWidth(Region.USE_PREF_SIZE);
            return cell;
        });
        studyList.setPlaceholder(new Label(messages.get("create.studies.none")));
        Button fromArchive = new Button(messages.get("create.studies.archive"));
        fromArchive.setOnAction(e -> addFromArchive(archiveStudies));
        Label studiesHeading = heading("create.studies");
        VBox left = new VBox(6, studiesHeading, studyList, fromArchive);
        VBox.setVgrow(studyList, Priority.ALWAYS);
        left.setPrefWidth(500);

        profile.setValue(defaultProfile);
        profile.valueProperty().addListener((o, was, p) -> medium.setValue(defaultMedium(p)));
        medium.setValue(defaultMedium(defaultProfile));
        web = new CheckBox(messages.get("create.web"));
        label = new CheckBox(messages.get("create.label"));
        label.setSelected(true);
        institution.setText(institutionName);
        toDrive = radio("create.target.drive");
        toIso = radio("create.target.iso");
        toFolder = radio("create.target.folder");
        toIso.setSelected(true);
        drives.setPromptText(messages.get("create.drives.searching"));
        listDrives();

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        int r = 0;
        g.addRow(r++, new Label(messages.get("create.profile")), profile);
        g.addRow(r++, new Label(messages.get("create.medium")), medium);
        g.addRow(r++, new Label(messages.get("create.institution")), institution);
        g.add(web, 1, r++);
        g.add(label, 1, r++);
        g.addRow(r++, toDrive, drives);
        g.addRow(r++, toIso, new HBox(4, isoPath, browse(isoPath, false)));
        g.addRow(r++, toFolder, new HBox(4, folderPath, browse(folderPath, true)));
        isoPath.setPrefColumnCount(28);
        folderPath.setPrefColumnCount(28);

        previewButton = new Button(messages.get("create.preview"));
        previewButton.setOnAction(e -> preview());
        createButton = new Button(messages.get("create.create"));
        createButton.setDefaultButton(true);
        createButton.setOnAction(e -> create());
        printLabel = new Button(messages.get("create.printLabel"));
        printLabel.setDisable(true);
        printLabel.setOnAction(e -> LabelPrinting.print(labelFiles, getScene() == null ? null : getScene().getWindow()));
        preview.setEditable(false);
        preview.setPrefRowCount(7);
        preview.setPromptText(messages.get("create.preview.prompt"));
        result.setWrapText(true);
        result.getStyleClass().add("task-result");
        task = new TaskPanel(messages);
        VBox right = new VBox(8, heading("create.options"), g, new HBox(8, previewButton, createButton), preview,
                task, result, printLabel);
        right.setPadding(new Insets(0, 0, 0, 12));
        setLeft(left);
        setCenter(right);
    }

    private static String defaultMedium(Profile p) {
        if (p == Profile.STD_GEN_CD) return "CD";
        return p.profileName().contains("USB") ? "USB" : "DVD";
    }

    /** The choices as the form shows them; IllegalArgumentException saying what is missing. */
    public DiscChoices choices() {
        List<Path> inputs = new ArrayList<>();
        for (StudyChoice s : studies) if (s.chosenProperty().get()) inputs.addAll(s.files());
        if (inputs.isEmpty()) throw new IllegalArgumentException(messages.get("create.missing.studies"));
        DiscChoices.Target target;
        if (toDrive.isSelected()) {
            if (drives.getValue() == null) throw new IllegalArgumentException(messages.get("create.missing.drive"));
            target = new DiscChoices.ToDrive(drives.getValue());
        } else if (toIso.isSelected()) {
            if (isoPath.getText().isBlank()) throw new IllegalArgumentException(messages.get("create.missing.iso"));
            target = new DiscChoices.ToIso(Path.of(isoPath.getText().strip()));
        } else {
            if (folderPath.getText().isBlank()) {
                throw new IllegalArgumentException(messages.get("create.missing.folder"));
            }
            target = new DiscChoices.ToFolder(Path.of(folderPath.getText().strip()));
        }
        return new DiscChoices(inputs, profile.getValue(), medium.getValue(), web.isSelected(), label.isSelected(),
                institution.getText(), target);
    }

    /** Plans on a background thread and shows what would be written; nothing is written. */
    public void preview() {
        DiscJob job = job();
        if (job == null) return;
        Task<Plan> t = new Task<>() {
            @Override
            protected Plan call() throws Exception {
                updateMessage(messages.get("create.planning"));
                return job.plan();
            }
        };
        task.run(messages.get("create.planning"), messages.get("create.doing.plan"), t, background, p -> {
            plan = p;
            preview.setText(PlanText.describe(messages, p));
        });
    }

    /** Plans (again, the choices may have changed), writes and verifies; the result shows when it ends. */
    public void create() {
        DiscJob job = job();
        if (job == null) return;
        result.setText("");
        printLabel.setDisable(true);
        String lang = messages.locale().getLanguage().equals("ja") ? "ja" : "en";
        Task<CreateReport> t = new Task<>() {
            @Override
            protected CreateReport call() throws Exception {
                updateMessage(messages.get("create.planning"));
                Plan p = job.plan();
                javafx.application.Platform.runLater(() -> preview.setText(PlanText.describe(messages, p)));
                if (p.media().isEmpty()) throw new IllegalStateException(messages.get("create.nothing"));
                return job.run(p, (phase, done, total) -> {
                    if (total > 0) updateProgress(done, total);
                    else updateProgress(-1, 1);
                    updateMessage(PlanText.phase(messages, phase, done, total));
                }, lang);
            }
        };
        previewButton.setDisable(true);
        createButton.setDisable(true);
        t.runningProperty().addListener((o, was, running) -> {
            previewButton.setDisable(running);
            createButton.setDisable(running);
        });
        task.run(messages.get("create.writing"), messages.get("create.doing.write"), t, background, this::finished,
                job::cancel);
    }

    private void finished(CreateReport r) {
        report = r;
        result.setText(PlanText.result(messages, r));
        CreateReport.MediumReport failed = r.media().stream()
                .filter(m -> m.outcome() != CreateReport.Outcome.DONE).findFirst().orElse(null);
        if (failed != null) {
            task.showError(ClerkError.of(messages, failed.outcome() == CreateReport.Outcome.CANCELLED
                    ? "create.cancelled" : "create.failed", messages.get("create.doing.write"), failed.reason()));
        }
        labelFiles = labelFiles(r);
        printLabel.setDisable(labelFiles.isEmpty());
    }

    /** The PNG labels LabelStep wrote for the media of this run (LABEL-DISC<n>.png beside the image or folder). */
    private List<Path> labelFiles(CreateReport r) {
        List<Path> out = new ArrayList<>();
        DiscJob job = lastJob;
        if (job == null || !job.choices().label()) return out;
        for (CreateReport.MediumReport m : r.media()) {
            Path png = job.labelFolder().resolve("LABEL-DISC" + m.number() + ".png");
            if (Files.isRegularFile(png)) out.add(png);
        }
        return out;
    }

    private DiscJob job() {
        try {
            task.showError(null);
            lastJob = new DiscJob(choices(), labelsFolder);
            return lastJob;
        } catch (IllegalArgumentException e) {
            task.showError(new ClerkError(e.getMessage(), ""));
            return null;
        }
    }

    private void addFromArchive(Supplier<List<StudyChoice>> archiveStudies) {
        Task<List<StudyChoice>> t = new Task<>() {
            @Override
            protected List<StudyChoice> call() {
                updateMessage(messages.get("create.studies.archive.reading"));
                return archiveStudies.get();
            }
        };
        task.run(messages.get("create.studies.archive"), messages.get("create.doing.archive"), t, background, list -> {
            if (list.isEmpty()) result.setText(messages.get("create.studies.archive.empty"));
            studies.addAll(list);
        });
    }

    private void listDrives() {
        Task<List<Drive>> t = new Task<>() {
            @Override
            protected List<Drive> call() throws Exception {
                return Burners.forPlatform().listDrives();
            }
        };
        t.setOnSucceeded(e -> {
            drives.getItems().setAll(t.getValue());
            drives.setPromptText(messages.get(t.getValue().isEmpty() ? "create.drives.none" : "create.drives.choose"));
            if (!t.getValue().isEmpty()) drives.setValue(t.getValue().get(0));
            else toDrive.setDisable(true);
        });
        t.setOnFailed(e -> {
            drives.setPromptText(messages.get("create.drives.none"));
            toDrive.setDisable(true);
        });
        background.execute(t);
    }

    private RadioButton radio(String key) {
        RadioButton b = new RadioButton(messages.get(key));
        b.setToggleGroup(targetGroup);
        return b;
    }

    private Label heading(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("section-heading");
        return l;
    }

    private Button browse(TextField field, boolean folder) {
        Button b = new Button(messages.get("create.browse"));
        b.setOnAction(e -> {
            File f;
            if (folder) {
                DirectoryChooser dc = new DirectoryChooser();
                f = dc.showDialog(getScene() == null ? null : getScene().getWindow());
            } else {
                FileChooser fc = new FileChooser();
                fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("create.isoFiles"), "*.iso"));
                f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
            }
            if (f != null) field.setText(f.getAbsolutePath());
        });
        return b;
    }

    public ObservableList<StudyChoice> studies() { return studies; }

    public RadioButton isoTarget() { return toIso; }

    public TextField isoPath() { return isoPath; }

    public RadioButton folderTarget() { return toFolder; }

    public TextField folderPath() { return folderPath; }

    public CheckBox webOption() { return web; }

    public CheckBox labelOption() { return label; }

    public ComboBox<Profile> profile() { return profile; }

    public TextArea previewText() { return preview; }

    public Button createButton() { return createButton; }

    public Label result() { return result; }

    public TaskPanel taskPanel() { return task; }

    /** The report of the last run, or null. */
    public CreateReport report() { return report; }

    public List<Path> labelFiles() { return labelFiles; }
}
