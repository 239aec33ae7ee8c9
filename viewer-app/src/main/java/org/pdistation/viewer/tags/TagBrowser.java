package org.pdistation.viewer.tags;

import java.nio.file.Path;
import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.viewer.i18n.Messages;

/**
 * The data set of one instance as a tree table (tag, VR, name, value) with a search field that keeps the rows
 * whose tag, name or value contain the text, with their enclosing sequences. Pixel data and other bulk values are
 * not read (bulk by reference), so a large file opens at once.
 */
public final class TagBrowser extends BorderPane {
    private final Messages messages;
    private final TextField search = new TextField();
    private final TreeTableView<TagRow> table = new TreeTableView<>();
    private final Label source = new Label();
    private List<TagRow> all = List.of();

    public TagBrowser(Messages messages) {
        this.messages = messages;
        getStyleClass().add("tag-browser");
        search.setPromptText(messages.get("tags.search"));
        search.setId("tag-search");
        search.textProperty().addListener((o, a, b) -> refill());
        HBox top = new HBox(8, new Label(messages.get("tags.searchLabel")), search, source);
        HBox.setHgrow(search, Priority.ALWAYS);
        top.setPadding(new Insets(6));
        setTop(top);
        table.setId("tag-table");
        table.setShowRoot(false);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("tags.column.tag", TagRow::tag, 130));
        table.getColumns().add(column("tags.column.vr", TagRow::vr, 45));
        table.getColumns().add(column("tags.column.name", TagRow::name, 260));
        table.getColumns().add(column("tags.column.value", TagRow::value, 400));
        setCenter(table);
    }

    private TreeTableColumn<TagRow, String> column(String key, java.util.function.Function<TagRow, String> f, double w) {
        TreeTableColumn<TagRow, String> c = new TreeTableColumn<>(messages.get(key));
        c.setPrefWidth(w);
        c.setCellValueFactory(p -> new ReadOnlyStringWrapper(p.getValue().getValue() == null ? ""
                : f.apply(p.getValue().getValue())));
        return c;
    }

    /** Reads {@code file} (headers only; call off the FX thread) into rows: the file meta group first. */
    public static List<TagRow> read(Path file, Messages messages) throws java.io.IOException {
        DicomFile f = DicomReader.read(file, ReadOptions.BULK_BY_REFERENCE);
        TagRows rows = new TagRows(messages);
        List<TagRow> out = new java.util.ArrayList<>();
        Dataset meta = f.fileMeta();
        if (meta != null && !meta.isEmpty()) {
            out.add(new TagRow("", "", messages.get("tags.fileMeta"), "", rows.rows(meta)));
        }
        out.addAll(rows.rows(f.dataset()));
        return out;
    }

    /** Shows {@code rows} (on the FX thread) for the file {@code from}. */
    public void show(List<TagRow> rows, Path from) {
        all = List.copyOf(rows);
        source.setText(from == null ? "" : from.getFileName().toString());
        refill();
    }

    public TextField searchField() { return search; }

    public TreeTableView<TagRow> table() { return table; }

    private void refill() {
        TreeItem<TagRow> root = new TreeItem<>();
        String q = search.getText();
        boolean filtering = q != null && !q.isBlank();
        for (TagRow r : all) {
            TagRow kept = r.filter(q);
            if (kept != null) root.getChildren().add(item(kept, filtering));
        }
        table.setRoot(root);
    }

    private static TreeItem<TagRow> item(TagRow r, boolean expand) {
        TreeItem<TagRow> it = new TreeItem<>(r);
        for (TagRow c : r.children()) it.getChildren().add(item(c, expand));
        // The file meta group and search results open; sequences stay closed until asked for.
        it.setExpanded(expand || r.tag().isEmpty());
        return it;
    }
}
