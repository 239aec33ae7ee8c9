package org.pdistation.viewer.browser;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

import org.pdistation.viewer.i18n.Messages;
import org.pdistation.viewer.media.MediumCheck;
import org.pdistation.viewer.media.MediumProblem;
import org.pdistation.viewer.view.RenderEngine;

/**
 * The check of the opened medium: a headline ("This disc has 3 problems that another hospital's software may not
 * accept", or a discreet "Checked: no problems") and a table with one plain sentence per problem, the file
 * concerned and the rule number, the technical text in the row's tooltip. The check runs on a thread of its own
 * after the browser is filled, so that it delays neither the browser nor the first image.
 */
public final class ProblemsPanel extends VBox {
    private final Messages messages;
    private final MediumCheck check;
    private final Label title = new Label();
    private final TableView<MediumProblem> table = new TableView<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(RenderEngine.daemonThreads("pdistation-check"));
    private CompletableFuture<MediumCheck.Result> done = CompletableFuture.completedFuture(null);
    private int generation;

    public ProblemsPanel(Messages messages) {
        this.messages = messages;
        this.check = new MediumCheck(messages);
        setSpacing(4);
        getStyleClass().add("medium-check");
        title.setId("browser-check-title");
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        table.setId("browser-check");
        table.getStyleClass().add("problems");
        table.setPrefHeight(150);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<MediumProblem, MediumProblem> sentence = new TableColumn<>(messages.get("check.column.problem"));
        sentence.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cd.getValue()));
        sentence.setCellFactory(c -> new TableCell<>() {
            // One whole sentence per problem, wrapped to the column rather than cut off.
            private final Text text = new Text();

            {
                text.wrappingWidthProperty().bind(c.widthProperty().subtract(12));
                text.getStyleClass().add("check-text");
            }

            @Override
            protected void updateItem(MediumProblem p, boolean empty) {
                super.updateItem(p, empty);
                setText(null);
                if (empty || p == null) {
                    setGraphic(null);
                    return;
                }
                text.setText(p.serious() ? p.sentence() : messages.get("check.minor") + " " + p.sentence());
                text.getStyleClass().setAll("check-text", p.serious() ? "check-serious" : "check-minor");
                setGraphic(text);
            }
        });
        sentence.setPrefWidth(330);
        TableColumn<MediumProblem, String> file = new TableColumn<>(messages.get("check.column.file"));
        file.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().file()));
        file.setPrefWidth(130);
        file.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty ? null : f);
                setTextOverrun(OverrunStyle.LEADING_ELLIPSIS); // the file's own name is the end of its path
                setTooltip(empty || f == null || f.isEmpty() ? null : new Tooltip(f));
            }
        });
        TableColumn<MediumProblem, String> rule = new TableColumn<>(messages.get("check.column.rule"));
        rule.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().rule()));
        rule.setPrefWidth(50);
        table.getColumns().addAll(List.of(sentence, file, rule));
        // The technical text (what was expected and found) is there on request, never in the way.
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(MediumProblem p, boolean empty) {
                super.updateItem(p, empty);
                setTooltip(empty || p == null || p.detail().isEmpty() ? null : new Tooltip(p.detail()));
            }
        });
        managedProperty().bind(visibleProperty());
        table.managedProperty().bind(table.visibleProperty());
        getChildren().addAll(title, table);
        clear();
    }

    public TableView<MediumProblem> table() { return table; }

    public Label title() { return title; }

    /** Completes with the result of the last check started (null when the medium is not one to check). */
    public CompletableFuture<MediumCheck.Result> done() { return done; }

    /** Hides the panel (no medium, or one that is not a disc: a loose folder, a single file). */
    public void clear() {
        generation++;
        done = CompletableFuture.completedFuture(null);
        table.getItems().clear();
        setVisible(false);
    }

    /**
     * Checks {@code source} on the panel's thread once {@code after} completes (the browser filled), unless another
     * medium was opened meanwhile. Call on the FX thread.
     */
    public void check(Path source, CompletableFuture<?> after) {
        clear();
        if (source == null) return;
        int mine = generation;
        CompletableFuture<MediumCheck.Result> result = new CompletableFuture<>();
        done = result;
        after.whenComplete((r, e) -> {
            try {
                worker.execute(() -> {
                    // Deciding reads the medium (a DICOMDIR lookup, an image's volume descriptor): not on the FX thread.
                    if (!MediumCheck.applies(source)) {
                        result.complete(null);
                        return;
                    }
                    Platform.runLater(() -> {
                        if (mine == generation) running();
                    });
                    MediumCheck.Result checked = check.check(source);
                    Platform.runLater(() -> {
                        if (mine == generation) show(checked);
                        result.complete(checked);
                    });
                });
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                result.complete(null); // the station is closing
            }
        });
    }

    private void running() {
        title.setText(messages.get("check.running"));
        title.getStyleClass().setAll("label", "check-running");
        table.setVisible(false);
        setVisible(true);
    }

    private void show(MediumCheck.Result r) {
        setVisible(true);
        table.getItems().setAll(r.problems());
        table.setVisible(!r.problems().isEmpty());
        if (r.serious() > 0) {
            title.setText(messages.format("check.title", r.serious()));
            title.getStyleClass().setAll("label", "problems-title");
        } else {
            title.setText(r.remarks() > 0 ? messages.format("check.remarksOnly", r.remarks()) : messages.get("check.clean"));
            title.getStyleClass().setAll("label", "check-clean");
        }
    }

    public void dispose() { worker.shutdownNow(); }
}
