package org.pdistation.imaging.media;

import java.util.ArrayList;
import java.util.List;

/** A canonical text of a record tree (type and key per record, children sorted) to compare with peers' trees. */
final class TreeText {
    private TreeText() {}

    static String of(List<DirectoryRecord> roots) {
        List<String> blocks = new ArrayList<>();
        for (DirectoryRecord r : roots) {
            blocks.add(block(r));
        }
        blocks.sort(null);
        return String.join("\n", blocks);
    }

    // Recursion is fine here: test trees are a few levels deep.
    private static String block(DirectoryRecord r) {
        String type = r.type() == RecordType.UNKNOWN ? r.rawType() : r.type().code();
        String key = r.key() == null ? "" : r.key();
        List<String> kids = new ArrayList<>();
        for (DirectoryRecord c : r.children()) {
            kids.add(block(c).indent(2).stripTrailing());
        }
        kids.sort(null);
        StringBuilder sb = new StringBuilder(type).append(' ').append(key);
        for (String k : kids) {
            sb.append('\n').append(k);
        }
        return sb.toString();
    }

    /** Re-sorts an indented tree text (as the pydicom script prints it) into the same canonical form. */
    static String canonical(String indented) {
        List<String> lines = indented.lines().filter(l -> !l.isBlank()).toList();
        return String.join("\n", parse(lines, 0, 0, lines.size()));
    }

    private static List<String> parse(List<String> lines, int depth, int from, int to) {
        List<String> blocks = new ArrayList<>();
        int i = from;
        while (i < to) {
            int j = i + 1;
            while (j < to && indentOf(lines.get(j)) > depth) {
                j++;
            }
            StringBuilder sb = new StringBuilder(lines.get(i).strip());
            for (String k : parse(lines, depth + 1, i + 1, j)) {
                sb.append('\n').append(k.indent(2).stripTrailing());
            }
            blocks.add(sb.toString());
            i = j;
        }
        blocks.sort(null);
        return blocks;
    }

    private static int indentOf(String l) {
        int n = 0;
        while (n < l.length() && l.charAt(n) == ' ') {
            n++;
        }
        return n / 2;
    }
}
