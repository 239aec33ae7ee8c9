package org.pdistation.viewer.browser;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.pdistation.viewer.i18n.Messages;
import org.pdistation.viewer.model.MediaContent;
import org.pdistation.viewer.model.PatientEntry;
import org.pdistation.viewer.model.SeriesDetails;
import org.pdistation.viewer.model.SeriesEntry;
import org.pdistation.viewer.model.StudyEntry;

/**
 * The study browser: patients → studies → series with dates, modality, description, image count and thumbnails,
 * a filter field, and the problems of the medium in words. Double-click (or Enter on) a series to view it; drop a
 * folder or DICOMDIR to open it.
 */
public final class BrowserPane extends VBox {
    /** Room for the vertical scroll bar and the view's borders, so that no horizontal scroll bar appears. */
    private static final double SCROLLBAR_AND_BORDERS = 18;
    private final Messages messages;
    private final TextField filter = new TextField();
    private final TreeTableView<BrowserRow> tree = new TreeTableView<>();
    private final Label summary = new Label();
    private final Label problemsTitle = new Label();
    private final ListView<String> problems = new ListView<>();
    private final ThumbnailLoader thumbnails = new ThumbnailLoader();
    private final DetectedMediaPane detectedMedia;
    private final ProblemsPanel check;
    private final Map<SeriesEntry, Image> thumbs = new HashMap<>();
    private final Map<SeriesEntry, SeriesDetails> details = new HashMap<>();
    private final Map<SeriesEntry, TreeItem<BrowserRow>> seriesItems = new IdentityHashMap<>();
    private final Map<SeriesEntry, StudyEntry> studyOf = new IdentityHashMap<>();
    private final Map<StudyEntry, PatientEntry> patientOf = new IdentityHashMap<>();
    private final BrowserRows rows;
    private MediaContent content = MediaContent.empty();
    private CompletableFuture<Void> thumbnailsDone = CompletableFuture.completedFuture(null);
    private Consumer<SeriesEntry> onOpenSeries = s -> {};
    private Consumer<Path> onOpenPath = p -> {};

    public BrowserPane(Messages messages) {
        this.messages = messages;
        this.rows = new BrowserRows(messages, details);
        this.detectedMedia = new DetectedMediaPane(messages);
        this.check = new ProblemsPanel(messages);
        detectedMedia.setOnOpen(p -> onOpenPath.accept(p));
        getStyleClass().add("browser");
        setSpacing(6);
        setPadding(new Insets(8));
        filter.setPromptText(messages.get("browser.filter.prompt"));
        filter.setId("browser-filter");
        filter.textProperty().addListener((o, a, b) -> rebuild());
        tree.setId("browser-tree");
        tree.setShowRoot(false);
        // The tree column takes what the fixed columns leave: at the default 1440×900 window the browser is about
        // 550 px wide, too narrow for a separate description column, so descriptions live in the tree column. Its
        // width follows the view's (a binding rather than a constrained resize policy, which left the body's cells
        // out of step with the header once rows were updated in place).
        TreeTableColumn<BrowserRow, BrowserRow> name = nameColumn();
        List<TreeTableColumn<BrowserRow, ?>> fixed = List.of(column("browser.column.date", BrowserRow::date, 92),
                column("browser.column.modality", BrowserRow::modality, 84), imagesColumn());
        double fixedWidth = fixed.stream().mapToDouble(TreeTableColumn::getPrefWidth).sum();
        name.prefWidthProperty().bind(tree.widthProperty().subtract(fixedWidth + SCROLLBAR_AND_BORDERS));
        tree.setColumnResizePolicy(TreeTableView.UNCONSTRAINED_RESIZE_POLICY);
        tree.getColumns().add(name);
        tree.getColumns().addAll(fixed);
        tree.setPlaceholder(new Label(messages.get("browser.empty")));
        ((Label) tree.getPlaceholder()).setWrapText(true);
        tree.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) openSelected();
        });
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) openSelected();
        });
        VBox.setVgrow(tree, Priority.ALWAYS);
        summary.getStyleClass().add("summary");
        problemsTitle.getStyleClass().add("problems-title");
        problems.setId("browser-problems");
        problems.getStyleClass().add("problems");
        problems.setPrefHeight(120);
        // Each problem is a sentence followed by its details: wrapped to the list's width rather than cut off.
        problems.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(l.widthProperty().subtract(SCROLLBAR_AND_BORDERS));
            }

            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
            }
        });
        problems.managedProperty().bind(problems.visibleProperty());
        problemsTitle.managedProperty().bind(problemsTitle.visibleProperty());
        getChildren().addAll(detectedMedia, filter, tree, summary, problemsTitle, problems, check);
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        setOnDragDropped(e -> {
            e.setDropCompleted(e.getDragboard().hasFiles() && openDropped(e.getDragboard().getFiles()));
            e.consume();
        });
        show(MediaContent.empty());
    }

    /**
     * Opens the first of the files dropped on the browser (a folder, a DICOMDIR, an .iso image or a single file:
     * {@link org.pdistation.viewer.model.MediaReader} tells them apart). The drop handler's work, callable by tests.
     *
     * @return false when nothing was dropped
     */
    public boolean openDropped(List<java.io.File> files) {
        if (files == null || files.isEmpty()) return false;
        onOpenPath.accept(files.get(0).toPath());
        return true;
    }

    /** The discs and USB sticks mounted now (fed by the main window's media monitor). */
    public DetectedMediaPane detectedMedia() { return detectedMedia; }

    /** The check of the opened medium against the PDI rules, in words. */
    public ProblemsPanel check() { return check; }

    public void setOnOpenSeries(Consumer<SeriesEntry> c) { onOpenSeries = c; }

    public void setOnOpenPath(Consumer<Path> c) { onOpenPath = c; }

    public TreeTableView<BrowserRow> tree() { return tree; }

    public TextField filter() { return filter; }

    public ListView<String> problems() { return problems; }

    /** Completes when every series of the current content has its thumbnail (or is known to have none). */
    public CompletableFuture<Void> thumbnailsDone() { return thumbnailsDone; }

    public Image thumbnail(SeriesEntry s) { return thumbs.get(s); }

    /**
     * {@code c} with the keys its DICOMDIR left out filled from the instance headers read so far (series description,
     * study description, sex, ...); content the browser did not read is returned as it is.
     */
    public MediaContent filled(MediaContent c) {
        return new MediaContent(c.source(), c.patients().stream().map(rows::filled).toList(), c.readingProblems());
    }

    public void dispose() {
        thumbnails.close();
        check.dispose();
    }

    /** The sentence the empty browser shows (no media open, an empty archive). */
    public void setEmptyText(String text) {
        ((Label) tree.getPlaceholder()).setText(text);
    }

    public void show(MediaContent c) {
        this.content = c;
        setEmptyText(messages.get("browser.empty"));
        thumbs.clear();
        details.clear();
        studyOf.clear();
        patientOf.clear();
        for (PatientEntry p : c.patients()) {
            for (StudyEntry st : p.studies()) {
                patientOf.put(st, p);
                for (SeriesEntry se : st.series()) studyOf.put(se, st);
            }
        }
        List<SeriesEntry> all = c.allSeries();
        summary.setText(c.source() == null ? "" : messages.format("browser.summary", c.patients().size(),
                c.studyCount(), all.size(), c.instanceCount()));
        showReadingProblems(c.problems());
        rebuild();
        CompletableFuture<Void> done = new CompletableFuture<>();
        thumbnailsDone = done;
        if (all.isEmpty()) done.complete(null);
        int[] left = {all.size()};
        thumbnails.load(all, (s, t) -> {
            if (t.image() != null) thumbs.put(s, t.image());
            details.put(s, t.details());
            refreshRowsOf(s);
            if (--left[0] == 0) done.complete(null);
        });
        // The disc is checked once the browser is filled, so that the check delays neither it nor the first image.
        check.check(c.source(), done);
        // A missing file is both a reading problem and the check's rule 20 finding: once the check has listed it
        // (with its rule), the reading problem for the same file goes. Completes on the FX thread.
        check.done().thenAccept(r -> {
            if (r != null && content == c) showReadingProblems(c.withoutMissing(r.missingFiles()).problems());
        });
    }

    private void showReadingProblems(List<String> sentences) {
        problems.getItems().setAll(sentences);
        problems.setVisible(!sentences.isEmpty());
        problemsTitle.setVisible(!sentences.isEmpty());
        problemsTitle.setText(messages.format("browser.problems", sentences.size()));
    }

    private void openSelected() {
        TreeItem<BrowserRow> item = tree.getSelectionModel().getSelectedItem();
        if (item == null) return;
        BrowserRow r = item.getValue();
        if (r.series() != null) {
            onOpenSeries.accept(r.series());
        } else if (!item.getChildren().isEmpty()) {
            item.setExpanded(!item.isExpanded());
        }
    }

    /** Rewrites the series row, its study's and its patient's with what the series' header added. */
    private void refreshRowsOf(SeriesEntry s) {
        TreeItem<BrowserRow> item = seriesItems.get(s);
        if (item == null) return; // filtered out; rebuild() picks the details up
        item.setValue(rows.series(s));
        StudyEntry st = studyOf.get(s);
        TreeItem<BrowserRow> studyItem = item.getParent();
        if (st == null || studyItem == null) return;
        studyItem.setValue(rows.study(st));
        PatientEntry p = patientOf.get(st);
        if (p != null && studyItem.getParent() != null) studyItem.getParent().setValue(rows.patient(p));
    }

    /** Rebuilds the tree for the filter text: a patient or study that matches shows all below it. */
    private void rebuild() {
        String f = filter.getText() == null ? "" : filter.getText().strip().toLowerCase(Locale.ROOT);
        TreeItem<BrowserRow> root = new TreeItem<>();
        seriesItems.clear();
        for (PatientEntry p : content.patients()) {
            BrowserRow pr = rows.patient(p);
            boolean patientHit = matches(f, p.name(), p.id(), pr.name(), pr.detail());
            TreeItem<BrowserRow> pi = new TreeItem<>(pr);
            pi.setExpanded(true);
            for (StudyEntry st : p.studies()) {
                BrowserRow sr = rows.study(st);
                boolean studyHit = patientHit || matches(f, sr.name(), sr.detail(), st.date(), sr.date(),
                        st.accession(), sr.modality());
                TreeItem<BrowserRow> si = new TreeItem<>(sr);
                si.setExpanded(true);
                for (SeriesEntry se : st.series()) {
                    BrowserRow row = rows.series(se);
                    if (!studyHit && !matches(f, row.name(), row.detail(), row.modality())) continue;
                    TreeItem<BrowserRow> item = new TreeItem<>(row);
                    seriesItems.put(se, item);
                    si.getChildren().add(item);
                }
                if (studyHit || !si.getChildren().isEmpty()) pi.getChildren().add(si);
            }
            if (patientHit || !pi.getChildren().isEmpty()) root.getChildren().add(pi);
        }
        tree.setRoot(root);
    }

    private static boolean matches(String f, String... values) {
        if (f.isEmpty()) return true;
        for (String v : values) {
            if (v != null && v.toLowerCase(Locale.ROOT).contains(f)) return true;
        }
        return false;
    }

    private TreeTableColumn<BrowserRow, String> column(String key, java.util.function.Function<BrowserRow, String> get,
                                                       double width) {
        TreeTableColumn<BrowserRow, String> c = new TreeTableColumn<>(messages.get(key));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().getValue() == null ? ""
                : get.apply(cd.getValue().getValue())));
        fixed(c, width);
        c.setStyle("-fx-alignment: CENTER-LEFT;");
        return c;
    }

    private TreeTableColumn<BrowserRow, Number> imagesColumn() {
        TreeTableColumn<BrowserRow, Number> c = new TreeTableColumn<>(messages.get("browser.column.images"));
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().getValue() == null ? 0
                : cd.getValue().getValue().images()));
        fixed(c, 70);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    /** Dates, modalities and counts are never clipped: their columns keep their width, the tree column gives way. */
    private static void fixed(TreeTableColumn<?, ?> c, double width) {
        c.setPrefWidth(width);
        c.setMinWidth(width);
        c.setMaxWidth(width);
        c.setResizable(false);
    }

    private TreeTableColumn<BrowserRow, BrowserRow> nameColumn() {
        TreeTableColumn<BrowserRow, BrowserRow> c = new TreeTableColumn<>(messages.get("browser.column.name"));
        c.setMinWidth(160);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().getValue()));
        c.setCellFactory(col -> new TreeTableCell<>() {
            private final ImageView view = new ImageView();
            // Series rows keep the thumbnail's width even without one, so that their titles line up.
            private final StackPane thumb = new StackPane(view);
            private final Label title = new Label();
            private final Label detail = new Label();
            private final VBox text = new VBox(1, title, detail);
            private final HBox box = new HBox(6, thumb, text);

            {
                view.setFitWidth(ThumbnailLoader.SIZE);
                view.setFitHeight(ThumbnailLoader.SIZE);
                view.setPreserveRatio(true);
                thumb.setMinWidth(ThumbnailLoader.SIZE);
                thumb.setPrefWidth(ThumbnailLoader.SIZE);
                thumb.managedProperty().bind(thumb.visibleProperty());
                detail.getStyleClass().add("browser-detail");
                detail.managedProperty().bind(detail.visibleProperty());
                title.getStyleClass().add("browser-title");
                text.setAlignment(Pos.CENTER_LEFT);
                text.setMinWidth(0);
                box.setAlignment(Pos.CENTER_LEFT);
                box.setMinWidth(0);
                setText(null);
            }

            @Override
            protected void updateItem(BrowserRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                title.setText(row.name());
                detail.setText(row.detail());
                detail.setVisible(!row.detail().isEmpty());
                Image img = row.series() == null ? null : thumbs.get(row.series());
                view.setImage(img);
                thumb.setVisible(row.series() != null);
                setGraphic(box);
                setTooltip(new Tooltip(row.detail().isEmpty() ? row.name() : row.name() + "\n" + row.detail()));
            }
        });
        return c;
    }
}
