package org.pdistation.importer.send;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.pdistation.imaging.net.SourceStoreScu;
import org.pdistation.imaging.net.StoreResult;
import org.pdistation.importer.audit.AuditEvent;
import org.pdistation.importer.audit.AuditTrail;
import org.pdistation.importer.report.ImportReport;
import org.pdistation.importer.journal.InstanceState;
import org.pdistation.importer.journal.Journal;
import org.pdistation.importer.journal.JournalBatch;
import org.pdistation.importer.reconcile.LocalIdentity;
import org.pdistation.importer.review.InstanceProblem;
import org.pdistation.importer.review.InstanceRecord;
import org.pdistation.importer.review.ReviewModel;

/**
 * Runs an import through the journal: {@link #prepare} writes one row per selected instance with its initial state
 * (PENDING, or the final state when it cannot or need not be sent: unreadable, unsupported, duplicate, conflict);
 * {@link #run} sends the PENDING rows, coerced and streamed, over N associations, retrying transient failures with
 * exponential back-off, and records each outcome as it arrives. A killed import is resumed by calling {@link #run}
 * again with the job id: only rows still PENDING are sent.
 */
public final class Importer {
    /** Outcomes are journalled in one transaction per this many instances or this delay, whichever comes first. */
    private static final int BATCH_ROWS = 64;
    private static final java.time.Duration BATCH_DELAY = java.time.Duration.ofMillis(200);

    private final Journal journal;
    private final ImportConfig config;

    public Importer(Journal journal, ImportConfig config) {
        this.journal = journal;
        this.config = config;
    }

    public String pacsKey() {
        return config.pacs().aet() + "@" + config.pacs().host() + ":" + config.pacs().port();
    }

    /** Creates the job and its rows; returns the job id. */
    public long prepare(ReviewModel model, Collection<String> selection, LocalIdentity identity)
            throws IOException, SQLException {
        return prepare(model, selection, identity, null);
    }

    /**
     * As {@link #prepare(ReviewModel, Collection, LocalIdentity)}; {@code rootName} names the medium's root in the
     * journal where its {@link Path} says nothing outside this process (the .iso file of an ISO file system).
     */
    public long prepare(ReviewModel model, Collection<String> selection, LocalIdentity identity, String rootName)
            throws IOException, SQLException {
        List<InstanceRecord> selected = model.select(selection);
        java.util.LinkedHashSet<String> patientIds = new java.util.LinkedHashSet<>();
        if (identity != null) {
            patientIds.add(identity.patientId());
        } else {
            model.patients().forEach(p -> patientIds.add(p.patientId()));
        }
        Path root = model.medium().root();
        long job = journal.createJob(MediumCheck.identify(model.medium(), rootName), pacsKey(),
                IdentityCodec.encode(identity), String.join("\\", patientIds));
        List<Journal.Row> rows = new ArrayList<>();
        for (InstanceRecord r : selected) {
            InstanceState state = InstanceState.PENDING;
            String message = r.detail();
            String hash = null;
            if (!r.importable()) {
                state = stateOf(r);
            } else {
                // The content is fingerprinted while it is sent (ContentHash); here only an instance whose UID
                // was stored before is read whole, to tell a duplicate from a conflict.
                Optional<String> stored = journal.storedHash(pacsKey(), r.sopInstanceUid());
                if (stored.isPresent()) {
                    // PDI-REQUIREMENTS 32: same UID and content: nothing to send; other content: never overwrite.
                    boolean same = ContentHash.matches(stored.get(), r.file());
                    hash = same ? stored.get() : ContentHash.of(r.file());
                    state = same ? InstanceState.DUPLICATE : InstanceState.CONFLICT;
                    message = state == InstanceState.DUPLICATE ? "already stored to " + pacsKey()
                            : "another instance with this SOP Instance UID but different content is stored";
                }
            }
            // Journalled relative to the medium root, so that a resume finds it on the medium opened again (another
            // mount point, an .iso file system).
            rows.add(new Journal.Row(job, r.fileId(), r.file() == null ? null : MediumCheck.relative(root, r.file()),
                    r.sopInstanceUid(), r.sopClassUid(), r.transferSyntaxUid(), r.studyUid(), r.seriesUid(), hash,
                    state, null, message, 0));
        }
        journal.addInstances(job, rows);
        return job;
    }

    private static InstanceState stateOf(InstanceRecord r) {
        if (r.problems().contains(InstanceProblem.DUPLICATE_UID)) {
            return InstanceState.DUPLICATE;
        }
        if (r.problems().contains(InstanceProblem.UNSUPPORTED_SOP_CLASS)
                || r.problems().contains(InstanceProblem.UNSUPPORTED_TRANSFER_SYNTAX)) {
            return InstanceState.UNSUPPORTED;
        }
        return InstanceState.UNREADABLE;
    }

    /** Resumes a stopped or failed job against the medium at its journalled root. */
    public Map<InstanceState, Integer> resume(long job, ImportListener listener)
            throws SQLException, InterruptedException, IOException {
        Journal.Job j = journal.job(job).orElseThrow(() -> new IllegalArgumentException("no import job " + job));
        return resume(job, Path.of(j.mediumRoot()), listener);
    }

    /**
     * Resumes a stopped or failed job against the medium opened again at {@code root} (a re-mounted disc, the root
     * of an .iso file system): refuses another medium, re-queues transient failures, then sends what is PENDING.
     */
    public Map<InstanceState, Integer> resume(long job, Path root, ImportListener listener)
            throws SQLException, InterruptedException, IOException {
        Journal.Job j = journal.job(job).orElseThrow(() -> new IllegalArgumentException("no import job " + job));
        List<Journal.Row> requeueable = new ArrayList<>(journal.rows(job, InstanceState.PENDING));
        MediumCheck.verify(j, root, requeueable);
        for (Journal.Row r : journal.rows(job, InstanceState.FAILED)) {
            if (r.path() != null && !java.nio.file.Files.isRegularFile(MediumCheck.resolve(root, r.path()))) {
                throw new IOException("refusing to resume import job " + job + ": " + r.path()
                        + " is not on the medium at " + root);
            }
        }
        journal.requeue(job);
        return run(job, root, listener);
    }

    /** Sends every PENDING row of {@code job} from the medium at its journalled root. */
    public Map<InstanceState, Integer> run(long job, ImportListener listener)
            throws SQLException, InterruptedException {
        Journal.Job j = journal.job(job).orElseThrow(() -> new IllegalArgumentException("no import job " + job));
        return run(job, Path.of(j.mediumRoot()), listener);
    }

    /** Sends every PENDING row of {@code job} from the medium at {@code root}; returns the job's final counts. */
    public Map<InstanceState, Integer> run(long job, Path root, ImportListener listener)
            throws SQLException, InterruptedException {
        Journal.Job j = journal.job(job).orElseThrow(() -> new IllegalArgumentException("no import job " + job));
        LocalIdentity identity = IdentityCodec.decode(j.identity());
        List<Journal.Row> pending = journal.rows(job, InstanceState.PENDING);
        int total = journal.rows(job, null).size();
        AtomicInteger done = new AtomicInteger(total - pending.size());
        audit(j, AuditEvent.Type.BEGIN, 0, "job " + job + ": " + pending.size() + " of " + total + " to send");
        Map<InstanceState, Integer> counts;
        try {
            SourceStoreScu scu = new SourceStoreScu(config.pacs(), config.callingAet(), config.net(),
                    config.sockets());
            List<Journal.Row> todo = pending;
            for (int attempt = 1; !todo.isEmpty(); attempt++) {
                ConcurrentLinkedQueue<Journal.Row> retry = new ConcurrentLinkedQueue<>();
                boolean last = attempt >= config.maxAttempts();
                try (JournalBatch batch = new JournalBatch(journal, BATCH_ROWS, BATCH_DELAY)) {
                    sendAll(scu, job, root, todo, identity, last, retry, listener, done, total, batch);
                }
                todo = new ArrayList<>(retry);
                if (!todo.isEmpty()) {
                    // Exponential back-off between rounds for transient failures (A7xx, refused, reset, rejected
                    // transient).
                    Thread.sleep(config.firstBackoff().toMillis() << Math.min(attempt - 1, 6));
                }
            }
            if (config.commitment() != null) {
                commit(job);
            }
            counts = journal.counts(job);
        } catch (SQLException | InterruptedException | RuntimeException e) {
            // PS3.15 A.5.1: 12, major failure: the import itself stopped.
            audit(j, AuditEvent.Type.TRANSFERRED, 12, "job " + job + " stopped: " + e.getClass().getSimpleName());
            throw e;
        }
        int failed = counts.get(InstanceState.FAILED) + counts.get(InstanceState.PENDING);
        int stored = counts.get(InstanceState.STORED) + counts.get(InstanceState.WARNING);
        String state = failed == 0 ? "COMPLETE" : counts.get(InstanceState.PENDING) == 0 ? "COMPLETE_WITH_FAILURES"
                : "INCOMPLETE";
        journal.finish(job, state);
        // 0 when nothing failed; 4 (minor) when some failed but others were stored; 8 (serious) when none was.
        audit(j, AuditEvent.Type.TRANSFERRED, failed == 0 ? 0 : stored > 0 ? 4 : 8, "job " + job + " " + state
                + ": " + ImportReport.countsLine(counts));
        return counts;
    }

    /**
     * Issue 6 item 4: asks the PACS to commit to every instance this job stored; one it does not commit becomes
     * FAILED (transient: a resume sends it again and asks again), so the job is COMPLETE only when all are committed.
     * No answer at all (timeout, refused N-ACTION) counts as not committed for every one.
     */
    private void commit(long job) throws SQLException {
        List<org.pdistation.imaging.net.CommitmentResult.SopRef> refs = new ArrayList<>();
        List<Journal.Row> stored = new ArrayList<>(journal.rows(job, InstanceState.STORED));
        stored.addAll(journal.rows(job, InstanceState.WARNING));
        for (Journal.Row r : stored) {
            refs.add(new org.pdistation.imaging.net.CommitmentResult.SopRef(r.sopClassUid(), r.sopInstanceUid()));
        }
        if (refs.isEmpty()) {
            return;
        }
        Map<String, String> failed;
        try {
            failed = config.commitment().uncommitted(refs);
        } catch (IOException | RuntimeException e) {
            failed = new java.util.HashMap<>();
            for (var ref : refs) {
                failed.put(ref.sopInstanceUid(), "no Storage Commitment answer: " + e.getMessage());
            }
        }
        List<Journal.Update> updates = new ArrayList<>();
        for (Journal.Row r : stored) {
            String why = failed.get(r.sopInstanceUid());
            if (why != null) {
                updates.add(new Journal.Update(job, r.fileId(), InstanceState.FAILED, r.status(),
                        "stored but not committed by " + pacsKey() + ": " + why, true, null));
            }
        }
        journal.updateAll(updates);
    }

    private void audit(Journal.Job j, AuditEvent.Type type, int outcome, String summary) throws SQLException {
        try {
            new AuditTrail(journal).record(new AuditEvent(type, journal.clock().instant(), outcome,
                    AuditTrail.osUser(), j.medium(), pacsKey(), journal.studyUids(j.id()),
                    j.patientIds() == null || j.patientIds().isEmpty() ? List.of()
                            : List.of(j.patientIds().split("\\\\")), j.id(), summary));
        } catch (IOException e) {
            throw new SQLException("cannot write the audit log next to " + journal.file() + ": " + e.getMessage(), e);
        }
    }

    private void sendAll(SourceStoreScu scu, long job, Path root, List<Journal.Row> rows, LocalIdentity identity, boolean last,
                         ConcurrentLinkedQueue<Journal.Row> retry, ImportListener listener, AtomicInteger done,
                         int total, JournalBatch batch) throws InterruptedException {
        int n = Math.max(1, Math.min(config.associations(), rows.size()));
        List<List<RowSource>> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(new ArrayList<>());
        }
        for (int i = 0; i < rows.size(); i++) {
            Journal.Row r = rows.get(i);
            parts.get(i % n).add(new RowSource(r, new CoercedSource(MediumCheck.resolve(root, r.path()),
                    r.sopClassUid(),
                    r.sopInstanceUid(), r.transferSyntaxUid(), identity, config.system(), config.clock())));
        }
        List<Thread> threads = new ArrayList<>();
        for (List<RowSource> part : parts) {
            threads.add(Thread.ofVirtual().name("import-send").start(() -> {
                Map<org.pdistation.imaging.net.StoreSource, Journal.Row> byId = new java.util.IdentityHashMap<>();
                List<CoercedSource> sources = new ArrayList<>();
                for (RowSource rs : part) {
                    byId.put(rs.source(), rs.row());
                    sources.add(rs.source());
                }
                scu.storeOn(sources, res -> record(job, byId.get(res.source()), res, last, retry, listener, done,
                        total, batch));
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private record RowSource(Journal.Row row, CoercedSource source) {}

    private void record(long job, Journal.Row row, SourceStoreScu.Result res, boolean last,
                        ConcurrentLinkedQueue<Journal.Row> retry, ImportListener listener, AtomicInteger done,
                        int total, JournalBatch batch) {
        StoreResult r = res.result();
        InstanceState state = switch (r.outcome()) {
            case STORED -> InstanceState.STORED;
            case WARNING -> InstanceState.WARNING;
            case FAILED -> InstanceState.FAILED;
        };
        String message = join(r.error(), r.note());
        Integer status = r.status() == null ? null : r.status().code();
        try {
            if (state == InstanceState.FAILED && res.transientFailure() && !last) {
                // Stays PENDING (so a kill now still resends it), the attempt and reason recorded.
                batch.add(new Journal.Update(job, row.fileId(), InstanceState.PENDING, status, message, true, null));
                retry.add(row);
                listener.onRow(row.after(InstanceState.PENDING, status, message), done.get(), total);
                return;
            }
            if (refusedByPacs(state, res)) {
                // PS3.8 9.3.3.2: the PACS rejected every presentation context for this SOP class (abstract syntax
                // not supported), or accepts it in no syntax we can send: it cannot store this instance at all.
                state = InstanceState.UNSUPPORTED;
                message = "refused by " + pacsKey() + ": " + message;
            }
            String hash = null;
            if (state != InstanceState.FAILED && state != InstanceState.UNSUPPORTED && res.source() instanceof CoercedSource cs) {
                try {
                    hash = cs.fingerprint();
                } catch (java.io.IOException e) {
                    // Stored, but its content cannot be fingerprinted: a later import of it is sent again (the
                    // PACS keeps one copy) instead of being recognised as a duplicate.
                    message = join(message, "no content fingerprint: " + e.getMessage());
                }
            }
            batch.add(new Journal.Update(job, row.fileId(), state, status, message,
                    state == InstanceState.FAILED && res.transientFailure(), hash));
        } catch (SQLException e) {
            throw new IllegalStateException("journal update failed for " + row.fileId() + ": " + e.getMessage(), e);
        }
        listener.onRow(row.after(state, status, message), done.incrementAndGet(), total);
    }

    /** SourceStoreScu's permanent failure for a SOP class (or class and syntax) the association did not accept. */
    private static boolean refusedByPacs(InstanceState state, SourceStoreScu.Result res) {
        StoreResult r = res.result();
        return state == InstanceState.FAILED && !res.transientFailure() && r.notAccepted();
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "; " + b;
    }
}
