package org.pdistation.imaging.archive.burn;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pdistation.imaging.archive.Archive;
import org.pdistation.imaging.archive.service.ArchiveSink;

/**
 * Ties rules, completion detection, the job table and the {@link BurnAction} together. The archive sink reports each
 * stored instance ({@link #stored}); a timer calls {@link #tick} (say once a second) to queue completed studies and
 * run queued jobs one at a time. {@link #resume} after a restart puts jobs that were interrupted mid-way back in the
 * queue: a half-written medium cannot be continued, so the job starts over.
 */
public final class AutoBurner implements ArchiveSink.StoredListener {
    private final Archive archive;
    private final Map<String, AutoBurnRule> rules = new LinkedHashMap<>();
    private final Map<String, StudyCompletionDetector> detectors = new LinkedHashMap<>();
    private final BurnJobStore jobs;
    private final BurnAction action;

    public AutoBurner(Archive archive, List<AutoBurnRule> rules, BurnAction action) {
        this.archive = archive;
        for (AutoBurnRule r : rules) {
            this.rules.put(r.name(), r);
            this.detectors.put(r.name(), new StudyCompletionDetector(r.quiet()));
        }
        this.jobs = new BurnJobStore(archive.index());
        this.action = action;
    }

    public BurnJobStore jobs() {
        return jobs;
    }

    @Override
    public void stored(String callingAet, String calledAet, String studyUid, Instant at) {
        for (AutoBurnRule r : rules.values()) {
            if (r.matches(callingAet, calledAet)) {
                detectors.get(r.name()).arrived(studyUid, at);
            }
        }
    }

    /** Interrupted jobs (STAGING, WRITING, VERIFYING) back to QUEUED; returns how many. */
    public int resume() throws SQLException {
        int n = 0;
        for (BurnJob j : jobs.unfinished()) {
            if (j.state() != BurnState.QUEUED) {
                jobs.update(j.id(), BurnState.QUEUED, "resumed after restart from " + j.state());
                n++;
            }
        }
        return n;
    }

    /** Queues the studies that became complete by {@code now}, then runs every queued job; returns those run. */
    public synchronized List<BurnJob> tick(Instant now) throws SQLException {
        for (Map.Entry<String, StudyCompletionDetector> e : detectors.entrySet()) {
            for (String study : e.getValue().due(now)) {
                jobs.enqueue(e.getKey(), study);
            }
        }
        List<BurnJob> ran = new ArrayList<>();
        for (BurnJob j : jobs.unfinished()) {
            AutoBurnRule rule = rules.get(j.rule());
            if (j.state() != BurnState.QUEUED) {
                continue;
            }
            if (rule == null) {
                jobs.update(j.id(), BurnState.FAILED, "rule " + j.rule() + " is no longer configured");
                continue;
            }
            try {
                action.burn(j, rule, archive, state -> {
                    try {
                        jobs.update(j.id(), state, null);
                    } catch (SQLException e) {
                        throw new IllegalStateException("cannot persist burn job state: " + e.getMessage(), e);
                    }
                });
                jobs.update(j.id(), BurnState.DONE, null);
            } catch (Exception e) {
                jobs.update(j.id(), BurnState.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            ran.add(jobs.get(j.id()).orElseThrow());
        }
        return ran;
    }
}
