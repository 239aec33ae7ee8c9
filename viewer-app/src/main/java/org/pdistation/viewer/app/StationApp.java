package org.pdistation.viewer.app;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.pdistation.viewer.AppHome;
import org.pdistation.viewer.i18n.Messages;
import org.pdistation.viewer.model.RecentMedia;
import org.pdistation.viewer.settings.SettingsStore;

/**
 * The JavaFX station. Started by {@code StationLauncher} with {@link LaunchOptions} as arguments. In screenshot
 * mode it waits for {@link MainWindow#ready()} (browser, thumbnails and first slice drawn), saves the window as a
 * PNG and exits.
 */
public final class StationApp extends Application {
    /** Longest wait for the readiness signal in screenshot mode before saving what is drawn. */
    static final long READY_TIMEOUT_SECONDS = 120;

    private MainWindow window;

    @Override
    public void start(Stage stage) throws IOException {
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
        AppHome home = AppHome.resolve();
        // The language chosen in the settings (applied at start), else the system's.
        Messages messages = new Messages(new SettingsStore(home.settings()).load().locale());
        window = new MainWindow(messages, new RecentMedia(home.settings()), home);
        Scene scene = createScene(window);
        stage.setTitle(messages.get("app.title"));
        stage.setScene(scene);
        stage.setWidth(1440);
        stage.setHeight(900);
        stage.show();
        // No medium named: the demo disc (written on first run) so that a fresh station shows something real.
        if (options.open() != null) window.open(options.open());
        else window.openDemo();
        if (options.screenshot() != null) {
            window.ready().orTimeout(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS).whenComplete((r, e) -> {
                if (e != null) System.err.println("pdistation: the window was not fully drawn within "
                        + READY_TIMEOUT_SECONDS + " s; saving it as it is");
                // One more pulse so that the last frame's layout is applied before the snapshot.
                Platform.runLater(() -> {
                    try {
                        Screenshot.save(scene, options.screenshot());
                    } catch (IOException ex) {
                        System.err.println("pdistation: cannot write " + options.screenshot() + ": " + ex.getMessage());
                    }
                    Platform.exit();
                });
            });
        }
    }

    /** The scene with the station's style sheet (also used by tests). */
    public static Scene createScene(MainWindow window) {
        Scene scene = new Scene(window, 1440, 900);
        scene.getStylesheets().add(Objects.requireNonNull(
                StationApp.class.getResource("station.css"), "station.css missing from the jar").toExternalForm());
        return scene;
    }

    @Override
    public void stop() {
        if (window != null) window.dispose();
    }
}
