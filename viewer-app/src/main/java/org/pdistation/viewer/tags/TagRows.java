package org.pdistation.viewer.tags;

import java.util.ArrayList;
import java.util.List;

import org.pdistation.imaging.data.BulkData;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.ElementDictionary;
import org.pdistation.imaging.data.Fragments;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.viewer.i18n.Messages;

/**
 * Turns a data set into {@link TagRow}s: every element in tag order, sequences with their items as children, private
 * elements named by their Private Creator (PS3.5 7.8.1), text decoded through the Specific Character Set in force
 * for that data set or item (PS3.5 6.1.2.5; {@link Dataset#getStrings} does the decoding).
 */
public final class TagRows {
    /** Values longer than this are cut in the table (the whole value is in the file). */
    static final int MAX_VALUE_CHARS = 256;
    private static final int MAX_HEX_BYTES = 24;
    /** Deeper nesting than this is shown as a note (a hostile file can nest without end). */
    private static final int MAX_DEPTH = 32;

    private final Messages messages;

    public TagRows(Messages messages) {
        this.messages = messages;
    }

    public List<TagRow> rows(Dataset ds) {
        return rows(ds, 0);
    }

    private List<TagRow> rows(Dataset ds, int depth) {
        List<TagRow> out = new ArrayList<>(ds.size());
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            VR vr = ds.vrAt(i);
            Object value = ds.valueAt(i);
            String t = Tag.toString(tag);
            String name = name(ds, tag);
            if (value instanceof Sequence seq) {
                List<TagRow> items = new ArrayList<>();
                for (int k = 0; k < seq.size(); k++) {
                    List<TagRow> inner = depth < MAX_DEPTH ? rows(seq.get(k), depth + 1)
                            : List.of(new TagRow("", "", messages.get("tags.tooDeep"), "", List.of()));
                    items.add(new TagRow(messages.format("tags.item", k + 1), "", "", "", inner));
                }
                out.add(new TagRow(t, "SQ", name, messages.format("tags.items", seq.size()), items));
            } else if (value instanceof Fragments f) {
                out.add(new TagRow(t, vr.name(), name, messages.format("tags.fragments", f.size()), List.of()));
            } else if (value instanceof BulkData b) {
                out.add(new TagRow(t, vr.name(), name, messages.format("tags.bulk", b.length()), List.of()));
            } else {
                out.add(new TagRow(t, vr.name(), name, value(ds, tag, vr, value), List.of()));
            }
        }
        return out;
    }

    private String value(Dataset ds, int tag, VR vr, Object value) {
        if (value == null) return "";
        if (vr.isString() || !vr.isBulk()) {
            try {
                String[] v = ds.getStrings(tag);
                if (v.length > 0 || vr.isString()) return cut(String.join("\\", v));
            } catch (RuntimeException e) {
                // A value that cannot be decoded is shown in hex below.
            }
        }
        byte[] raw = ds.getBytes(tag);
        if (raw == null || raw.length == 0) return "";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(raw.length, MAX_HEX_BYTES); i++) {
            if (i > 0) sb.append(' ');
            sb.append(Character.forDigit(raw[i] >> 4 & 15, 16)).append(Character.forDigit(raw[i] & 15, 16));
        }
        if (raw.length > MAX_HEX_BYTES) sb.append(" … ").append(messages.format("tags.bytes", raw.length));
        return sb.toString();
    }

    private String name(Dataset ds, int tag) {
        if (Tag.isPrivateCreator(tag)) return messages.get("tags.privateCreator");
        if (Tag.isPrivate(tag)) {
            String creator = ds.privateCreatorOf(tag);
            return creator == null ? messages.get("tags.privateNoCreator") : messages.format("tags.private", creator);
        }
        String n = ElementDictionary.nameOf(tag);
        return n != null ? n : Tag.isGroupLength(tag) ? "Group Length" : messages.get("tags.unknown");
    }

    /** One line, control characters made visible, at most {@link #MAX_VALUE_CHARS}. */
    static String cut(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_VALUE_CHARS + 1));
        for (int i = 0; i < s.length() && sb.length() < MAX_VALUE_CHARS; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7F ? ' ' : c);
        }
        if (s.length() > MAX_VALUE_CHARS) sb.append('…');
        return sb.toString();
    }
}
