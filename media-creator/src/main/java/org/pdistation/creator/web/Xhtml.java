package org.pdistation.creator.web;

/**
 * XHTML 1.1 text building (W3C XHTML 1.1, XML 1.0 §2.4 and §4.6): escaping of everything that comes from the data,
 * and the page skeleton. No script and no external resource but the shared style sheet.
 */
final class Xhtml {
    private final StringBuilder sb = new StringBuilder(4096);

    private Xhtml() {}

    /**
     * {@code s} as character data or an attribute value: the five XML markup characters become references, and
     * characters XML 1.0 does not allow (C0 controls but TAB/LF/CR, lone surrogates, U+FFFE/U+FFFF) become U+FFFD.
     */
    static String escape(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || Character.isSurrogate(c)
                            || c == '\uFFFE' || c == '\uFFFF') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Starts a page: XML declaration, XHTML 1.1 doctype, head with UTF-8 declared twice (XML and HTTP-equiv). */
    static Xhtml page(String title, String lang, String styleHref) {
        Xhtml x = new Xhtml();
        x.sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.1//EN\" ")
                .append("\"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd\">\n")
                .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"").append(escape(lang)).append("\">\n")
                .append("<head>\n")
                .append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\" />\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<link rel=\"stylesheet\" type=\"text/css\" href=\"").append(escape(styleHref)).append("\" />\n")
                .append("</head>\n<body>\n");
        return x;
    }

    /** Appends markup written by this package (never data: use {@link #text}). */
    Xhtml raw(String markup) {
        sb.append(markup);
        return this;
    }

    /** Appends escaped character data. */
    Xhtml text(String s) {
        sb.append(escape(s));
        return this;
    }

    /** {@code <tag class="cls">text</tag>} with the text escaped. */
    Xhtml element(String tag, String cls, String text) {
        sb.append('<').append(tag);
        if (cls != null) sb.append(" class=\"").append(cls).append('"');
        sb.append('>').append(escape(text)).append("</").append(tag).append(">\n");
        return this;
    }

    Xhtml link(String href, String text) {
        sb.append("<a href=\"").append(escape(href)).append("\">").append(escape(text)).append("</a>");
        return this;
    }

    String finish() {
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }
}
