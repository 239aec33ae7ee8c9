package org.pdistation.viewer.browser;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.pdistation.viewer.i18n.Messages;
import org.pdistation.viewer.model.DicomDates;
import org.pdistation.viewer.model.MediaContent;
import org.pdistation.viewer.model.NameFormat;
import org.pdistation.viewer.model.PatientEntry;
import org.pdistation.viewer.model.SeriesEntry;
import org.pdistation.viewer.model.StudyEntry;

/**
 * The study browser: patients → studies → series with dates, modality, description, image count and thumbnails,
 * a filter field, and the problems of the medium in words. Double-click (or Enter on) a series to view it; drop a
 * folder or DICOMDIR to open it.
 */
public final class BrowserPane extends VBox {
    private final Messages messages;
    private final TextField filter = new TextField();
    private final TreeTableView<BrowserRow> tree = new TreeTableView<>();
    private final Label summary = new Label();
    private final Label problemsTitle = new Label();
    private final ListView<String> problems = new ListView<>();
    private final ThumbnailLoader thumbnails = new ThumbnailLoader();
    private final Map<SeriesEntry, Image> thumbs = new HashMap<>();
    private MediaContent content = MediaContent.empty();
    private CompletableFuture<Void> thumbnailsDone = CompletableFuture.completedFuture(null);
    private Consumer<SeriesEntry> onOpenSeries = s -> {};
    private Consumer<Path> onOpenPath = p -> {};

    public BrowserPane(Messages messages) {
        this.messages = messages;
        getStyleClass().add("browser");
        setSpacing(6);
        setPadding(new Insets(8));
        filter.setPromptText(messages.get("browser.filter.prompt"));
        filter.setId("browser-filter");
        filter.textProperty().addListener((o, a, b) -> rebuild());
        tree.setId("browser-tree");
        tree.setShowRoot(false);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tree.getColumns().setAll(List.of(nameColumn(), column("browser.column.date", BrowserRow::date, 112),
                column("browser.column.modality", BrowserRow::modality, 84),
                column("browser.column.description", BrowserRow::description, 110), imagesColumn()));
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
        problems.managedProperty().bind(problems.visibleProperty());
        problemsTitle.managedProperty().bind(problemsTitle.visibleProperty());
        getChildren().addAll(filter, tree, summary, problemsTitle, problems);
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (ok) onOpenPath.accept(e.getDragboard().getFiles().get(0).toPath());
            e.setDropCompleted(ok);
            e.consume();
        });
        show(MediaContent.empty());
    }

    public void setOnOpenSeries(Consumer<SeriesEntry> c) { onOpenSeries = c; }

    public void setOnOpenPath(Consumer<Path> c) { onOpenPath = c; }

    public TreeTableView<BrowserRow> tree() { return tree; }

    public TextField filter() { return filter; }

    public ListView<String> problems() { return problems; }

    /** Completes when every series of the current content has its thumbnail (or is known to have none). */
    public CompletableFuture<Void> thumbnailsDone() { return thumbnailsDone; }

    public Image thumbnail(SeriesEntry s) { return thumbs.get(s); }

    public void dispose() { thumbnails.close(); }

    /** The sentence the empty browser shows (no media open, an empty archive). */
    public void setEmptyText(String text) {
        ((Label) tree.getPlaceholder()).setText(text);
    }

    public void show(MediaContent c) {
        this.content = c;
        setEmptyText(messages.get("browser.empty"));
        thumbs.clear();
        List<SeriesEntry> all = c.allSeries();
        summary.setText(c.source() == null ? "" : messages.format("browser.summary", c.patients().size(),
                c.studyCount(), all.size(), c.instanceCount()));
        problems.getItems().setAll(c.problems());
        problems.setVisible(!c.problems().isEmpty());
        problemsTitle.setVisible(!c.problems().isEmpty());
        problemsTitle.setText(messages.format("browser.problems", c.problems().size()));
        rebuild();
        CompletableFuture<Void> done = new CompletableFuture<>();
        thumbnailsDone = done;
        if (all.isEmpty()) done.complete(null);
        int[] left = {all.size()};
        thumbnails.load(all, (s, img) -> {
            if (img != null) thumbs.put(s, img);
            tree.refresh();
            if (--left[0] == 0) done.complete(null);
        });
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

    /** Rebuilds the tree for the filter text: a patient or study that matches shows all below it. */
    private void rebuild() {
        String f = filter.getText() == null ? "" : filter.getText().strip().toLowerCase(Locale.ROOT);
        TreeItem<BrowserRow> root = new TreeItem<>();
        Locale loc = messages.locale();
        for (PatientEntry p : content.patients()) {
            String name = NameFormat.display(p.name());
            BrowserRow pr = new BrowserRow(BrowserRow.Kind.PATIENT,
                    (name.isEmpty() ? messages.get("browser.patient.unknown") : name) + "  [" + p.id() + "]",
                    DicomDates.display(p.birthDate(), loc), "", "", p.studies().stream().mapToInt(StudyEntry::instances).sum(), null);
            boolean patientHit = matches(f, p.name(), p.id(), name);
            TreeItem<BrowserRow> pi = new TreeItem<>(pr);
            pi.setExpanded(true);
            for (StudyEntry st : p.studies()) {
                String modalities = String.join("/", st.series().stream().map(SeriesEntry::modality)
                        .filter(m -> !m.isBlank()).distinct().toList());
                String date = DicomDates.display(st.date(), loc);
                BrowserRow sr = new BrowserRow(BrowserRow.Kind.STUDY,
                        st.description().isBlank() ? messages.get("browser.study.unknown") : st.description(), date,
                        modalities, "", st.instances(), null);
                boolean studyHit = patientHit || matches(f, st.description(), st.date(), date, st.accession(), modalities);
                TreeItem<BrowserRow> si = new TreeItem<>(sr);
                si.setExpanded(true);
                for (SeriesEntry se : st.series()) {
                    if (!studyHit && !matches(f, se.description(), se.modality(), se.number())) continue;
                    String label = se.number().isBlank() ? messages.get("browser.series.noNumber")
                            : messages.format("browser.series", se.number());
                    si.getChildren().add(new TreeItem<>(new BrowserRow(BrowserRow.Kind.SERIES, label, date,
                            se.modality(), se.description(), se.instances(), se)));
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
        c.setPrefWidth(width);
        // Dates and modalities must not be clipped; the description column gives way.
        c.setMinWidth(key.equals("browser.column.description") ? 40 : width);
        return c;
    }

    private TreeTableColumn<BrowserRow, Number> imagesColumn() {
        TreeTableColumn<BrowserRow, Number> c = new TreeTableColumn<>(messages.get("browser.column.images"));
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().getValue() == null ? 0
                : cd.getValue().getValue().images()));
        c.setPrefWidth(70);
        c.setMinWidth(56);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    private TreeTableColumn<BrowserRow, BrowserRow> nameColumn() {
        TreeTableColumn<BrowserRow, BrowserRow> c = new TreeTableColumn<>(messages.get("browser.column.name"));
        c.setPrefWidth(300);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().getValue()));
        c.setCellFactory(col -> new TreeTableCell<>() {
            private final ImageView view = new ImageView();

            @Override
            protected void updateItem(BrowserRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(row.name());
                Image img = row.series() == null ? null : thumbs.get(row.series());
                if (img != null) {
                    view.setImage(img);
                    view.setFitWidth(ThumbnailLoader.SIZE);
                    view.setFitHeight(ThumbnailLoader.SIZE);
                    view.setPreserveRatio(true);
                    setGraphic(view);
                } else {
                    setGraphic(null);
                }
            }
        });
        return c;
    }
}
