package org.pdistation.imaging.json;

import java.io.IOException;
import java.io.Writer;

/**
 * A minimal streaming JSON writer: the caller drives structure, this class places commas and escapes strings
 * (RFC 8259 section 7). No tree is built, so output size is bounded only by the Writer.
 */
final class JsonOutput {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Writer out;
    /** Whether the container being written already holds a member, one bit per nesting level. */
    private long hasMember;
    private int depth;
    private boolean afterName;

    JsonOutput(Writer out) {
        this.out = out;
    }

    Writer writer() { return out; }

    JsonOutput beginObject() throws IOException {
        beforeValue();
        out.write('{');
        push();
        return this;
    }

    JsonOutput endObject() throws IOException {
        depth--;
        out.write('}');
        return this;
    }

    JsonOutput beginArray() throws IOException {
        beforeValue();
        out.write('[');
        push();
        return this;
    }

    JsonOutput endArray() throws IOException {
        depth--;
        out.write(']');
        return this;
    }

    JsonOutput name(String name) throws IOException {
        separate();
        writeString(name);
        out.write(':');
        afterName = true;
        return this;
    }

    JsonOutput value(String s) throws IOException {
        beforeValue();
        if (s == null) {
            out.write("null");
        } else {
            writeString(s);
        }
        return this;
    }

    /** A number already in JSON number syntax (the caller checks). */
    JsonOutput rawNumber(String number) throws IOException {
        beforeValue();
        out.write(number);
        return this;
    }

    JsonOutput nullValue() throws IOException {
        beforeValue();
        out.write("null");
        return this;
    }

    /** Opens a string value whose content the caller writes unescaped (base64 text). */
    void beginRawString() throws IOException {
        beforeValue();
        out.write('"');
    }

    void endRawString() throws IOException {
        out.write('"');
    }

    private void push() {
        if (depth >= 63) {
            throw new IllegalStateException("JSON nested too deeply");
        }
        depth++;
        hasMember &= ~(1L << depth);
    }

    private void beforeValue() throws IOException {
        if (afterName) {
            afterName = false;
            return;
        }
        separate();
    }

    private void separate() throws IOException {
        long bit = 1L << depth;
        if (depth > 0 && (hasMember & bit) != 0) {
            out.write(',');
        }
        hasMember |= bit;
    }

    private void writeString(String s) throws IOException {
        out.write('"');
        int start = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String esc = null;
            if (c == '"') {
                esc = "\\\"";
            } else if (c == '\\') {
                esc = "\\\\";
            } else if (c == '\n') {
                esc = "\\n";
            } else if (c == '\r') {
                esc = "\\r";
            } else if (c == '\t') {
                esc = "\\t";
            } else if (c < 0x20 || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c) && !pairedSurrogate(s, i)) {
                // Control characters must be escaped (RFC 8259 7); U+2028/9 break JavaScript embedders; a lone
                // surrogate cannot be encoded as UTF-8, so it is escaped rather than turned into '?'.
                esc = "\\u" + HEX[c >> 12 & 15] + HEX[c >> 8 & 15] + HEX[c >> 4 & 15] + HEX[c & 15];
            }
            if (esc != null) {
                out.write(s, start, i - start);
                out.write(esc);
                start = i + 1;
            }
        }
        out.write(s, start, n - start);
        out.write('"');
    }

    private static boolean pairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
