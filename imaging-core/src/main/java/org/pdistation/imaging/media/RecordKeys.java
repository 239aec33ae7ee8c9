package org.pdistation.imaging.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.pdistation.imaging.data.ElementDictionary;

/**
 * The keys each directory record carries, per record type and profile, loaded from {@code record-keys.tsv} (the
 * table is data so that it can be checked against PS3.3 F.5 and PS3.11 line by line).
 */
public final class RecordKeys {
    public enum KeyType { TYPE_1, TYPE_1C, TYPE_2, TYPE_3 }

    /** One row of the table; {@code profiles} empty means every profile. */
    public record Key(RecordType recordType, List<Profile> profiles, String keyword, int tag, KeyType type) {
        public boolean appliesTo(Profile p) {
            return profiles.isEmpty() || profiles.contains(p);
        }
    }

    private final List<Key> keys;

    private RecordKeys(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    public List<Key> all() {
        return keys;
    }

    /** The keys of one record type under one profile, in table order. */
    public List<Key> keysFor(RecordType type, Profile profile) {
        List<Key> out = new ArrayList<>();
        for (Key k : keys) {
            if (k.recordType() == type && k.appliesTo(profile)) {
                out.add(k);
            }
        }
        return out;
    }

    /** Loads the built-in table; a malformed row is a programming error and throws. */
    public static RecordKeys load() {
        try (InputStream in = RecordKeys.class.getResourceAsStream("record-keys.tsv")) {
            if (in == null) {
                throw new IllegalStateException("record-keys.tsv missing from the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RecordKeys parse(BufferedReader r) throws IOException {
        List<Key> keys = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 4) {
                throw new IllegalStateException("record-keys.tsv line " + n + ": expected 4 columns");
            }
            RecordType type = RecordType.of(f[0]);
            if (type == RecordType.UNKNOWN) {
                throw new IllegalStateException("record-keys.tsv line " + n + ": unknown record type " + f[0]);
            }
            List<Profile> profiles = new ArrayList<>();
            if (!f[1].equals("*")) {
                for (String p : f[1].split(",")) {
                    profiles.add(Profile.of(p));
                }
            }
            int tag = ElementDictionary.tagOf(f[2]);
            if (tag == -1) {
                throw new IllegalStateException("record-keys.tsv line " + n + ": unknown keyword " + f[2]);
            }
            KeyType kt = switch (f[3]) {
                case "1" -> KeyType.TYPE_1;
                case "1C" -> KeyType.TYPE_1C;
                case "2" -> KeyType.TYPE_2;
                case "3" -> KeyType.TYPE_3;
                default -> throw new IllegalStateException("record-keys.tsv line " + n + ": bad type " + f[3]);
            };
            keys.add(new Key(type, List.copyOf(profiles), f[2], tag, kt));
        }
        return new RecordKeys(keys);
    }
}
