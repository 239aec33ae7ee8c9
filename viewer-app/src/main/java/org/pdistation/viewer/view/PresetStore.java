package org.pdistation.viewer.view;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The user's window presets, kept in {@code presets.properties} in the settings folder (beside the settings screen's
 * {@code station.properties}) as
 * {@code preset.count} and {@code preset.N.name/centre/width/modality} (N from 1). Other keys of the file are left
 * as they are when saving. With no presets saved (or an
 * unreadable file) the defaults are today's CT presets ({@link CtPreset}).
 */
public final class PresetStore {
    /** The settings file's name in the settings folder. */
    public static final String FILE = "presets.properties";
    private static final String PREFIX = "preset.";

    private final Path file;

    public PresetStore(Path settingsFile) {
        this.file = settingsFile;
    }

    /** The store of the settings folder {@code settingsFolder}. */
    public static PresetStore in(Path settingsFolder) {
        return new PresetStore(settingsFolder.resolve(FILE));
    }

    public Path file() { return file; }

    /** The built-in presets: the CT windows on keys 1–8. */
    public static List<WindowPreset> defaults() {
        List<WindowPreset> out = new ArrayList<>();
        for (CtPreset p : CtPreset.values()) {
            out.add(new WindowPreset(p.messageKey(), p.window().centre(), p.window().width(), "CT"));
        }
        return List.copyOf(out);
    }

    /**
     * The saved presets, or the defaults when none are saved. A broken entry (missing or non-numeric centre, a width
     * below 1) is skipped, not fatal: the others still load.
     */
    public List<WindowPreset> load() {
        Properties p = read();
        String count = p.getProperty(PREFIX + "count");
        if (count == null) return defaults();
        int n;
        try {
            n = Integer.parseInt(count.strip());
        } catch (NumberFormatException e) {
            return defaults();
        }
        List<WindowPreset> out = new ArrayList<>();
        for (int i = 1; i <= Math.min(n, 1000); i++) {
            try {
                out.add(new WindowPreset(p.getProperty(PREFIX + i + ".name"),
                        Double.parseDouble(p.getProperty(PREFIX + i + ".centre", "").strip()),
                        Double.parseDouble(p.getProperty(PREFIX + i + ".width", "").strip()),
                        p.getProperty(PREFIX + i + ".modality", "")));
            } catch (IllegalArgumentException e) {
                // skipped: NumberFormatException is one too
            }
        }
        return List.copyOf(out);
    }

    /** Saves {@code presets} (an empty list is saved as empty, not as the defaults), keeping the file's other keys. */
    public void save(List<WindowPreset> presets) throws IOException {
        Properties p = read();
        p.keySet().removeIf(k -> k.toString().startsWith(PREFIX));
        p.setProperty(PREFIX + "count", Integer.toString(presets.size()));
        for (int i = 0; i < presets.size(); i++) {
            WindowPreset w = presets.get(i);
            String k = PREFIX + (i + 1) + ".";
            p.setProperty(k + "name", w.name());
            p.setProperty(k + "centre", number(w.centre()));
            p.setProperty(k + "width", number(w.width()));
            p.setProperty(k + "modality", w.modality());
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "PDI Station settings");
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Properties read() {
        Properties p = new Properties();
        if (!Files.isRegularFile(file)) return p;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | RuntimeException e) {
            return new Properties(); // an unreadable settings file means defaults, not a station that will not start
        }
        return p;
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
