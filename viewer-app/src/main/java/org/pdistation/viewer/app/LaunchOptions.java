package org.pdistation.viewer.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the station is started with, passed through {@code Application.launch}'s string arguments (JavaFX creates
 * the Application instance itself, and static fields would be shared state).
 *
 * @param open       a folder, DICOMDIR or file to open at start, or null
 * @param screenshot where to save a PNG of the window once everything is drawn, then exit; or null
 */
public record LaunchOptions(Path open, Path screenshot) {
    private static final String OPEN = "--open=";
    private static final String SCREENSHOT = "--screenshot=";

    public List<String> toArgs() {
        List<String> a = new ArrayList<>();
        if (open != null) a.add(OPEN + open);
        if (screenshot != null) a.add(SCREENSHOT + screenshot);
        return a;
    }

    public static LaunchOptions parse(List<String> args) {
        Path open = null;
        Path screenshot = null;
        for (String a : args) {
            if (a.startsWith(OPEN)) open = Path.of(a.substring(OPEN.length()));
            else if (a.startsWith(SCREENSHOT)) screenshot = Path.of(a.substring(SCREENSHOT.length()));
        }
        return new LaunchOptions(open, screenshot);
    }
}
