package org.pdistation.importer.journal;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a running import's outcomes and commits them together, every {@code maxRows} outcomes or when the oldest
 * has waited {@code maxDelay} (checked as outcomes arrive), and on {@link #flush}: one SQLite transaction per batch
 * instead of one per instance. What a kill loses is only "stored" not yet journalled: those instances are sent
 * again on resume and the PACS keeps one copy (same SOP Instance UID and content); nothing is ever marked stored
 * that the PACS did not confirm. Thread-safe: the sending threads share one batch.
 */
public final class JournalBatch implements AutoCloseable {
    private final Journal journal;
    private final int maxRows;
    private final long maxDelayNanos;
    private final List<Journal.Update> pending = new ArrayList<>();
    private long oldest;

    public JournalBatch(Journal journal, int maxRows, Duration maxDelay) {
        this.journal = journal;
        this.maxRows = Math.max(1, maxRows);
        this.maxDelayNanos = maxDelay.toNanos();
    }

    public synchronized void add(Journal.Update u) throws SQLException {
        if (pending.isEmpty()) {
            oldest = System.nanoTime();
        }
        pending.add(u);
        if (pending.size() >= maxRows || System.nanoTime() - oldest >= maxDelayNanos) {
            flush();
        }
    }

    public synchronized void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        journal.updateAll(List.copyOf(pending));
        pending.clear();
    }

    @Override
    public void close() throws SQLException {
        flush();
    }
}
