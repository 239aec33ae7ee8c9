package org.pdistation.creator.content;

import java.util.ArrayList;
import java.util.List;
import org.pdistation.imaging.data.PersonName;

/** Person names (PS3.5 6.2.1) as people read them on a page or a label. */
public final class DisplayNames {
    private DisplayNames() {}

    /**
     * The ideographic group followed by the alphabetic one in parentheses ("山田 太郎 (YAMADA, Tarou)") when both
     * exist; else whichever exists; "" for an absent name. The phonetic group is left out: it repeats the others.
     */
    public static String of(PersonName pn) {
        if (pn == null) return "";
        String alpha = alphabetic(pn);
        String ideo = group(pn.ideographic(), " ");
        if (!ideo.isEmpty() && !alpha.isEmpty()) return ideo + " (" + alpha + ")";
        return ideo.isEmpty() ? alpha : ideo;
    }

    /** The alphabetic group only, "FAMILY, Given Middle" style: the fallback when no font has the ideographs. */
    public static String alphabetic(PersonName pn) {
        if (pn == null) return "";
        PersonName.Group g = pn.alphabetic();
        String rest = join(" ", g.prefix(), g.given(), g.middle(), g.suffix());
        if (g.family().isEmpty()) return rest;
        return rest.isEmpty() ? g.family() : g.family() + ", " + rest;
    }

    private static String group(PersonName.Group g, String sep) {
        // CJK names are written family name first without a comma.
        return join(sep, g.prefix(), g.family(), g.given(), g.middle(), g.suffix());
    }

    private static String join(String sep, String... parts) {
        List<String> p = new ArrayList<>();
        for (String s : parts) {
            if (s != null && !s.isBlank()) p.add(s.strip());
        }
        return String.join(sep, p);
    }
}
