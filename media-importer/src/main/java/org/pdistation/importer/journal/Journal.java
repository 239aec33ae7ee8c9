package org.pdistation.importer.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pdistation.imaging.io.OwnerOnly;

/**
 * The import journal (PDI-REQUIREMENTS 32-33) in SQLite: one row per job and one per instance with its state, so
 * that an import killed at any point resumes where it stopped, and a medium imported twice sends nothing twice.
 * WAL mode, synchronous=NORMAL (a commit survives the process dying; only a power cut may lose the last ones);
 * a running import commits its outcomes in batches ({@link JournalBatch}). The file holds
 * patient data and is created readable by the owner only.
 */
public final class Journal implements AutoCloseable {
    private static final List<String> MIGRATIONS = List.of("""
            CREATE TABLE jobs(id INTEGER PRIMARY KEY AUTOINCREMENT, medium TEXT NOT NULL, medium_root TEXT NOT NULL,
              pacs TEXT NOT NULL, identity TEXT, started TEXT NOT NULL, ended TEXT, state TEXT NOT NULL);
            CREATE TABLE instances(job INTEGER NOT NULL REFERENCES jobs(id), file_id TEXT NOT NULL, path TEXT,
              sop_instance_uid TEXT, sop_class_uid TEXT, transfer_syntax_uid TEXT, hash TEXT, state TEXT NOT NULL, status INTEGER,
              message TEXT, attempts INTEGER NOT NULL DEFAULT 0, updated TEXT NOT NULL, PRIMARY KEY(job, file_id));
            CREATE INDEX instances_uid ON instances(sop_instance_uid, state);
            CREATE TABLE audit(id INTEGER PRIMARY KEY AUTOINCREMENT, who TEXT NOT NULL, at TEXT NOT NULL,
              event TEXT NOT NULL, medium TEXT, study_uids TEXT, pacs TEXT, outcome TEXT NOT NULL, job INTEGER)
            """, """
            ALTER TABLE jobs ADD COLUMN fileset_uid TEXT;
            ALTER TABLE jobs ADD COLUMN fileset_id TEXT;
            ALTER TABLE jobs ADD COLUMN patient_ids TEXT;
            ALTER TABLE instances ADD COLUMN study_uid TEXT;
            ALTER TABLE instances ADD COLUMN series_uid TEXT;
            ALTER TABLE instances ADD COLUMN transient INTEGER NOT NULL DEFAULT 0
            """);

    /**
     * @param mediumRoot the medium's root as opened (folder, mount point, or the .iso file); a resume may be given
     *                   another root for the same medium (re-mounted elsewhere)
     * @param filesetUid the DICOMDIR's Media Storage SOP Instance UID (PS3.10 7.2: the File-set's identity), or null
     * @param filesetId  the DICOMDIR's File-set ID (0004,1130), or null
     * @param patientIds the (local, after coercion) Patient IDs of the job, '\\'-separated, for the audit trail
     */
    public record Job(long id, String medium, String mediumRoot, String pacs, String identity, String started,
                      String ended, String state, String filesetUid, String filesetId, String patientIds) {}

    /** Where a new job's medium is and what it is. */
    public record MediumIdentity(String description, String root, String filesetUid, String filesetId) {}

    /**
     * One instance of a job.
     *
     * @param fileId the DICOMDIR's File ID or the path found by scanning
     * @param path   the file's path relative to the medium root ('/'-separated), resolved against the medium as
     *               opened again on resume; null when there is no file
     */
    public record Row(long job, String fileId, String path, String sopInstanceUid, String sopClassUid,
                      String transferSyntaxUid, String studyUid, String seriesUid, String hash,
                      InstanceState state, Integer status, String message, int attempts) {
        /** This row after one more attempt with the given outcome. */
        public Row after(InstanceState newState, Integer newStatus, String newMessage) {
            return new Row(job, fileId, path, sopInstanceUid, sopClassUid, transferSyntaxUid, studyUid, seriesUid,
                    hash, newState, newStatus, newMessage, attempts + 1);
        }
    }

    /** One audit trail row as stored. */
    public record AuditRow(String who, String at, String event, String medium, String studyUids, String pacs,
                           String outcome, long job) {}

    private final Connection db;
    private final Clock clock;
    private final Path file;

    private Journal(Connection db, Clock clock, Path file) {
        this.db = db;
        this.clock = clock;
        this.file = file;
    }

    /** The journal's file; the audit log lies next to it. */
    public Path file() { return file; }

    public Clock clock() { return clock; }

    public static Journal open(Path file, Clock clock) throws IOException {
        try {
            // Owner-only before SQLite opens it (its -wal/-shm take the main file's permissions); a journal left
            // by an earlier version with wider permissions is restricted, with its siblings.
            OwnerOnly.sqliteDatabase(file);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=10000");
                s.execute("CREATE TABLE IF NOT EXISTS migrations(version INTEGER PRIMARY KEY, applied TEXT NOT NULL)");
            }
            Journal j = new Journal(c, clock, file.toAbsolutePath());
            j.migrate();
            return j;
        } catch (SQLException e) {
            throw new IOException("cannot open import journal " + file + ": " + e.getMessage(), e);
        }
    }

    private void migrate() throws SQLException {
        int have;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT COALESCE(MAX(version), 0) FROM migrations")) {
            have = rs.getInt(1);
        }
        for (int v = have + 1; v <= MIGRATIONS.size(); v++) {
            int version = v;
            inTransaction(() -> {
                try (Statement s = db.createStatement()) {
                    for (String sql : MIGRATIONS.get(version - 1).split(";")) {
                        if (!sql.isBlank()) {
                            s.execute(sql);
                        }
                    }
                }
                try (PreparedStatement p = db.prepareStatement("INSERT INTO migrations VALUES(?, ?)")) {
                    p.setInt(1, version);
                    p.setString(2, now());
                    p.executeUpdate();
                }
            });
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }

    /** Runs {@code work} as one transaction: committed whole, or rolled back and the failure rethrown. */
    private void inTransaction(SqlWork work) throws SQLException {
        db.setAutoCommit(false);
        try {
            work.run();
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    private String now() {
        return clock.instant().toString();
    }

    public synchronized long createJob(MediumIdentity medium, String pacs, String identity, String patientIds)
            throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT INTO jobs(medium, medium_root, pacs, identity, started,"
                + " state, fileset_uid, fileset_id, patient_ids) VALUES(?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, medium.description());
            p.setString(2, medium.root());
            p.setString(3, pacs);
            p.setString(4, identity);
            p.setString(5, now());
            p.setString(6, medium.filesetUid());
            p.setString(7, medium.filesetId());
            p.setString(8, patientIds);
            p.executeUpdate();
            try (ResultSet rs = p.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public synchronized Optional<Job> job(long id) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT * FROM jobs WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Job(rs.getLong("id"), rs.getString("medium"), rs.getString("medium_root"),
                        rs.getString("pacs"), rs.getString("identity"), rs.getString("started"),
                        rs.getString("ended"), rs.getString("state"), rs.getString("fileset_uid"),
                        rs.getString("fileset_id"), rs.getString("patient_ids")));
            }
        }
    }

    /** Adds the instance rows of a new job in one transaction. */
    public synchronized void addInstances(long job, List<Row> rows) throws SQLException {
        inTransaction(() -> {
            try (PreparedStatement p = db.prepareStatement("INSERT INTO instances(job, file_id, path, sop_instance_uid,"
                    + " sop_class_uid, transfer_syntax_uid, hash, state, message, updated, study_uid, series_uid)"
                    + " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Row r : rows) {
                    p.setLong(1, job);
                    p.setString(2, r.fileId());
                    p.setString(3, r.path());
                    p.setString(4, r.sopInstanceUid());
                    p.setString(5, r.sopClassUid());
                    p.setString(6, r.transferSyntaxUid());
                    p.setString(7, r.hash());
                    p.setString(8, r.state().name());
                    p.setString(9, r.message());
                    p.setString(10, now());
                    p.setString(11, r.studyUid());
                    p.setString(12, r.seriesUid());
                    p.addBatch();
                }
                p.executeBatch();
            }
        });
    }

    /** The hash of {@code uid} as already stored (STORED or WARNING) to {@code pacs} by any job, if any. */
    public synchronized Optional<String> storedHash(String pacs, String uid) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT i.hash FROM instances i JOIN jobs j ON i.job = j.id"
                + " WHERE i.sop_instance_uid = ? AND j.pacs = ? AND i.state IN ('STORED', 'WARNING') LIMIT 1")) {
            p.setString(1, uid);
            p.setString(2, pacs);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Records an attempt's outcome; one committed transaction, so a kill right after loses nothing. */
    public synchronized void update(long job, String fileId, InstanceState state, Integer status, String message)
            throws SQLException {
        update(job, fileId, state, status, message, false);
    }

    /**
     * As {@link #update(long, String, InstanceState, Integer, String)}; {@code transientFailure} marks a FAILED row
     * that a resume may send again (no connection, A7xx); a permanent one (refused status, no accepted presentation
     * context, unreadable on the way) is never resent.
     */
    public synchronized void update(long job, String fileId, InstanceState state, Integer status, String message,
                                    boolean transientFailure) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("UPDATE instances SET state = ?, status = ?, message = ?,"
                + " attempts = attempts + 1, updated = ?, transient = ? WHERE job = ? AND file_id = ?")) {
            p.setString(1, state.name());
            if (status == null) {
                p.setNull(2, java.sql.Types.INTEGER);
            } else {
                p.setInt(2, status);
            }
            p.setString(3, message);
            p.setString(4, now());
            p.setInt(5, transientFailure ? 1 : 0);
            p.setLong(6, job);
            p.setString(7, fileId);
            p.executeUpdate();
        }
    }

    /**
     * One instance's outcome as {@link #updateAll} records it.
     *
     * @param hash the content fingerprint, when the instance was read whole on its way out; null keeps the column
     */
    public record Update(long job, String fileId, InstanceState state, Integer status, String message,
                         boolean transientFailure, String hash) {}

    /**
     * Records several attempts' outcomes in one transaction: an import journals its progress in batches
     * ({@link JournalBatch}) instead of committing once per instance. A kill loses at most the last batch; those
     * instances are still PENDING and are sent again on resume, which the PACS takes as the same instance again
     * (same SOP Instance UID, same content: stored once).
     */
    public synchronized void updateAll(List<Update> updates) throws SQLException {
        if (updates.isEmpty()) {
            return;
        }
        inTransaction(() -> {
            try (PreparedStatement p = db.prepareStatement("UPDATE instances SET state = ?, status = ?, message = ?,"
                    + " attempts = attempts + 1, updated = ?, transient = ?, hash = COALESCE(?, hash)"
                    + " WHERE job = ? AND file_id = ?")) {
                String now = now();
                for (Update u : updates) {
                    p.setString(1, u.state().name());
                    if (u.status() == null) {
                        p.setNull(2, java.sql.Types.INTEGER);
                    } else {
                        p.setInt(2, u.status());
                    }
                    p.setString(3, u.message());
                    p.setString(4, now);
                    p.setInt(5, u.transientFailure() ? 1 : 0);
                    p.setString(6, u.hash());
                    p.setLong(7, u.job());
                    p.setString(8, u.fileId());
                    p.addBatch();
                }
                p.executeBatch();
            }
        });
    }

    public synchronized List<Row> rows(long job, InstanceState only) throws SQLException {
        String sql = "SELECT * FROM instances WHERE job = ?" + (only != null ? " AND state = ?" : "")
                + " ORDER BY rowid";
        List<Row> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement(sql)) {
            p.setLong(1, job);
            if (only != null) {
                p.setString(2, only.name());
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    int st = rs.getInt("status");
                    Integer status = rs.wasNull() ? null : st;
                    out.add(new Row(job, rs.getString("file_id"), rs.getString("path"),
                            rs.getString("sop_instance_uid"), rs.getString("sop_class_uid"),
                            rs.getString("transfer_syntax_uid"), rs.getString("study_uid"),
                            rs.getString("series_uid"), rs.getString("hash"), InstanceState.valueOf(rs.getString("state")), status, rs.getString("message"),
                            rs.getInt("attempts")));
                }
            }
        }
        return out;
    }

    public synchronized Map<InstanceState, Integer> counts(long job) throws SQLException {
        Map<InstanceState, Integer> out = new EnumMap<>(InstanceState.class);
        for (InstanceState s : InstanceState.values()) {
            out.put(s, 0);
        }
        try (PreparedStatement p = db.prepareStatement(
                "SELECT state, COUNT(*) FROM instances WHERE job = ? GROUP BY state")) {
            p.setLong(1, job);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.put(InstanceState.valueOf(rs.getString(1)), rs.getInt(2));
                }
            }
        }
        return out;
    }

    /**
     * For a resume: FAILED rows marked transient (connection lost, association rejected transiently, A7xx) are made
     * PENDING again, since their failure may have been the PACS or this station going down. Permanent failures
     * (a refusing status, no accepted presentation context) are not: they would fail the same way. Returns how many.
     */
    public synchronized int requeue(long job) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("UPDATE instances SET state = 'PENDING', updated = ?"
                + " WHERE job = ? AND state = 'FAILED' AND (transient = 1"
                + " OR (status >= 42752 AND status <= 43007))")) {
            p.setString(1, now());
            p.setLong(2, job);
            return p.executeUpdate();
        }
    }

    public synchronized void finish(long job, String state) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("UPDATE jobs SET state = ?, ended = ? WHERE id = ?")) {
            p.setString(1, state);
            p.setString(2, now());
            p.setLong(3, job);
            p.executeUpdate();
        }
    }

    /** One audit trail row (see {@code org.pdistation.importer.audit}). */
    public synchronized void audit(String who, String event, String medium, String studyUids, String pacs,
                                   String outcome, long job) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT INTO audit(who, at, event, medium, study_uids, pacs,"
                + " outcome, job) VALUES(?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, who);
            p.setString(2, now());
            p.setString(3, event);
            p.setString(4, medium);
            p.setString(5, studyUids);
            p.setString(6, pacs);
            p.setString(7, outcome);
            p.setLong(8, job);
            p.executeUpdate();
        }
    }

    public synchronized List<AuditRow> auditRows(long job) throws SQLException {
        List<AuditRow> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT * FROM audit WHERE job = ? ORDER BY id")) {
            p.setLong(1, job);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditRow(rs.getString("who"), rs.getString("at"), rs.getString("event"),
                            rs.getString("medium"), rs.getString("study_uids"), rs.getString("pacs"),
                            rs.getString("outcome"), rs.getLong("job")));
                }
            }
        }
        return out;
    }

    /** Study UIDs of a job's rows, in first-seen order. */
    public synchronized List<String> studyUids(long job) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT study_uid FROM instances WHERE job = ? AND study_uid"
                + " IS NOT NULL GROUP BY study_uid ORDER BY MIN(rowid)")) {
            p.setLong(1, job);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing: nothing left to save
        }
    }
}
