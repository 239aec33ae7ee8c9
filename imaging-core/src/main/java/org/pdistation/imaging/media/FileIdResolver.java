package org.pdistation.imaging.media;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a Referenced File ID (0004,1500) into a file under the file-set root (PS3.10 8.2, 8.5), the way real media
 * need it: names are matched case-insensitively (Linux shows ISO 9660 names in lower case) and the variants
 * {@code NAME.}, {@code NAME;1}, {@code NAME.;1} and {@code NAME.dcm} are tried (PDI-REQUIREMENTS 12).
 *
 * <p>Hostile IDs are refused, never followed (PDI-REQUIREMENTS 13): {@code ..}, {@code .}, empty components,
 * absolute paths, drive letters, separators inside a component, and anything whose real path leaves the root.
 */
public final class FileIdResolver {
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final Pattern WINDOWS_DEVICE =
            Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\\..*)?");
    private static final Pattern CONFORMANT = Pattern.compile("[A-Z0-9_]{1,8}");

    private final Path root;
    private final Path realRoot;

    public FileIdResolver(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.realRoot = this.root.toRealPath();
    }

    public Path root() {
        return root;
    }

    /** Outcome of resolving one ID: the file, or why there is none. */
    public record Resolution(Path file, String refusal, boolean missing) {
        static Resolution found(Path p) { return new Resolution(p, null, false); }
        static Resolution refused(String why) { return new Resolution(null, why, false); }
        static Resolution notFound() { return new Resolution(null, null, true); }
        public boolean isRefused() { return refusal != null; }
    }

    /** Why the components would be refused, or empty when they are safe to look up. */
    public static Optional<String> checkSafe(List<String> components) {
        return checkSafe(components, File.separatorChar == '\\');
    }

    /**
     * As {@link #checkSafe(List)}; {@code windows} also refuses the names Windows gives to devices (CON, NUL, COM1
     * …, with or without an extension): opening one reads a device, not a file on the medium. Elsewhere they are
     * ordinary (and PS3.10-conformant) names.
     */
    static Optional<String> checkSafe(List<String> components, boolean windows) {
        if (components.isEmpty()) {
            return Optional.of("empty file ID");
        }
        for (int i = 0; i < components.size(); i++) {
            String c = components.get(i) == null ? "" : components.get(i).strip();
            if (c.isEmpty()) {
                return Optional.of("empty file ID component " + (i + 1));
            }
            if (c.equals("..") || c.equals(".")) {
                return Optional.of("file ID component '" + c + "' leaves the file-set");
            }
            if (i == 0 && (c.startsWith("/") || c.startsWith("\\"))) {
                return Optional.of("absolute file ID");
            }
            if (DRIVE.matcher(c).matches()) {
                return Optional.of("file ID with a drive letter");
            }
            if (c.contains("/") || c.contains("\\") || c.indexOf('\0') >= 0) {
                return Optional.of("file ID component contains a path separator");
            }
            if (windows && WINDOWS_DEVICE.matcher(c).matches()) {
                return Optional.of("file ID component '" + c + "' names a Windows device");
            }
        }
        return Optional.empty();
    }

    /** True when every component has 1-8 characters from A-Z 0-9 _ and there are 1-8 of them (PS3.10 8.2). */
    public static boolean isConformant(List<String> components) {
        if (components.isEmpty() || components.size() > 8) {
            return false;
        }
        for (String c : components) {
            if (!CONFORMANT.matcher(c).matches()) {
                return false;
            }
        }
        return true;
    }

    public Resolution resolve(List<String> components) {
        Optional<String> unsafe = checkSafe(components);
        if (unsafe.isPresent()) {
            return Resolution.refused(unsafe.get());
        }
        Path dir = root;
        for (int i = 0; i < components.size(); i++) {
            boolean last = i == components.size() - 1;
            Path next = findEntry(dir, components.get(i).strip(), last);
            if (next == null) {
                return Resolution.notFound();
            }
            dir = next;
        }
        try {
            Path real = dir.toRealPath();
            if (!real.startsWith(realRoot)) {
                return Resolution.refused("file ID resolves outside the file-set root");
            }
            if (!Files.isRegularFile(real)) {
                return Resolution.notFound();
            }
        } catch (IOException e) {
            return Resolution.notFound();
        }
        return Resolution.found(dir);
    }

    private static Path findEntry(Path dir, String name, boolean last) {
        Path exact = dir.resolve(name);
        if (Files.exists(exact, LinkOption.NOFOLLOW_LINKS) && exact.getFileName().toString().equals(name)) {
            return exact;
        }
        String want = name.toUpperCase(Locale.ROOT);
        Path variant = null;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString().toUpperCase(Locale.ROOT);
                if (n.equals(want)) {
                    return p;
                }
                if (variant == null && last && isVariant(n, want)) {
                    variant = p;
                }
                if (variant == null && !last && n.equals(want + ".")) {
                    variant = p;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return variant;
    }

    private static boolean isVariant(String n, String want) {
        return n.equals(want + ".") || n.equals(want + ";1") || n.equals(want + ".;1") || n.equals(want + ".DCM");
    }
}
