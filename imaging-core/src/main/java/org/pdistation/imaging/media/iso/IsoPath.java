package org.pdistation.imaging.media.iso;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A path in an {@link IsoFileSystem}: "/" separated names, absolute when it starts at the image root. */
final class IsoPath implements Path {
    private final IsoFileSystem fs;
    private final boolean absolute;
    private final String[] names;

    IsoPath(IsoFileSystem fs, boolean absolute, String... names) {
        this.fs = fs;
        this.absolute = absolute;
        this.names = names;
    }

    static IsoPath parse(IsoFileSystem fs, String first, String... more) {
        StringBuilder sb = new StringBuilder(first);
        for (String m : more) {
            if (!m.isEmpty()) sb.append(sb.isEmpty() ? "" : "/").append(m);
        }
        String s = sb.toString();
        if (s.indexOf('\0') >= 0) throw new InvalidPathException(s, "NUL character in path");
        List<String> parts = new ArrayList<>();
        for (String p : s.split("/")) {
            if (!p.isEmpty()) parts.add(p);
        }
        return new IsoPath(fs, s.startsWith("/"), parts.toArray(String[]::new));
    }

    String[] names() { return names; }

    @Override
    public IsoFileSystem getFileSystem() { return fs; }

    @Override
    public boolean isAbsolute() { return absolute; }

    @Override
    public Path getRoot() { return absolute ? new IsoPath(fs, true) : null; }

    @Override
    public Path getFileName() {
        return names.length == 0 ? null : new IsoPath(fs, false, names[names.length - 1]);
    }

    @Override
    public Path getParent() {
        if (names.length == 0) return null;
        if (names.length == 1) return getRoot();
        return new IsoPath(fs, absolute, Arrays.copyOf(names, names.length - 1));
    }

    @Override
    public int getNameCount() { return names.length; }

    @Override
    public Path getName(int index) {
        if (index < 0 || index >= names.length) throw new IllegalArgumentException("name index " + index);
        return new IsoPath(fs, false, names[index]);
    }

    @Override
    public Path subpath(int begin, int end) {
        if (begin < 0 || end > names.length || begin >= end) {
            throw new IllegalArgumentException("subpath " + begin + ".." + end + " of " + this);
        }
        return new IsoPath(fs, false, Arrays.copyOfRange(names, begin, end));
    }

    @Override
    public boolean startsWith(Path other) {
        if (!(other instanceof IsoPath o) || o.fs != fs || o.absolute != absolute || o.names.length > names.length) {
            return false;
        }
        if (o.names.length == 0 && !o.absolute) return false;
        return Arrays.equals(names, 0, o.names.length, o.names, 0, o.names.length);
    }

    @Override
    public boolean endsWith(Path other) {
        if (!(other instanceof IsoPath o) || o.fs != fs || o.names.length > names.length) return false;
        if (o.absolute) return equals(o);
        if (o.names.length == 0) return false;
        return Arrays.equals(names, names.length - o.names.length, names.length, o.names, 0, o.names.length);
    }

    @Override
    public Path normalize() {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (n.equals(".")) continue;
            if (n.equals("..")) {
                if (!out.isEmpty() && !out.getLast().equals("..")) {
                    out.removeLast();
                    continue;
                }
                if (absolute) continue; // ".." at the root stays at the root
            }
            out.add(n);
        }
        return new IsoPath(fs, absolute, out.toArray(String[]::new));
    }

    @Override
    public Path resolve(Path other) {
        IsoPath o = check(other);
        if (o.absolute) return o;
        if (o.names.length == 0) return this;
        String[] joined = Arrays.copyOf(names, names.length + o.names.length);
        System.arraycopy(o.names, 0, joined, names.length, o.names.length);
        return new IsoPath(fs, absolute, joined);
    }

    @Override
    public Path resolve(String other) {
        return resolve(parse(fs, other));
    }

    @Override
    public Path relativize(Path other) {
        IsoPath o = check(other);
        if (o.absolute != absolute) {
            throw new IllegalArgumentException("cannot relativize " + other + " against " + this);
        }
        int common = 0;
        while (common < names.length && common < o.names.length && names[common].equals(o.names[common])) {
            common++;
        }
        List<String> out = new ArrayList<>();
        for (int i = common; i < names.length; i++) out.add("..");
        out.addAll(Arrays.asList(o.names).subList(common, o.names.length));
        return new IsoPath(fs, false, out.toArray(String[]::new));
    }

    @Override
    public URI toUri() {
        try {
            return new URI(IsoFileSystemProvider.SCHEME, fs.image().toUri() + "!" + toAbsolutePath(), null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public IsoPath toAbsolutePath() {
        return absolute ? this : new IsoPath(fs, true, names);
    }

    /** The image has no links: the real path is the normalized absolute path of an existing entry. */
    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
        IsoPath p = (IsoPath) toAbsolutePath().normalize();
        fs.lookup(p);
        return p;
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("an ISO image cannot be watched");
    }

    @Override
    public int compareTo(Path other) {
        return toString().compareTo(check(other).toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IsoPath p && p.fs == fs && p.absolute == absolute && Arrays.equals(p.names, names);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(names) * 31 + (absolute ? 1 : 0);
    }

    @Override
    public String toString() {
        return (absolute ? "/" : "") + String.join("/", names);
    }

    private IsoPath check(Path other) {
        if (!(other instanceof IsoPath o) || o.fs != fs) {
            throw new ProviderMismatchException("not a path of this ISO file system: " + other);
        }
        return o;
    }
}
