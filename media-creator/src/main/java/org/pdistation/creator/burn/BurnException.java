package org.pdistation.creator.burn;

import java.io.IOException;

/**
 * A burn, drive listing or media check that failed. The message names the drive and says what went wrong in the
 * tool's own words; {@link #exitCode()} is the tool's exit status (-1 when it did not run or was killed).
 */
public final class BurnException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Exit code used when no tool ran to an exit status of its own. */
    public static final int NO_EXIT_CODE = -1;

    private final int exitCode;
    private final String toolOutput;

    public BurnException(String message, int exitCode, String toolOutput) {
        super(message);
        this.exitCode = exitCode;
        this.toolOutput = toolOutput == null ? "" : toolOutput;
    }

    public BurnException(String message) {
        this(message, NO_EXIT_CODE, "");
    }

    public BurnException(String message, Throwable cause) {
        super(message, cause);
        this.exitCode = NO_EXIT_CODE;
        this.toolOutput = "";
    }

    /** The tool's exit status, or {@link #NO_EXIT_CODE}. */
    public int exitCode() {
        return exitCode;
    }

    /** Everything the tool printed (stdout and stderr interleaved), for a details pane or a log at DEBUG. */
    public String toolOutput() {
        return toolOutput;
    }
}
