package org.pdistation.imaging.archive.index;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The search key of a person name group: NFKD (so full-/half-width forms and compatibility characters compare
 * equal), Latin/Greek/Cyrillic combining diacritics removed, upper case, recomposed. Japanese kana keep their voiced
 * marks (U+3099/U+309A are not stripped), so kana and kanji match as stored.
 */
public final class NameKey {
    private NameKey() {
    }

    public static String of(String s) {
        if (s == null) {
            return null;
        }
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char ch = d.charAt(i);
            if (!isDiacritic(ch)) {
                b.append(ch);
            }
        }
        return Normalizer.normalize(b.toString().toUpperCase(Locale.ROOT), Normalizer.Form.NFC).strip();
    }

    private static boolean isDiacritic(char ch) {
        return (ch >= 0x0300 && ch <= 0x036F) || (ch >= 0x1AB0 && ch <= 0x1AFF) || (ch >= 0x1DC0 && ch <= 0x1DFF)
                || (ch >= 0x20D0 && ch <= 0x20FF) || (ch >= 0xFE20 && ch <= 0xFE2F);
    }

    /** The three groups of a PN value (alphabetic, ideographic, phonetic; PS3.5 6.2.1), each keyed. */
    public static String[] groups(String pn) {
        String[] out = new String[3];
        if (pn == null) {
            return out;
        }
        String[] g = pn.split("=", -1);
        for (int i = 0; i < 3 && i < g.length; i++) {
            String k = of(trimCarets(g[i]));
            out[i] = k == null || k.isEmpty() ? null : k;
        }
        return out;
    }

    /** "DOE^JOHN^^^" and "DOE^JOHN" are the same name (PS3.5 6.2.1.1: trailing empty components may be omitted). */
    static String trimCarets(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '^' || s.charAt(end - 1) == ' ')) {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * A DICOM matching pattern (PS3.4 C.2.2.2.4: '*' any sequence, '?' one character) as a SQL LIKE pattern with
     * '!' as escape character.
     */
    public static String like(String pattern) {
        StringBuilder b = new StringBuilder(pattern.length() + 4);
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            switch (ch) {
                case '*' -> b.append('%');
                case '?' -> b.append('_');
                case '%', '_', '!' -> b.append('!').append(ch);
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    public static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }
}
