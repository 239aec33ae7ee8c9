package org.pdistation.viewer.settings;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.net.EchoScu;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.dimse.Status;
import org.pdistation.viewer.i18n.Messages;
import org.pdistation.viewer.task.ClerkError;

/**
 * The settings screen: own AE title and port, PACS nodes (add, edit, remove, C-ECHO test), TLS files, the
 * institution named on media, the default profile and the language. Saved through {@link SettingsStore}.
 */
public final class SettingsPane extends BorderPane {
    private final Messages messages;
    private final SettingsStore store;
    private final ExecutorService background;
    private final TextField aet = new TextField();
    private final TextField port = new TextField();
    private final ObservableList<PacsNode> nodes = FXCollections.observableArrayList();
    private final ListView<PacsNode> nodeList = new ListView<>(nodes);
    private final TextField nodeName = new TextField();
    private final TextField nodeAet = new TextField();
    private final TextField nodeHost = new TextField();
    private final TextField nodePort = new TextField();
    private final CheckBox nodeTls;
    private final Label echoResult = new Label();
    private final TextField keyStore = new TextField();
    private final TextField trustStore = new TextField();
    private final PasswordField keyStorePassword = new PasswordField();
    private final PasswordField trustStorePassword = new PasswordField();
    private final TextField institution = new TextField();
    private final TextField worklist = new TextField();
    private final CheckBox worklistTls;
    private final ComboBox<Profile> profile = new ComboBox<>(FXCollections.observableArrayList(Profile.values()));
    private final ComboBox<String> language = new ComboBox<>(
            FXCollections.observableArrayList(StationSettings.LANGUAGES));
    private final Label status = new Label();
    private StationSettings current;

    public SettingsPane(Messages messages, SettingsStore store, ExecutorService background) {
        this.messages = messages;
        this.store = store;
        this.background = background;
        this.current = store.load();
        nodeTls = new CheckBox(messages.get("settings.node.tls"));
        worklistTls = new CheckBox(messages.get("settings.node.tls"));
        setPadding(new Insets(12));
        nodeList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(PacsNode n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : n.describe());
            }
        });
        nodeList.setPrefHeight(140);
        nodeList.setPlaceholder(new Label(messages.get("settings.nodes.none")));
        nodeList.getSelectionModel().selectedItemProperty().addListener((o, was, n) -> {
            if (n != null) edit(n);
        });
        language.setCellFactory(v -> languageCell());
        language.setButtonCell(languageCell());

        GridPane own = grid();
        row(own, 0, "settings.aet", aet);
        row(own, 1, "settings.port", port);
        row(own, 2, "settings.institution", institution);
        row(own, 3, "settings.profile", profile);
        row(own, 4, "settings.language", new HBox(8, language, new Label(messages.get("settings.language.restart"))));
        keyStorePassword.setPromptText(messages.get("settings.storePassword"));
        trustStorePassword.setPromptText(messages.get("settings.storePassword"));
        row(own, 5, "settings.keyStore", new HBox(4, keyStore, browse(keyStore), keyStorePassword));
        row(own, 6, "settings.trustStore", new HBox(4, trustStore, browse(trustStore), trustStorePassword));
        worklist.setPromptText("AET@HOST:PORT");
        row(own, 7, "settings.worklist", new HBox(8, worklist, worklistTls));

        GridPane nodeForm = grid();
        row(nodeForm, 0, "settings.node.name", nodeName);
        row(nodeForm, 1, "settings.node.aet", nodeAet);
        row(nodeForm, 2, "settings.node.host", nodeHost);
        row(nodeForm, 3, "settings.node.port", nodePort);
        nodeForm.add(nodeTls, 1, 4);
        Button add = button("settings.node.add", this::addNode);
        Button update = button("settings.node.update", this::updateNode);
        Button remove = button("settings.node.remove", this::removeNode);
        Button echo = button("settings.node.echo", this::echo);
        echoResult.setWrapText(true);
        VBox nodesBox = new VBox(6, heading("settings.nodes"), nodeList, nodeForm,
                new HBox(6, add, update, remove, echo), echoResult);

        Button save = button("settings.save", this::save);
        save.setDefaultButton(true);
        VBox content = new VBox(10, heading("settings.station"), own, nodesBox, new HBox(8, save, status));
        setCenter(content);
        fill(current);
    }

    private ListCell<String> languageCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String l, boolean empty) {
                super.updateItem(l, empty);
                setText(empty || l == null ? null : messages.get("settings.language." + l));
            }
        };
    }

    private void fill(StationSettings s) {
        aet.setText(s.aeTitle());
        port.setText(Integer.toString(s.port()));
        nodes.setAll(s.nodes());
        keyStore.setText(s.keyStore() == null ? "" : s.keyStore().toString());
        trustStore.setText(s.trustStore() == null ? "" : s.trustStore().toString());
        keyStorePassword.setText(s.keyStorePassword());
        trustStorePassword.setText(s.trustStorePassword());
        worklistTls.setSelected(s.worklist() != null && s.worklist().tls());
        institution.setText(s.institution());
        worklist.setText(s.worklist() == null ? "" : s.worklist().aet() + "@" + s.worklist().host() + ":"
                + s.worklist().port());
        profile.setValue(s.defaultProfile());
        language.setValue(s.language());
    }

    /** The settings as the form shows them; IllegalArgumentException with the field's problem. */
    public StationSettings fromForm() {
        int p = parsePort(port.getText());
        return new StationSettings(aet.getText().strip(), p, nodes, path(keyStore.getText()),
                path(trustStore.getText()), institution.getText(), profile.getValue(), language.getValue(),
                worklistNode(worklist.getText(), worklistTls.isSelected()), keyStorePassword.getText(),
                trustStorePassword.getText());
    }

    /** Saves the form; false (with the reason shown) when a field is not valid or the file cannot be written. */
    public boolean save() {
        try {
            StationSettings s = fromForm();
            store.save(s);
            current = s;
            status.setText(messages.get("settings.saved"));
            return true;
        } catch (IllegalArgumentException e) {
            status.setText(messages.format("settings.invalid", e.getMessage()));
        } catch (java.io.IOException e) {
            status.setText(ClerkError.of(messages, messages.get("settings.doing"), e).sentence());
        }
        return false;
    }

    public StationSettings current() { return current; }

    private void edit(PacsNode n) {
        nodeName.setText(n.name());
        nodeAet.setText(n.aet());
        nodeHost.setText(n.host());
        nodePort.setText(Integer.toString(n.port()));
        nodeTls.setSelected(n.tls());
    }

    private PacsNode nodeFromForm() {
        return new PacsNode(nodeName.getText(), nodeAet.getText().strip(), nodeHost.getText().strip(),
                parsePort(nodePort.getText()), nodeTls.isSelected());
    }

    public void addNode() {
        try {
            nodes.add(nodeFromForm());
            nodeList.getSelectionModel().selectLast();
            echoResult.setText("");
        } catch (IllegalArgumentException e) {
            echoResult.setText(messages.format("settings.invalid", e.getMessage()));
        }
    }

    private void updateNode() {
        int i = nodeList.getSelectionModel().getSelectedIndex();
        if (i < 0) return;
        try {
            nodes.set(i, nodeFromForm());
        } catch (IllegalArgumentException e) {
            echoResult.setText(messages.format("settings.invalid", e.getMessage()));
        }
    }

    private void removeNode() {
        int i = nodeList.getSelectionModel().getSelectedIndex();
        if (i >= 0) nodes.remove(i);
    }

    /** C-ECHO (PS3.4 Annex A) to the node in the form, on a background thread; the result as a sentence. */
    public void echo() {
        PacsNode n;
        try {
            n = nodeFromForm();
        } catch (IllegalArgumentException e) {
            echoResult.setText(messages.format("settings.invalid", e.getMessage()));
            return;
        }
        StationSettings s;
        try {
            s = fromForm();
        } catch (IllegalArgumentException e) {
            s = current;
        }
        StationSettings using = s;
        echoResult.setText(messages.format("settings.echo.running", n.describe()));
        Task<Status> t = new Task<>() {
            @Override
            protected Status call() throws Exception {
                return EchoScu.echo(Connections.sockets(using, n), n.remoteAe(), using.aeTitle(), NetOptions.DEFAULT);
            }
        };
        t.setOnSucceeded(e -> echoResult.setText(t.getValue().code() == 0
                ? messages.format("settings.echo.ok", n.describe())
                : messages.format("settings.echo.status", n.describe(), String.format("%04X", t.getValue().code()))));
        t.setOnFailed(e -> {
            ClerkError err = ClerkError.of(messages, messages.format("settings.echo.doing", n.describe()),
                    t.getException());
            echoResult.setText(err.sentence() + "\n" + err.details());
        });
        background.execute(t);
    }

    public Label echoResult() { return echoResult; }

    public TextField nodeAetField() { return nodeAet; }

    public TextField nodeHostField() { return nodeHost; }

    public TextField nodePortField() { return nodePort; }

    public ObservableList<PacsNode> nodes() { return nodes; }

    private static int parsePort(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port \"" + s + "\" is not a number");
        }
    }

    private static Path path(String s) {
        return s == null || s.isBlank() ? null : Path.of(s.strip());
    }

    private Button browse(TextField target) {
        Button b = new Button(messages.get("settings.browse"));
        b.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) target.setText(f.getAbsolutePath());
        });
        return b;
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

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        return g;
    }

    /** "AET@HOST:PORT" as the worklist node, over TLS (PS3.15 B.9) when asked; null when empty. */
    static PacsNode worklistNode(String text, boolean tls) {
        if (text == null || text.isBlank()) return null;
        org.pdistation.imaging.net.RemoteAe ae = org.pdistation.imaging.net.RemoteAe.parse(text.strip());
        return new PacsNode("Worklist", ae.aet(), ae.host(), ae.port(), tls);
    }

    private void row(GridPane g, int r, String key, javafx.scene.Node field) {
        g.add(new Label(messages.get(key)), 0, r);
        g.add(field, 1, r);
    }
}
