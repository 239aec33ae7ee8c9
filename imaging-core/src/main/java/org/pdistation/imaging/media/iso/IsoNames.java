package org.pdistation.imaging.media.iso;

import java.io.IOException;
import java.util.Comparator;

/** Identifier rules of ECMA-119 (Level 1 interchange) and Joliet, and the ordering of directory records. */
final class IsoNames {
    /** Joliet: an identifier holds at most 64 UCS-2 characters. */
    static final int JOLIET_MAX = 64;

    private IsoNames() {}

    /** ECMA-119 7.4.1: d-characters are A-Z, 0-9 and LOW LINE. */
    static boolean isDChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** ECMA-119 7.4.1: a-characters add SPACE and ! " % &amp; ' ( ) * + , - . / : ; &lt; = &gt; ?. */
    static boolean isAChar(char c) {
        return isDChar(c) || " !\"%&'()*+,-./:;<=>?".indexOf(c) >= 0;
    }

    static void requireDString(String s, int max, String what) {
        if (s.length() > max) throw new IllegalArgumentException(what + " longer than " + max + ": " + s);
        for (int i = 0; i < s.length(); i++) {
            if (!isDChar(s.charAt(i))) {
                throw new IllegalArgumentException(what + " has a character that is not a d-character"
                        + " (A-Z, 0-9, _) at " + i + ": " + s);
            }
        }
    }

    static void requireAString(String s, int max, String what) {
        if (s.length() > max) throw new IllegalArgumentException(what + " longer than " + max + ": " + s);
        for (int i = 0; i < s.length(); i++) {
            if (!isAChar(s.charAt(i))) {
                throw new IllegalArgumentException(what + " has a character that is not an a-character at "
                        + i + ": " + s);
            }
        }
    }

    /**
     * ECMA-119 7.5 / 10.1 (Level 1): a file name of at most 8 d-characters, a dot, an extension of at most
     * 3 d-characters, ";1". Returns the recorded identifier ({@code DICOMDIR.;1}).
     */
    static String level1File(String name, Object where) throws IOException {
        int dot = name.indexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        if (base.isEmpty() && ext.isEmpty() || base.length() > 8 || ext.length() > 3 || !allD(base)
                || !allD(ext)) {
            throw new IOException(where + ": file name \"" + name + "\" is not an ISO 9660 Level 1 name"
                    + " (at most 8 upper-case letters, digits or _, optionally a dot and 3 more)");
        }
        return base + "." + ext + ";1";
    }

    /** ECMA-119 7.6 (Level 1): a directory identifier is at most 8 d-characters. */
    static String level1Directory(String name, Object where) throws IOException {
        if (name.isEmpty() || name.length() > 8 || !allD(name)) {
            throw new IOException(where + ": directory name \"" + name + "\" is not an ISO 9660 Level 1 name"
                    + " (at most 8 upper-case letters, digits or _)");
        }
        return name;
    }

    /** Joliet: UCS-2 names of at most 64 characters without * / : ; ? \ or control characters. */
    static String joliet(String name, boolean file, Object where) throws IOException {
        if (name.length() > JOLIET_MAX) {
            throw new IOException(where + ": name \"" + name + "\" is longer than the Joliet limit of "
                    + JOLIET_MAX + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || "*/:;?\\".indexOf(c) >= 0 || Character.isSurrogate(c)) {
                throw new IOException(where + ": name \"" + name + "\" has a character Joliet forbids at " + i);
            }
        }
        return file ? name + ";1" : name;
    }

    private static boolean allD(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isDChar(s.charAt(i))) return false;
        }
        return true;
    }

    /**
     * ECMA-119 9.3: records are ordered by file name, then extension, each compared as if padded on the right with
     * the filler (SPACE for ISO 9660 identifiers, 0x0000 for Joliet's UCS-2), then by version (we only write ;1).
     */
    static final Comparator<String> PRIMARY_ORDER = (a, b) -> compareIdentifiers(a, b, ' ');
    static final Comparator<String> JOLIET_ORDER = (a, b) -> compareIdentifiers(a, b, '\0');

    static int compareIdentifiers(String a, String b, char filler) {
        int c = comparePadded(part(a, 0), part(b, 0), filler);
        return c != 0 ? c : comparePadded(part(a, 1), part(b, 1), filler);
    }

    /** Part 0 is the name, part 1 the extension; the version is dropped. */
    private static String part(String id, int which) {
        int semi = id.indexOf(';');
        String noVersion = semi < 0 ? id : id.substring(0, semi);
        int dot = noVersion.lastIndexOf('.');
        if (dot < 0) return which == 0 ? noVersion : "";
        return which == 0 ? noVersion.substring(0, dot) : noVersion.substring(dot + 1);
    }

    private static int comparePadded(String a, String b, char filler) {
        int n = Math.max(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int ca = i < a.length() ? a.charAt(i) : filler;
            int cb = i < b.length() ? b.charAt(i) : filler;
            if (ca != cb) return Integer.compare(ca, cb);
        }
        return 0;
    }
}
