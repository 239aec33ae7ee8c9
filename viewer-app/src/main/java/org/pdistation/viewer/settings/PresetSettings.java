package org.pdistation.viewer.settings;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.pdistation.viewer.i18n.Messages;
import org.pdistation.viewer.task.ClerkError;
import org.pdistation.viewer.view.PresetStore;
import org.pdistation.viewer.view.WindowPreset;

/**
 * The settings screen's window presets (issue 8: a configurable preset list): the list in the user's order (digit
 * keys count within a modality in this order), add, update, remove, move up/down and restore the defaults. Every
 * change is saved at once through {@link PresetStore} and handed to {@code onChange} (the open viewer and the
 * Window menu), so there is no second "save" to forget.
 */
public final class PresetSettings extends VBox {
    private final Messages messages;
    private final PresetStore store;
    private final Consumer<List<WindowPreset>> onChange;
    private final ObservableList<WindowPreset> presets = FXCollections.observableArrayList();
    private final ListView<WindowPreset> list = new ListView<>(presets);
    private final TextField name = new TextField();
    private final TextField centre = new TextField();
    private final TextField width = new TextField();
    private final TextField modality = new TextField();
    private final Label status = new Label();

    public PresetSettings(Messages messages, PresetStore store, Consumer<List<WindowPreset>> onChange) {
        super(6);
        this.messages = messages;
        this.store = store;
        this.onChange = onChange;
        presets.setAll(store.load());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(WindowPreset p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : describe(p));
            }
        });
        list.setPrefHeight(180);
        list.setPlaceholder(new Label(messages.get("settings.presets.none")));
        list.getSelectionModel().selectedItemProperty().addListener((o, was, p) -> {
            if (p != null) edit(p);
        });
        modality.setPromptText("CT");
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        String[] keys = {"settings.preset.name", "settings.preset.centre", "settings.preset.width",
                "settings.preset.modality"};
        TextField[] fields = {name, centre, width, modality};
        for (int i = 0; i < keys.length; i++) {
            form.add(new Label(messages.get(keys[i])), 0, i);
            form.add(fields[i], 1, i);
        }
        Label heading = new Label(messages.get("settings.presets"));
        heading.getStyleClass().add("section-heading");
        status.setWrapText(true);
        getChildren().addAll(heading, list, form, new HBox(6,
                button("settings.preset.add", this::add), button("settings.preset.update", this::update),
                button("settings.preset.remove", this::remove), button("settings.preset.up", () -> move(-1)),
                button("settings.preset.down", () -> move(1)), button("settings.preset.defaults", this::restore)),
                status);
    }

    /** The presets as the list shows them (and as saved). */
    public ObservableList<WindowPreset> presets() { return presets; }

    public ListView<WindowPreset> list() { return list; }

    public TextField nameField() { return name; }

    public TextField centreField() { return centre; }

    public TextField widthField() { return width; }

    public TextField modalityField() { return modality; }

    public Label status() { return status; }

    /** Adds the preset in the form at the end of the list; false (with the reason shown) when the form is not valid. */
    public boolean add() {
        WindowPreset p = fromForm();
        if (p == null) return false;
        presets.add(p);
        list.getSelectionModel().selectLast();
        return changed();
    }

    /** Replaces the selected preset with the form's. */
    public boolean update() {
        int i = list.getSelectionModel().getSelectedIndex();
        WindowPreset p = i < 0 ? null : fromForm();
        if (p == null) return false;
        presets.set(i, p);
        list.getSelectionModel().select(i);
        return changed();
    }

    public boolean remove() {
        int i = list.getSelectionModel().getSelectedIndex();
        if (i < 0) return false;
        presets.remove(i);
        return changed();
    }

    /** Moves the selected preset {@code by} places (−1 up, +1 down): the order is the digit keys' order. */
    public boolean move(int by) {
        int i = list.getSelectionModel().getSelectedIndex();
        int j = i + by;
        if (i < 0 || j < 0 || j >= presets.size()) return false;
        WindowPreset p = presets.remove(i);
        presets.add(j, p);
        list.getSelectionModel().select(j);
        return changed();
    }

    /** The built-in CT presets again, instead of the user's list. */
    public boolean restore() {
        presets.setAll(PresetStore.defaults());
        return changed();
    }

    private boolean changed() {
        List<WindowPreset> now = List.copyOf(presets);
        try {
            store.save(now);
        } catch (IOException e) {
            status.setText(ClerkError.of(messages, messages.get("settings.presets.doing"), e).sentence());
            return false;
        }
        status.setText(messages.get("settings.presets.saved"));
        onChange.accept(now);
        return true;
    }

    private void edit(WindowPreset p) {
        name.setText(p.displayName(messages));
        centre.setText(number(p.centre()));
        width.setText(number(p.width()));
        modality.setText(p.modality());
    }

    /** The form's preset, or null with the reason shown. */
    private WindowPreset fromForm() {
        try {
            String n = name.getText() == null ? "" : name.getText().strip();
            WindowPreset selected = list.getSelectionModel().getSelectedItem();
            // An unchanged built-in name keeps its message key, so it stays translated.
            if (selected != null && selected.name().startsWith("preset.") && n.equals(selected.displayName(messages))) {
                n = selected.name();
            }
            return new WindowPreset(n, parse(centre.getText(), "settings.preset.centre"),
                    parse(width.getText(), "settings.preset.width"), modality.getText());
        } catch (IllegalArgumentException e) {
            status.setText(messages.format("settings.invalid", e.getMessage()));
            return null;
        }
    }

    private double parse(String text, String fieldKey) {
        try {
            return Double.parseDouble(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(messages.get(fieldKey) + " \"" + text + "\"");
        }
    }

    /** One line of the list: "CT  Lung  C -600 / W 1500". */
    String describe(WindowPreset p) {
        return messages.format("settings.preset.line", p.modality().isEmpty() ? "-" : p.modality(),
                p.displayName(messages), number(p.centre()), number(p.width()));
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private Button button(String key, Runnable action) {
        Button b = new Button(messages.get(key));
        b.setOnAction(e -> action.run());
        return b;
    }
}
