package org.pdistation.importer.send;

import org.pdistation.importer.journal.Journal;

/** Progress of an import; called from sending threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface ImportListener {
    /** One instance reached a state (final or a failed attempt that will be retried). */
    void onRow(Journal.Row row, int done, int total);
}
