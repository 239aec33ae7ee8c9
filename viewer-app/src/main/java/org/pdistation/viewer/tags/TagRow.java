package org.pdistation.viewer.tags;

import java.util.List;
import java.util.Locale;

/**
 * One line of the tag browser: an element, a sequence item, or the file meta information group.
 *
 * @param tag      "(0010,0010)", or "Item 1" for a sequence item, or empty for a group heading
 * @param vr       the VR, empty for items
 * @param name     the PS3.6 name, "Private Creator", or the private element's creator in brackets
 * @param value    the value decoded through the data set's Specific Character Set, shortened for display
 * @param children sequence items below a sequence, elements below an item
 */
public record TagRow(String tag, String vr, String name, String value, List<TagRow> children) {
    public TagRow {
        children = List.copyOf(children);
    }

    /** Whether this row's own tag, name or value contains {@code query} (case-insensitive). */
    public boolean matches(String query) {
        String q = query.toLowerCase(Locale.ROOT);
        if (tag.toLowerCase(Locale.ROOT).contains(q) || name.toLowerCase(Locale.ROOT).contains(q)
                || value.toLowerCase(Locale.ROOT).contains(q)) return true;
        // "00100010" and "0010,0010" find (0010,0010) too.
        String hex = q.replaceAll("[(),\\s]", "");
        return hex.length() >= 4 && hex.matches("[0-9a-f]+")
                && tag.replaceAll("[(),]", "").toLowerCase(Locale.ROOT).contains(hex);
    }

    /** This row if it or a descendant matches, pruned to the matching branches; null otherwise. */
    public TagRow filter(String query) {
        if (query == null || query.isBlank()) return this;
        if (matches(query.strip())) return this;
        List<TagRow> kept = children.stream().map(c -> c.filter(query)).filter(c -> c != null).toList();
        return kept.isEmpty() ? null : new TagRow(tag, vr, name, value, kept);
    }
}
