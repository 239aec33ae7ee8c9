package org.pdistation.imaging.archive.burn;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.pdistation.imaging.archive.Archive;
import org.pdistation.imaging.archive.service.ArchiveSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ties rules, completion detection, the job table and the {@link BurnAction} together. The archive sink reports each
 * stored instance ({@link #stored}); a timer calls {@link #tick} (say once a second) to queue completed studies and
 * run queued jobs one at a time. {@link #resume} after a restart puts jobs that were interrupted mid-way back in the
 * queue: a half-written medium cannot be continued, so the job starts over. {@link #startBackground} does both on one
 * background thread, so that a burn never holds up an association (the sender is answered as soon as the instance
 * is filed).
 */
public final class AutoBurner implements ArchiveSink.StoredListener {
    private static final Logger LOG = LoggerFactory.getLogger(AutoBurner.class);
    private final Archive archive;
    private final Map<String, AutoBurnRule> rules = new LinkedHashMap<>();
    private final Map<String, StudyCompletionDetector> detectors = new LinkedHashMap<>();
    private final BurnJobStore jobs;
    private final BurnAction action;
    /** "rule\u0000study" pairs whose WAITING row this process has written, so that it is written once a study. */
    private final Set<String> announced = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

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

    /** The called AE titles the rules answer to (e.g. BURN_CD), which the archive's SCP must accept too. */
    public Set<String> calledAets() {
        Set<String> out = new TreeSet<>();
        for (AutoBurnRule r : rules.values()) {
            if (r.calledAet() != null) {
                out.add(r.calledAet());
            }
        }
        return out;
    }

    /**
     * Resumes interrupted jobs, then ticks every {@code period} on one daemon thread until the returned handle is
     * closed. {@code log} gets a line per job state change (job id, rule, state and reason: no PHI). Closing lets a
     * running burn finish for a few seconds; one still running when the process ends keeps its persisted state and
     * {@link #resume} starts it over next time.
     */
    public AutoCloseable startBackground(Duration period, Consumer<String> log) throws SQLException {
        int resumed = resume();
        if (resumed > 0) {
            log.accept("auto-burn: " + resumed + " interrupted job(s) queued again");
        }
        Object sleeper = new Object();
        Thread t = Thread.ofPlatform().daemon().name("auto-burn").unstarted(() -> {
            while (!stopping) {
                try {
                    for (BurnJob j : tick(Instant.now())) {
                        log.accept("auto-burn job " + j.id() + " (rule " + j.rule() + "): " + j.state()
                                + (j.detail() != null ? " - " + j.detail() : ""));
                    }
                } catch (SQLException | RuntimeException e) {
                    log.accept("auto-burn: " + e.getMessage());
                }
                synchronized (sleeper) {
                    try {
                        if (!stopping) {
                            sleeper.wait(period.toMillis());
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
        t.start();
        return () -> {
            stopping = true;
            synchronized (sleeper) {
                sleeper.notifyAll();
            }
            t.join(Duration.ofSeconds(5));
        };
    }

    @Override
    public void stored(String callingAet, String calledAet, String studyUid, Instant at) {
        for (AutoBurnRule r : rules.values()) {
            if (r.matches(callingAet, calledAet)) {
                detectors.get(r.name()).arrived(studyUid, at);
                if (announced.add(r.name() + '\u0000' + studyUid)) {
                    try {
                        jobs.waiting(r.name(), studyUid);
                    } catch (SQLException e) {
                        // The in-memory detector still burns it; only a restart before completion would miss it.
                        announced.remove(r.name() + '\u0000' + studyUid);
                        LOG.warn("auto-burn: cannot record a waiting study for rule {}: {}", r.name(), e.getMessage());
                    }
                }
            }
        }
    }

    /**
     * Interrupted jobs (STAGING, WRITING, VERIFYING) back to QUEUED; returns how many. Studies that were still
     * arriving (WAITING) get a full quiet time from now: the sender may still be sending after our restart.
     */
    public int resume() throws SQLException {
        int n = 0;
        Instant now = Instant.now();
        for (BurnJob j : jobs.unfinished()) {
            if (j.state() == BurnState.WAITING) {
                StudyCompletionDetector d = detectors.get(j.rule());
                if (d != null) {
                    d.arrived(j.studyUid(), now);
                    announced.add(j.rule() + '\u0000' + j.studyUid());
                }
            } else if (j.state() != BurnState.QUEUED) {
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
                // Instances arriving after this make the study WAITING again (a FAILED job is then retried).
                announced.remove(e.getKey() + '\u0000' + study);
            }
        }
        List<BurnJob> ran = new ArrayList<>();
        for (BurnJob j : jobs.unfinished()) {
            AutoBurnRule rule = rules.get(j.rule());
            if (stopping) {
                break;
            }
            if (rule == null && j.state() == BurnState.WAITING) {
                jobs.update(j.id(), BurnState.FAILED, "rule " + j.rule() + " is no longer configured");
                continue;
            }
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
                // The action's message is written for the clerk; the class name only when there is none.
                jobs.update(j.id(), BurnState.FAILED, e.getMessage() != null ? e.getMessage()
                        : e.getClass().getSimpleName());
            }
            ran.add(jobs.get(j.id()).orElseThrow());
        }
        return ran;
    }
}
