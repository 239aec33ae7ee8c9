package org.pdistation.imaging.media.verify;

import java.util.ArrayList;
import java.util.List;

/** Collects findings of one run; keeps at most a bound of them (a broken DVD can yield one per record). */
final class Findings {
    static final int MAX_KEPT = 20_000;

    private final List<Finding> kept = new ArrayList<>();
    private int errors;
    private int warnings;
    private int dropped;

    void add(Finding f) {
        switch (f.severity()) {
            case ERROR -> errors++;
            case WARNING -> warnings++;
            case INFO -> { }
        }
        if (kept.size() < MAX_KEPT) {
            kept.add(f);
        } else {
            dropped++;
        }
    }

    void error(int rule, String path, long offset, Integer tag, String message) {
        add(new Finding(rule, Severity.ERROR, path, offset, tag, message));
    }

    void warning(int rule, String path, long offset, Integer tag, String message) {
        add(new Finding(rule, Severity.WARNING, path, offset, tag, message));
    }

    void info(int rule, String path, long offset, Integer tag, String message) {
        add(new Finding(rule, Severity.INFO, path, offset, tag, message));
    }

    void error(FindingKind kind, int rule, String path, long offset, Integer tag, String message) {
        add(new Finding(rule, Severity.ERROR, path, offset, tag, message, kind, null));
    }

    void warning(FindingKind kind, int rule, String path, long offset, Integer tag, String message) {
        add(new Finding(rule, Severity.WARNING, path, offset, tag, message, kind, null));
    }

    void info(FindingKind kind, int rule, String path, long offset, Integer tag, String message) {
        add(new Finding(rule, Severity.INFO, path, offset, tag, message, kind, null));
    }

    /** An error about a referenced file {@code fileId} (PS3.10 8.2: components joined by '\'), found at {@code path}. */
    void errorAbout(FindingKind kind, String fileId, int rule, String path, long offset, Integer tag, String message) {
        add(new Finding(rule, Severity.ERROR, path, offset, tag, message, kind, fileId.replace('\\', '/')));
    }

    List<Finding> kept() { return kept; }

    int errors() { return errors; }

    int warnings() { return warnings; }

    int dropped() { return dropped; }
}
