package org.pdistation.imaging.pdf;

import java.io.ByteArrayOutputStream;

/**
 * Text to WinAnsiEncoding bytes (PDF 1.4 Appendix D) inside a PDF literal string (§3.2.3): characters the
 * encoding lacks become '?', and '(', ')', '\' are escaped.
 */
final class WinAnsi {
    // Appendix D: codes 128-159 of WinAnsiEncoding (0 where the code is unused).
    private static final char[] HIGH = {
        '\u20AC', 0, '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', 0, '\u017D', 0,
        0, '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', 0, '\u017E', '\u0178',
    };

    private WinAnsi() {}

    /** The code of {@code cp} in WinAnsiEncoding, or '?' when it has none. */
    static int code(int cp) {
        if (cp >= 0x20 && cp <= 0x7E) return cp;
        if (cp >= 0xA0 && cp <= 0xFF) return cp; // Latin-1 Supplement maps 1:1 in Appendix D
        for (int i = 0; i < HIGH.length; i++) {
            if (HIGH[i] != 0 && HIGH[i] == cp) return 0x80 + i;
        }
        return '?';
    }

    /** {@code text} as the bytes of a literal string, parentheses included. */
    static byte[] literal(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 2);
        out.write('(');
        text.codePoints().forEach(cp -> {
            int c = code(cp);
            if (c == '(' || c == ')' || c == '\\') out.write('\\');
            out.write(c);
        });
        out.write(')');
        return out.toByteArray();
    }
}
