package org.pdistation.imaging.media.iso;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One file or directory of an image's tree as read by {@link IsoImage}: its name (version and trailing dot
 * removed), its extents as byte offsets in the image (-1 for a UDF extent that is not recorded and reads as zeros),
 * and for a directory its children in recorded order.
 */
final class IsoEntry {
    private final String name;
    private final boolean directory;
    private final long[] starts;
    private final long[] lengths;
    private final long size;
    private final Instant time;
    private final Map<String, IsoEntry> children;
    /** ECMA-167 4/14.9.5 permissions of a UDF File Entry; -1 for an ISO 9660 record, which has none. */
    private final int permissions;

    IsoEntry(String name, boolean directory, long[] starts, long[] lengths, Instant time) {
        this(name, directory, starts, lengths, time, -1);
    }

    IsoEntry(String name, boolean directory, long[] starts, long[] lengths, Instant time, int permissions) {
        this.name = name;
        this.directory = directory;
        this.starts = starts;
        this.lengths = lengths;
        long s = 0;
        for (long l : lengths) s += l;
        this.size = directory ? 0 : s;
        this.time = time;
        this.children = directory ? new LinkedHashMap<>() : Map.of();
        this.permissions = permissions;
    }

    int permissions() { return permissions; }

    String name() { return name; }

    boolean isDirectory() { return directory; }

    long size() { return size; }

    Instant time() { return time; }

    int extentCount() { return starts.length; }

    long extentStart(int i) { return starts[i]; }

    long extentLength(int i) { return lengths[i]; }

    Collection<IsoEntry> children() { return Collections.unmodifiableCollection(children.values()); }

    /** Adds a child unless one of that name exists (the first, highest version, wins: ECMA-119 9.3). */
    boolean add(IsoEntry child) {
        return children.putIfAbsent(child.name, child) == null;
    }

    /** Exact name first; else a unique case-insensitive match (primary trees record upper-case only). */
    IsoEntry child(String n) {
        IsoEntry e = children.get(n);
        if (e != null || children.isEmpty()) return e;
        IsoEntry found = null;
        String lower = n.toLowerCase(Locale.ROOT);
        for (IsoEntry c : children.values()) {
            if (c.name.toLowerCase(Locale.ROOT).equals(lower)) {
                if (found != null) return null;
                found = c;
            }
        }
        return found;
    }
}
