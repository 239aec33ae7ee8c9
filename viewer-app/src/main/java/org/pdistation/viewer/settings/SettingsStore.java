package org.pdistation.viewer.settings;

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

import org.pdistation.imaging.media.Profile;

/**
 * Reads and writes {@link StationSettings} as {@code station.properties} (UTF-8) in the settings folder of the
 * user's data folder ({@code AppHome#settings()}). Written to a temporary file, made owner-only (0600: it names the
 * hospital's PACS and TLS files) and moved into place, so a crash leaves the old or the new file, never half of one.
 * A missing or unreadable file gives the defaults; a bad value gives that value's default.
 *
 * <p>The TLS store passwords are kept here in clear. This is a desktop station's per-user profile, like a browser's
 * saved passwords without a master password: the file is the OS account's alone (0600 in an owner-only data folder),
 * so the OS account is the boundary, as it is for the key store file itself lying beside it. Anyone who can read
 * this file can already read the key store. The passwords are never logged ({@link StationSettings#toString} masks
 * them).
 */
public final class SettingsStore {
    static final String FILE = "station.properties";
    private final Path file;

    public SettingsStore(Path settingsFolder) {
        this.file = settingsFolder.resolve(FILE);
    }

    public Path file() { return file; }

    public StationSettings load() {
        StationSettings d = StationSettings.defaults();
        if (!Files.isRegularFile(file)) return d;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return d;
        }
        List<PacsNode> nodes = new ArrayList<>();
        int count = intOr(p.getProperty("pacs.count"), 0);
        for (int i = 0; i < Math.min(count, 200); i++) {
            String k = "pacs." + i + ".";
            try {
                nodes.add(new PacsNode(p.getProperty(k + "name"), p.getProperty(k + "aet"), p.getProperty(k + "host"),
                        intOr(p.getProperty(k + "port"), 104), Boolean.parseBoolean(p.getProperty(k + "tls"))));
            } catch (IllegalArgumentException e) {
                // a hand-edited node that is not valid is dropped rather than stopping the station
            }
        }
        Profile profile = d.defaultProfile();
        try {
            profile = Profile.of(p.getProperty("media.profile", profile.profileName()));
        } catch (IllegalArgumentException e) {
            // keep the default
        }
        String aet = p.getProperty("ae.title", d.aeTitle());
        int port = intOr(p.getProperty("ae.port"), d.port());
        PacsNode worklist = null;
        if (p.getProperty("worklist.aet") != null) {
            try {
                worklist = new PacsNode(p.getProperty("worklist.name"), p.getProperty("worklist.aet"),
                        p.getProperty("worklist.host"), intOr(p.getProperty("worklist.port"), 104),
                        Boolean.parseBoolean(p.getProperty("worklist.tls")));
            } catch (IllegalArgumentException e) {
                // a hand-edited worklist node that is not valid is dropped, like a PACS node
            }
        }
        try {
            return new StationSettings(aet, port, nodes, path(p.getProperty("tls.keyStore")),
                    path(p.getProperty("tls.trustStore")), p.getProperty("media.institution", ""), profile,
                    p.getProperty("language", d.language()), worklist, p.getProperty("tls.keyStorePassword", ""),
                    p.getProperty("tls.trustStorePassword", ""));
        } catch (IllegalArgumentException e) {
            return new StationSettings(d.aeTitle(), d.port(), nodes, null, null,
                    p.getProperty("media.institution", ""), profile, p.getProperty("language", d.language()));
        }
    }

    public void save(StationSettings s) throws IOException {
        Properties p = new Properties();
        p.setProperty("ae.title", s.aeTitle());
        p.setProperty("ae.port", Integer.toString(s.port()));
        if (s.keyStore() != null) p.setProperty("tls.keyStore", s.keyStore().toString());
        if (s.trustStore() != null) p.setProperty("tls.trustStore", s.trustStore().toString());
        if (!s.keyStorePassword().isEmpty()) p.setProperty("tls.keyStorePassword", s.keyStorePassword());
        if (!s.trustStorePassword().isEmpty()) p.setProperty("tls.trustStorePassword", s.trustStorePassword());
        p.setProperty("media.institution", s.institution());
        p.setProperty("media.profile", s.defaultProfile().profileName());
        p.setProperty("language", s.language());
        p.setProperty("pacs.count", Integer.toString(s.nodes().size()));
        for (int i = 0; i < s.nodes().size(); i++) {
            PacsNode n = s.nodes().get(i);
            String k = "pacs." + i + ".";
            p.setProperty(k + "name", n.name());
            p.setProperty(k + "aet", n.aet());
            p.setProperty(k + "host", n.host());
            p.setProperty(k + "port", Integer.toString(n.port()));
            p.setProperty(k + "tls", Boolean.toString(n.tls()));
        }
        if (s.worklist() != null) {
            PacsNode w = s.worklist();
            p.setProperty("worklist.name", w.name());
            p.setProperty("worklist.aet", w.aet());
            p.setProperty("worklist.host", w.host());
            p.setProperty("worklist.port", Integer.toString(w.port()));
            p.setProperty("worklist.tls", Boolean.toString(w.tls()));
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.deleteIfExists(tmp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        }
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "PDI Station settings");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static int intOr(String s, int d) {
        try {
            return s == null ? d : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return d;
        }
    }

    private static Path path(String s) {
        return s == null || s.isBlank() ? null : Path.of(s);
    }
}
