package org.pdistation.viewer.importer;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import org.pdistation.imaging.io.OwnerOnly;
import org.pdistation.importer.journal.InstanceState;
import org.pdistation.importer.reconcile.IdentityCandidate;
import org.pdistation.importer.reconcile.IdentityQuery;
import org.pdistation.importer.reconcile.LocalIdentity;
import org.pdistation.importer.report.ImportReport;
import org.pdistation.viewer.i18n.Messages;
import org.pdistation.viewer.settings.PacsNode;
import org.pdistation.viewer.task.ClerkError;
import org.pdistation.viewer.task.TaskPanel;

/**
 * The import screen (issue 8 item 5): the medium's review tree with per-instance problems and check boxes; the
 * patient reconciled (typed, or found in the PACS with a patient-level C-FIND); the destination from the settings;
 * progress with Cancel (which stops the import resumably); the report with CSV export; the history with resume.
 */
public final class ImportPane extends BorderPane {
    private final Messages messages;
    private final ExecutorService background;
    private final ImportSession session;
    private final TextField mediumPath = new TextField();
    private final TreeView<ReviewNode> tree = new TreeView<>();
    private final Label reviewSummary = new Label();
    private final TextField patientId = new TextField();
    private final TextField issuer = new TextField();
    private final TextField patientName = new TextField();
    private final TextField birthDate = new TextField();
    private final TextField sex = new TextField();
    private final TextField accession = new TextField();
    private final ListView<IdentityCandidate> matches = new ListView<>();
    private final ComboBox<PacsNode> destination;
    private final Button importButton;
    private final TaskPanel task;
    private final TextArea report = new TextArea();
    private final Button saveCsv;
    private final ListView<ImportSession.HistoryEntry> history = new ListView<>();
    private final Button resume;
    private ImportSession.Review review;
    private ImportSession.Result lastResult;
    private ImportReport shownReport;

    public ImportPane(Messages messages, ExecutorService background, ImportSession session, List<PacsNode> nodes,
                      Path medium) {
        this.messages = messages;
        this.background = background;
        this.session = session;
        getStyleClass().add("import-pane");
        setPadding(new Insets(10));

        Button browseFolder = button("import.browse.folder", () -> chooseMedium(true));
        Button browseFile = button("import.browse.file", () -> chooseMedium(false));
        Button reviewButton = button("import.review", () -> review(Path.of(mediumPath.getText().strip())));
        HBox.setHgrow(mediumPath, Priority.ALWAYS);
        mediumPath.setPromptText(messages.get("import.medium.prompt"));
        HBox top = new HBox(6, new Label(messages.get("import.medium")), mediumPath, browseFolder, browseFile,
                reviewButton);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);

        tree.setShowRoot(false);
        tree.setCellFactory(v -> new ReviewCell());
        VBox left = new VBox(6, heading("import.tree"), tree, reviewSummary);
        VBox.setVgrow(tree, Priority.ALWAYS);
        reviewSummary.setWrapText(true);

        GridPane id = new GridPane();
        id.setHgap(8);
        id.setVgap(4);
        int r = 0;
        id.addRow(r++, new Label(messages.get("import.patientId")), patientId);
        id.addRow(r++, new Label(messages.get("import.issuer")), issuer);
        id.addRow(r++, new Label(messages.get("import.patientName")), patientName);
        id.addRow(r++, new Label(messages.get("import.birthDate")), birthDate);
        id.addRow(r++, new Label(messages.get("import.sex")), sex);
        id.addRow(r++, new Label(messages.get("import.accession")), accession);
        Button find = button("import.find", this::lookUp);
        Button findWorklist = button("import.findWorklist", this::findInWorklist);
        findWorklist.setId("find-worklist");
        matches.setPrefHeight(70);
        matches.setPlaceholder(new Label(messages.get("import.matches.none")));
        matches.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(IdentityCandidate c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.describe());
            }
        });
        matches.getSelectionModel().selectedItemProperty().addListener((o, was, i) -> {
            if (i != null) fill(i.identity());
        });
        destination = new ComboBox<>(FXCollections.observableArrayList(nodes));
        destination.setCellFactory(v -> nodeCell());
        destination.setButtonCell(nodeCell());
        destination.setPromptText(messages.get(nodes.isEmpty() ? "import.destination.none"
                : "import.destination.choose"));
        if (!nodes.isEmpty()) destination.setValue(nodes.get(0));
        importButton = button("import.start", this::startImport);
        importButton.setDefaultButton(true);
        task = new TaskPanel(messages);
        report.setEditable(false);
        report.setPrefRowCount(8);
        saveCsv = button("import.saveCsv", this::saveCsv);
        saveCsv.setDisable(true);
        Label hint = new Label(messages.get("import.reconcile.hint"));
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE); // wrapped, never cut off with an ellipsis
        VBox reconcile = new VBox(6, heading("import.reconcile"), hint,
                id, new HBox(6, find, findWorklist), matches, heading("import.destination"), destination, importButton, task);
        VBox reportBox = new VBox(6, report, saveCsv);
        VBox.setVgrow(report, Priority.ALWAYS);
        history.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ImportSession.HistoryEntry h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty || h == null ? null : messages.format("import.history.line", h.job().id(),
                        h.job().started(), h.job().pacs(), stateText(h), countsText(h.counts())));
            }
        });
        history.setPlaceholder(new Label(messages.get("import.history.empty")));
        resume = button("import.resume", this::resumeSelected);
        Button showReport = button("import.history.report", this::showSelectedReport);
        resume.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            ImportSession.HistoryEntry h = history.getSelectionModel().getSelectedItem();
            return h == null || !h.resumable();
        }, history.getSelectionModel().selectedItemProperty()));
        VBox historyBox = new VBox(6, history, new HBox(6, showReport, resume));
        VBox.setVgrow(history, Priority.ALWAYS);
        TabPane tabs = new TabPane(new Tab(messages.get("import.tab.reconcile"), scroll(reconcile)),
                new Tab(messages.get("import.tab.report"), reportBox),
                new Tab(messages.get("import.tab.history"), historyBox));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane split = new SplitPane(left, tabs);
        split.setDividerPositions(0.6); // the review lines (file ID and what happens to it) are long
        setCenter(split);
        refreshHistory();
        if (medium != null) {
            mediumPath.setText(medium.toString());
            review(medium);
        }
    }

    private static javafx.scene.control.ScrollPane scroll(javafx.scene.Node n) {
        javafx.scene.control.ScrollPane s = new javafx.scene.control.ScrollPane(n);
        s.setFitToWidth(true);
        s.getStyleClass().add("plain-scroll");
        return s;
    }

    /** Reads the medium into the review tree on a background thread. */
    public void review(Path medium) {
        closeReview();
        tree.setRoot(null);
        Task<ImportSession.Review> t = new Task<>() {
            @Override
            protected ImportSession.Review call() throws Exception {
                updateMessage(messages.format("import.reviewing", medium));
                updateProgress(-1, 1);
                return session.review(medium);
            }
        };
        task.run(messages.get("import.reviewing.title"), messages.get("import.doing.review"), t, background, rv -> {
            review = rv;
            tree.setRoot(ReviewNode.tree(rv.model(), messages));
            reviewSummary.setText(ReviewNode.summary(rv.model(), messages));
            if (rv.model().patients().size() == 1 && patientId.getText().isBlank()) {
                var p = rv.model().patients().get(0);
                patientId.setPromptText(p.patientId());
                patientName.setPromptText(p.name());
            }
        });
    }

    /** Patient-level C-FIND at the destination by the typed ID, else by the typed name (wildcards allowed). */
    private void lookUp() {
        PacsNode node = destination.getValue();
        IdentityQuery q = typedQuery(false);
        if (node == null || q == null) {
            task.showError(new ClerkError(messages.get("import.find.missing"), ""));
            return;
        }
        search(messages.get("import.find"), messages.format("import.doing.find", node.describe()), node.describe(),
                () -> session.findInPacs(node, q));
    }

    /** Modality Worklist C-FIND by the typed ID, else accession number, else name (PS3.4 K.6). */
    public void findInWorklist() {
        IdentityQuery q = typedQuery(true);
        if (!session.hasWorklist() || q == null) {
            task.showError(new ClerkError(messages.get("import.findWorklist.missing"), ""));
            return;
        }
        search(messages.get("import.findWorklist"), messages.format("import.doing.findWorklist", ""), "",
                () -> session.findInWorklist(q));
    }

    private void search(String title, String doing, String where,
                        java.util.concurrent.Callable<List<IdentityCandidate>> work) {
        Task<List<IdentityCandidate>> t = new Task<>() {
            @Override
            protected List<IdentityCandidate> call() throws Exception {
                updateMessage(messages.format("import.finding", where));
                updateProgress(-1, 1);
                return work.call();
            }
        };
        // Several matches are listed for the clerk to choose; only a single one fills the form by itself.
        task.run(title, doing, t, background, list -> {
            matches.getItems().setAll(list);
            if (list.size() == 1) matches.getSelectionModel().select(0);
        });
    }

    /** What the clerk typed as a query: the ID (with issuer), else the accession (worklist only), else the name. */
    private IdentityQuery typedQuery(boolean worklist) {
        String id = patientId.getText().strip();
        if (!id.isEmpty()) return IdentityQuery.byId(id, blankToNull(issuer.getText()));
        if (worklist && !accession.getText().isBlank()) return IdentityQuery.byAccession(accession.getText().strip());
        if (!patientName.getText().isBlank()) return IdentityQuery.byName(patientName.getText().strip());
        return null;
    }

    private void fill(LocalIdentity i) {
        patientId.setText(i.patientId());
        issuer.setText(i.issuer() == null ? "" : i.issuer());
        patientName.setText(i.name());
        birthDate.setText(i.birthDate());
        sex.setText(i.sex());
        // A worklist item brings its accession number, so that the import coerces it (PDI-REQUIREMENTS 29).
        if (i.accessionNumber() != null && !i.accessionNumber().isEmpty()) accession.setText(i.accessionNumber());
    }

    /** The reconciled identity, or null to keep the medium's (nothing typed). */
    LocalIdentity identity() {
        if (patientId.getText().isBlank()) return null;
        return new LocalIdentity(patientId.getText().strip(), blankToNull(issuer.getText()),
                blankToNull(patientName.getText()), blankToNull(birthDate.getText()), blankToNull(sex.getText()),
                blankToNull(accession.getText()), null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public void startImport() {
        PacsNode node = destination.getValue();
        if (review == null) {
            task.showError(new ClerkError(messages.get("import.missing.review"), ""));
            return;
        }
        if (node == null) {
            task.showError(new ClerkError(messages.get("import.destination.none"), ""));
            return;
        }
        List<String> chosen = ReviewNode.chosenSeries(tree.getRoot());
        int allSeries = countSeries(tree.getRoot());
        if (chosen.isEmpty()) {
            task.showError(new ClerkError(messages.get("import.missing.selection"), ""));
            return;
        }
        // Everything chosen: an empty selection, so that the report also accounts for files outside any series.
        List<String> selection = chosen.size() == allSeries ? List.of() : chosen;
        LocalIdentity id = identity();
        ImportSession.Review rv = review;
        AtomicLong job = new AtomicLong(-1);
        Task<ImportSession.Result> t = new Task<>() {
            @Override
            protected ImportSession.Result call() throws Exception {
                updateMessage(messages.get("import.preparing"));
                updateProgress(-1, 1);
                return session.importSelected(rv, selection, id, node, job::set, (row, done, total) -> {
                    updateProgress(done, total);
                    updateMessage(messages.format("import.progress", done, total));
                });
            }
        };
        t.setOnCancelled(e -> refreshHistory());
        t.setOnFailed(e -> refreshHistory());
        task.run(messages.format("import.sending", node.describe()), messages.format("import.doing.send",
                node.describe()), t, background, this::finished);
    }

    private void resumeSelected() {
        ImportSession.HistoryEntry h = history.getSelectionModel().getSelectedItem();
        PacsNode node = destination.getValue();
        if (h == null) return;
        if (node == null) {
            task.showError(new ClerkError(messages.get("import.destination.none"), ""));
            return;
        }
        Path again = mediumPath.getText().isBlank() ? null : Path.of(mediumPath.getText().strip());
        Task<ImportSession.Result> t = new Task<>() {
            @Override
            protected ImportSession.Result call() throws Exception {
                updateMessage(messages.get("import.preparing"));
                return session.resume(h.job().id(), again, node, (row, done, total) -> {
                    updateProgress(done, total);
                    updateMessage(messages.format("import.progress", done, total));
                });
            }
        };
        task.run(messages.format("import.resuming", h.job().id()), messages.get("import.doing.resume"), t, background,
                this::finished);
    }

    private void finished(ImportSession.Result r) {
        lastResult = r;
        show(r.report());
        int failed = r.counts().getOrDefault(InstanceState.FAILED, 0) + r.counts().getOrDefault(InstanceState.PENDING, 0);
        if (failed > 0) {
            task.showError(new ClerkError(messages.format("import.result.failures", failed), r.report().countsLine()));
        }
        refreshHistory();
    }

    private void show(ImportReport rep) {
        shownReport = rep;
        StringBuilder b = new StringBuilder(messages.format("import.report.heading", rep.job().id(), rep.job().pacs()))
                .append('\n').append(countsText(rep.counts())).append("\n\n");
        for (ImportReport.Entry e : rep.entries()) {
            if (e.state() == InstanceState.STORED) continue;
            b.append(messages.get("import.state." + e.state().name())).append("  ").append(e.fileId());
            if (!e.statusHex().isEmpty()) b.append("  [").append(e.statusHex()).append(']');
            if (!e.detail().isBlank()) b.append("  ").append(e.detail());
            b.append('\n');
        }
        report.setText(b.toString());
        saveCsv.setDisable(false);
    }

    private void showSelectedReport() {
        ImportSession.HistoryEntry h = history.getSelectionModel().getSelectedItem();
        if (h == null) return;
        Task<ImportReport> t = new Task<>() {
            @Override
            protected ImportReport call() throws Exception {
                return session.report(h.job().id());
            }
        };
        task.run(messages.get("import.history.report"), messages.get("import.doing.history"), t, background,
                this::show);
    }

    private void saveCsv() {
        if (shownReport == null) return;
        FileChooser fc = new FileChooser();
        fc.setInitialFileName("import-" + shownReport.job().id() + ".csv");
        File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) saveCsv(f.toPath());
    }

    /** Writes the shown report as CSV (UTF-8), owner-only: it names the patient's instances. */
    public void saveCsv(Path file) {
        try (Writer w = new java.io.OutputStreamWriter(OwnerOnly.newOutputStream(file), StandardCharsets.UTF_8)) {
            shownReport.toCsv(w);
        } catch (IOException e) {
            task.showError(ClerkError.of(messages, messages.get("import.doing.csv"), e));
        }
    }

    public void refreshHistory() {
        Task<List<ImportSession.HistoryEntry>> t = new Task<>() {
            @Override
            protected List<ImportSession.HistoryEntry> call() throws Exception {
                return session.history();
            }
        };
        t.setOnSucceeded(e -> history.getItems().setAll(t.getValue()));
        background.execute(t);
    }

    private String countsText(Map<InstanceState, Integer> counts) {
        StringBuilder b = new StringBuilder();
        for (InstanceState s : InstanceState.values()) {
            int n = counts.getOrDefault(s, 0);
            if (n == 0) continue;
            if (!b.isEmpty()) b.append(", ");
            b.append(messages.get("import.state." + s.name())).append(' ').append(n);
        }
        return b.isEmpty() ? messages.get("import.counts.none") : b.toString();
    }

    private String stateText(ImportSession.HistoryEntry h) {
        if (h.resumable()) return messages.get("import.history.resumable");
        String s = h.job().state() == null ? "" : h.job().state();
        return s.startsWith("COMPLETE") ? messages.get("import.history.complete") : s;
    }

    private static int countSeries(TreeItem<ReviewNode> item) {
        int n = item.getValue() != null && item.getValue().kind() == ReviewNode.Kind.SERIES ? 1 : 0;
        for (TreeItem<ReviewNode> c : item.getChildren()) n += countSeries(c);
        return n;
    }

    private void chooseMedium(boolean folder) {
        File f;
        if (folder) {
            f = new DirectoryChooser().showDialog(getScene() == null ? null : getScene().getWindow());
        } else {
            f = new FileChooser().showOpenDialog(getScene() == null ? null : getScene().getWindow());
        }
        if (f != null) {
            mediumPath.setText(f.getAbsolutePath());
            review(f.toPath());
        }
    }

    private ListCell<PacsNode> nodeCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(PacsNode n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : n.describe());
            }
        };
    }

    private Button button(String key, Runnable action) {
        Button b = new Button(messages.get(key));
        b.setOnAction(e -> action.run());
        return b;
    }

    private Label heading(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("section-heading");
        return l;
    }

    private void closeReview() {
        if (review != null) {
            try {
                review.close();
            } catch (IOException e) {
                // the image file stays open until the station exits; nothing the clerk can act on
            }
            review = null;
        }
    }

    public void dispose() { closeReview(); }

    public TreeView<ReviewNode> tree() { return tree; }

    /** The line under the review tree: how many files will be imported, with a warning, or not at all. */
    public Label reviewSummary() { return reviewSummary; }

    public ComboBox<PacsNode> destination() { return destination; }

    public TaskPanel taskPanel() { return task; }

    public TextArea report() { return report; }

    public ListView<ImportSession.HistoryEntry> history() { return history; }

    public TextField patientIdField() { return patientId; }

    public TextField patientNameField() { return patientName; }

    public TextField accessionField() { return accession; }

    /** The candidates of the last search (PACS or worklist). */
    public ListView<IdentityCandidate> matches() { return matches; }

    /** The last import's or resume's result, or null. */
    public ImportSession.Result lastResult() { return lastResult; }
}
