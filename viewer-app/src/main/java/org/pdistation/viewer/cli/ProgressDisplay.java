package org.pdistation.viewer.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.pdistation.creator.burn.BurnPhase;
import org.pdistation.creator.burn.BurnProgress;

/**
 * Shows burn progress on the terminal: one line redrawn in place (carriage return) on a console; one line per
 * phase and per 10 % step otherwise, so a log or a pipe gets a readable record.
 */
final class ProgressDisplay implements BurnProgress.Listener {
    private static final int BAR = 30;

    private final PrintWriter out;
    private final boolean interactive;
    private BurnPhase lastPhase;
    private int lastPercent = -1;
    private boolean lineOpen;

    ProgressDisplay(PrintWriter out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public void progress(BurnProgress p) {
        int percent = p.percent();
        boolean newPhase = p.phase() != lastPhase;
        if (!interactive && !newPhase && percent / 10 == lastPercent / 10) {
            return;
        }
        if (interactive && !newPhase && percent == lastPercent) {
            return;
        }
        lastPhase = p.phase();
        lastPercent = percent;
        int filled = percent * BAR / 100;
        String line = String.format(Locale.ROOT, "[%s%s] %3d %%  %-9s %8.1f of %.1f MB", "#".repeat(filled),
                " ".repeat(BAR - filled), percent, p.phase().name().toLowerCase(Locale.ROOT), p.bytesDone() / 1e6,
                p.bytesTotal() / 1e6);
        if (interactive) {
            out.print("\r" + line);
            lineOpen = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends the redrawn line, so what follows starts on its own line. */
    void finish() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }
}
