package org.pdistation.creator.burn;

/**
 * A request to stop a burn, set from another thread (a Cancel button, a signal handler). The burner polls it and
 * destroys the tool's process tree; the burn then fails with a {@link BurnException}.
 */
public final class Cancellation {
    private volatile boolean cancelled;

    /** A token that is never cancelled. */
    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
