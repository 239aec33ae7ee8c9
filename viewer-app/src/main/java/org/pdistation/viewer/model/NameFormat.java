package org.pdistation.viewer.model;

import org.pdistation.imaging.data.PersonName;

/**
 * Person names for display. PS3.5 6.2.1: a PN value holds up to three component groups — alphabetic, ideographic,
 * phonetic — separated by '='; Japanese names typically carry all three (e.g. romaji, kanji, kana), and a reader
 * must see them all, so every non-empty group is shown, the later ones after the first in brackets.
 */
public final class NameFormat {
    private NameFormat() {}

    /** "YAMADA TARO (山田 太郎, やまだ たろう)" for {@code Yamada^Tarou=山田^太郎=やまだ^たろう}. */
    public static String display(String dicomValue) {
        if (dicomValue == null || dicomValue.isBlank()) return "";
        PersonName pn = PersonName.parse(dicomValue.strip());
        String a = group(pn.alphabetic());
        String i = group(pn.ideographic());
        String p = group(pn.phonetic());
        StringBuilder sb = new StringBuilder(a);
        String rest = join(i, p);
        if (sb.isEmpty()) return rest;
        if (!rest.isEmpty()) sb.append(" (").append(rest).append(')');
        return sb.toString();
    }

    private static String join(String x, String y) {
        if (x.isEmpty()) return y;
        if (y.isEmpty()) return x;
        return x + ", " + y;
    }

    /** Prefix, family, given, middle, suffix (PS3.5 6.2: family^given^middle^prefix^suffix), blank-separated. */
    private static String group(PersonName.Group g) {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[] {g.prefix(), g.family(), g.given(), g.middle(), g.suffix()}) {
            if (part != null && !part.isBlank()) {
                if (!sb.isEmpty()) sb.append(' ');
                sb.append(part.strip());
            }
        }
        return sb.toString();
    }
}
