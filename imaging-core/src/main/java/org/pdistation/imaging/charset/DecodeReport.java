package org.pdistation.imaging.charset;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects what one decode call tolerated, and hands it to the caller's sink once at the end.
 *
 * <p>Invalid byte sequences are counted rather than reported one by one, so that a long badly labelled text gives
 * one warning instead of thousands (PDI-REQUIREMENTS F.39: replace, warn, never throw). Not thread-safe; one
 * instance per decode call.
 */
final class DecodeReport {

    private final Consumer<String> sink;
    private final String characterSet;
    private int invalidCount;
    private int firstInvalidOffset = -1;
    private String firstInvalidWhat;
    private List<String> notes;

    /** @param sink where the warnings go, or {@code null} to drop them */
    DecodeReport(Consumer<String> sink, String characterSet) {
        this.sink = sink;
        this.characterSet = characterSet;
    }

    /** A byte sequence at {@code offset} (relative to the value) was replaced by U+FFFD. */
    void invalid(int offset, String what) {
        if (invalidCount++ == 0) {
            firstInvalidOffset = offset;
            firstInvalidWhat = what;
        }
    }

    /** Something tolerated that is not an invalid byte; each distinct note is reported once. */
    void note(String message) {
        if (sink == null) {
            return;
        }
        if (notes == null) {
            notes = new ArrayList<>(2);
        }
        if (!notes.contains(message)) {
            notes.add(message);
        }
    }

    /** Passes everything collected to the sink. */
    void flush() {
        if (sink == null) {
            return;
        }
        if (notes != null) {
            notes.forEach(sink);
        }
        if (invalidCount > 0) {
            sink.accept(String.format("%d invalid byte sequence%s for %s replaced by U+FFFD (first at offset %d: %s)",
                    invalidCount, invalidCount == 1 ? "" : "s", characterSet, firstInvalidOffset, firstInvalidWhat));
        }
    }

    static String hex(byte[] bytes, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(' ');
            }
            sb.append(String.format("%02X", bytes[i] & 0xFF));
        }
        return sb.toString();
    }
}
