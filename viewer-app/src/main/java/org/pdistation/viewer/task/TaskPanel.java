package org.pdistation.viewer.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.pdistation.viewer.i18n.Messages;

/**
 * The one progress-and-errors panel of every long task (issue 8 item 8): a progress bar, a line with the counts,
 * Cancel, and, when the task fails, a sentence with the technical details folded under "Details".
 *
 * <p>The task runs on the caller's executor; JavaFX's {@link Task} delivers progress and message updates to the FX
 * thread itself (coalesced through {@code Platform.runLater}). Cancel cancels the task (interrupting its thread,
 * which is how the importer stops) and runs the engine's own hooks (MediaCreator.cancel, burn Cancellation).
 */
public final class TaskPanel extends VBox {
    private final Messages messages;
    private final Label title = new Label();
    private final ProgressBar bar = new ProgressBar(0);
    private final Label counts = new Label();
    private final Button cancel;
    private final Label error = new Label();
    private final TextArea detailsText = new TextArea();
    private final TitledPane details;
    private final List<Runnable> cancelHooks = new ArrayList<>();
    private Task<?> current;

    public TaskPanel(Messages messages) {
        this.messages = messages;
        getStyleClass().add("task-panel");
        setSpacing(6);
        setPadding(new Insets(8));
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        cancel = new Button(messages.get("task.cancel"));
        cancel.setOnAction(e -> cancel());
        cancel.setDisable(true);
        HBox row = new HBox(8, bar, cancel);
        error.setWrapText(true);
        error.getStyleClass().add("task-error");
        detailsText.setEditable(false);
        detailsText.setWrapText(true);
        detailsText.setPrefRowCount(4);
        details = new TitledPane(messages.get("task.details"), detailsText);
        details.setExpanded(false);
        showError(null);
        getChildren().addAll(title, row, counts, error, details);
    }

    /**
     * Runs {@code task} on {@code executor}, showing its progress; {@code onDone} gets the value on the FX thread
     * when it succeeds; {@code doing} names the task in an error sentence ("writing the disc").
     */
    public <T> void run(String heading, String doing, Task<T> task, Executor executor, Consumer<T> onDone,
                        Runnable... hooks) {
        current = task;
        cancelHooks.clear();
        cancelHooks.addAll(List.of(hooks));
        title.setText(heading);
        showError(null);
        bar.progressProperty().bind(task.progressProperty());
        counts.textProperty().bind(task.messageProperty());
        cancel.setDisable(false);
        task.stateProperty().addListener((o, was, now) -> {
            if (now == Worker.State.SUCCEEDED || now == Worker.State.FAILED || now == Worker.State.CANCELLED) {
                bar.progressProperty().unbind();
                counts.textProperty().unbind();
                cancel.setDisable(true);
            }
            if (now == Worker.State.SUCCEEDED) {
                bar.setProgress(1);
                counts.setText(messages.get("task.done"));
                if (onDone != null) onDone.accept(task.getValue());
            } else if (now == Worker.State.FAILED) {
                bar.setProgress(0);
                showError(ClerkError.of(messages, doing, task.getException()));
            } else if (now == Worker.State.CANCELLED) {
                counts.setText(messages.get("task.cancelled"));
            }
        });
        executor.execute(task);
    }

    /** Shows a problem the task reported without failing (a medium that did not verify), or clears it. */
    public void showError(ClerkError e) {
        boolean show = e != null;
        error.setText(show ? e.sentence() : "");
        detailsText.setText(show ? e.details() : "");
        error.setVisible(show);
        error.setManaged(show);
        boolean withDetails = show && !e.details().isBlank();
        details.setVisible(withDetails);
        details.setManaged(withDetails);
        details.setExpanded(false);
    }

    public void cancel() {
        cancelHooks.forEach(Runnable::run);
        if (current != null) current.cancel(true);
    }

    public boolean running() { return current != null && current.isRunning(); }

    public ProgressBar bar() { return bar; }

    public Label counts() { return counts; }

    public Label error() { return error; }

    public TitledPane details() { return details; }

    public Button cancelButton() { return cancel; }
}
