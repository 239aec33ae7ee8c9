package org.pdistation.imaging.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The registry of PS3.6 Annex A behind the look-ups of the generated {@link UID}, read once from the generated
 * resource {@code uids.tsv}; immutable and thread-safe after that.
 */
final class UIDDictionary {

    private UIDDictionary() {
    }

    static String nameOf(String uid) {
        Entry entry = find(uid);
        return entry == null || entry.name.isEmpty() ? null : entry.name;
    }

    static String keywordOf(String uid) {
        Entry entry = find(uid);
        return entry == null || entry.keyword.isEmpty() ? null : entry.keyword;
    }

    static UID.Type typeOf(String uid) {
        Entry entry = find(uid);
        return entry == null ? null : entry.type;
    }

    static boolean isRetired(String uid) {
        Entry entry = find(uid);
        return entry != null && entry.retired;
    }

    private static Entry find(String uid) {
        return uid == null ? null : Holder.ENTRIES.get(uid);
    }

    private record Entry(String keyword, UID.Type type, String name, boolean retired) {
    }

    /** Initialization-on-demand holder: the JVM's class initialization makes the one load lazy and thread-safe. */
    private static final class Holder {
        static final Map<String, Entry> ENTRIES = load();
    }

    private static Map<String, Entry> load() {
        String text;
        try (InputStream in = UIDDictionary.class.getResourceAsStream("uids.tsv")) {
            if (in == null) {
                throw new IllegalStateException("uids.tsv missing next to " + UIDDictionary.class);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read uids.tsv", e);
        }
        return parse(text);
    }

    /** Columns: uid, keyword, type (a UID.Type name), retired (R), name; '#' starts a comment line. */
    static Map<String, Entry> parse(String text) {
        Map<String, Entry> entries = new HashMap<>(1024);
        TsvRows.forEach(text, 5, "uids.tsv", (t, c) -> entries.put(TsvRows.column(t, c, 0), new Entry(
                TsvRows.column(t, c, 1),
                UID.Type.valueOf(TsvRows.column(t, c, 2)),
                TsvRows.column(t, c, 4),
                TsvRows.flag(t, c, 3, 'R'))));
        return Map.copyOf(entries);
    }
}
