package org.pdistation.imaging.data;

/**
 * Rows of the generated dictionary resources: tab-separated columns, '\n'-terminated lines, '#' comment lines.
 * Split with indexOf only, since the dictionaries load on the first read of a file.
 */
final class TsvRows {
    private TsvRows() {}

    /** Receives one row; column {@code i} spans {@code cuts[i]} to {@code cuts[i + 1] - 1} of {@code text}. */
    @FunctionalInterface
    interface Row {
        void accept(String text, int[] cuts);
    }

    static void forEach(String text, int columns, String resource, Row row) {
        int[] cuts = new int[columns + 1];
        int start = 0;
        int length = text.length();
        while (start < length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            if (end > start && text.charAt(start) != '#') {
                cuts[0] = start;
                for (int c = 1; c < columns; c++) {
                    int tab = text.indexOf('\t', cuts[c - 1]);
                    if (tab < 0 || tab >= end) {
                        throw new IllegalStateException(resource + ": malformed line at offset " + start);
                    }
                    cuts[c] = tab + 1;
                }
                cuts[columns] = end + 1;
                row.accept(text, cuts);
            }
            start = end + 1;
        }
    }

    static String column(String text, int[] cuts, int i) {
        return text.substring(cuts[i], cuts[i + 1] - 1);
    }

    static boolean flag(String text, int[] cuts, int i, char c) {
        return cuts[i + 1] - 1 > cuts[i] && text.charAt(cuts[i]) == c;
    }
}
