package org.pdistation.imaging.archive.burn;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * "Study complete after N quiet seconds": remembers the last arrival per study and hands out the studies that have
 * been quiet for the configured time. Time is passed in, so that it can be tested without waiting. Thread-safe.
 */
public final class StudyCompletionDetector {
    private final Duration quiet;
    private final Map<String, Instant> lastArrival = new HashMap<>();

    public StudyCompletionDetector(Duration quiet) {
        this.quiet = quiet;
    }

    public synchronized void arrived(String studyUid, Instant at) {
        lastArrival.merge(studyUid, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** The studies quiet since {@code now - quiet}; each is reported once (until it receives again). */
    public synchronized List<String> due(Instant now) {
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, Instant>> it = lastArrival.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Instant> e = it.next();
            if (!e.getValue().plus(quiet).isAfter(now)) {
                out.add(e.getKey());
                it.remove();
            }
        }
        out.sort(null);
        return out;
    }

    public synchronized int pending() {
        return lastArrival.size();
    }
}
