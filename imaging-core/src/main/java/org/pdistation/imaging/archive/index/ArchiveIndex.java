package org.pdistation.imaging.archive.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pdistation.imaging.io.OwnerOnly;

/**
 * The archive's SQLite index (ARCHITECTURE decision 6): WAL mode, one connection used by one thread at a time (every
 * method is synchronized, so there is exactly one writer), schema brought up to date by {@link Migrations}.
 */
public final class ArchiveIndex implements Closeable {
    private final Connection db;

    private ArchiveIndex(Connection db) {
        this.db = db;
    }

    public static ArchiveIndex open(Path file) throws SQLException {
        try {
            // Owner-only before SQLite opens it: its -wal and -shm files take the main file's permissions.
            OwnerOnly.sqliteDatabase(file);
        } catch (IOException e) {
            throw new SQLException("cannot create the archive index " + file + " owner-only: " + e.getMessage(), e);
        }
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            // With WAL, NORMAL loses at most the last commits on power loss, never consistency; check() reconciles.
            st.execute("PRAGMA synchronous=NORMAL");
            st.execute("PRAGMA foreign_keys=ON");
            st.execute("PRAGMA busy_timeout=10000");
            // Keys are upper-cased already; a case-sensitive LIKE can use the name indexes for prefix patterns.
            st.execute("PRAGMA case_sensitive_like=ON");
            Migrations.apply(c);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return new ArchiveIndex(c);
    }

    public synchronized int schemaVersion() throws SQLException {
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT max(version) FROM schema_migrations")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Runs {@code work} on the connection (for queries in this package and bulk loads); synchronized. */
    public synchronized <T> T withConnection(SqlWork<T> work) throws SQLException {
        return work.run(db);
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    public synchronized Optional<StoredInstance> findInstance(String sopUid) throws SQLException {
        List<StoredInstance> l = instances("i.sop_uid = ?", sopUid);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** Adds one instance with its patient, study and series (created or updated) in one transaction. */
    public synchronized void insert(InstanceRecord r) throws SQLException {
        inTransaction(c -> insertRow(db, r));
    }

    /** Replaces an instance row (e.g. a conflicting re-send under the replace policy). */
    public synchronized void replace(InstanceRecord r) throws SQLException {
        inTransaction(c -> {
            try (PreparedStatement ps = db.prepareStatement("DELETE FROM instance WHERE sop_uid = ?")) {
                ps.setString(1, r.instance().sopUid());
                ps.executeUpdate();
            }
            insertRow(db, r);
            return null;
        });
    }

    /** Inserts without its own transaction: for bulk loads inside {@link #withConnection}. */
    public static Void insertRow(Connection c, InstanceRecord r) throws SQLException {
        long patient = upsertPatient(c, r.patient());
        long study = upsertStudy(c, patient, r.study());
        long series = upsertSeries(c, study, r.series());
        InstanceRecord.Instance i = r.instance();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO instance (series_fk, sop_uid, sop_class, "
                + "instance_number, transfer_syntax, path, size, dataset_offset, checksum, received_at, source) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, series);
            ps.setString(2, i.sopUid());
            ps.setString(3, i.sopClass());
            setInt(ps, 4, i.number());
            ps.setString(5, i.transferSyntax());
            ps.setString(6, i.path());
            ps.setLong(7, i.size());
            ps.setLong(8, i.datasetOffset());
            ps.setString(9, i.checksum());
            ps.setString(10, i.receivedAt().toString());
            ps.setString(11, i.source());
            ps.executeUpdate();
        }
        return null;
    }

    private static long upsertPatient(Connection c, InstanceRecord.Patient p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT pk FROM patient WHERE patient_id = ? AND issuer = ?")) {
            ps.setString(1, p.patientId());
            ps.setString(2, p.issuer());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        String[] keys = NameKey.groups(p.name());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO patient (patient_id, issuer, name, name_key_a, "
                + "name_key_i, name_key_p, birth_date, sex) VALUES (?,?,?,?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, p.patientId());
            ps.setString(2, p.issuer());
            ps.setString(3, p.name());
            ps.setString(4, keys[0]);
            ps.setString(5, keys[1]);
            ps.setString(6, keys[2]);
            ps.setString(7, p.birthDate());
            ps.setString(8, p.sex());
            ps.executeUpdate();
            return generated(ps);
        }
    }

    private static long upsertStudy(Connection c, long patient, InstanceRecord.Study s) throws SQLException {
        Long pk = pk(c, "SELECT pk FROM study WHERE study_uid = ?", s.studyUid());
        if (pk != null) {
            return pk;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO study (patient_fk, study_uid, study_date, "
                + "study_time, accession, study_id, description, referring) VALUES (?,?,?,?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, patient);
            ps.setString(2, s.studyUid());
            ps.setString(3, s.date());
            ps.setString(4, s.time());
            ps.setString(5, s.accession());
            ps.setString(6, s.studyId());
            ps.setString(7, s.description());
            ps.setString(8, s.referring());
            ps.executeUpdate();
            return generated(ps);
        }
    }

    private static long upsertSeries(Connection c, long study, InstanceRecord.Series s) throws SQLException {
        Long pk = pk(c, "SELECT pk FROM series WHERE series_uid = ?", s.seriesUid());
        if (pk != null) {
            return pk;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO series (study_fk, series_uid, modality, "
                + "series_number, description) VALUES (?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, study);
            ps.setString(2, s.seriesUid());
            ps.setString(3, s.modality());
            setInt(ps, 4, s.number());
            ps.setString(5, s.description());
            ps.executeUpdate();
            return generated(ps);
        }
    }

    /** Removes one instance row (and its series, study, patient when they become empty). */
    public synchronized void removeInstance(String sopUid) throws SQLException {
        inTransaction(c -> {
            exec("DELETE FROM instance WHERE sop_uid = ?", sopUid);
            pruneEmpty();
            return null;
        });
    }

    /** Deletes a study's rows; returns its instances (whose files the caller deletes). */
    public synchronized List<StoredInstance> deleteStudy(String studyUid) throws SQLException {
        List<StoredInstance> gone = instances("st.study_uid = ?", studyUid);
        inTransaction(c -> {
            exec("DELETE FROM instance WHERE series_fk IN (SELECT se.pk FROM series se JOIN study st "
                    + "ON se.study_fk = st.pk WHERE st.study_uid = ?)", studyUid);
            pruneEmpty();
            return null;
        });
        return gone;
    }

    private void pruneEmpty() throws SQLException {
        try (Statement st = db.createStatement()) {
            st.executeUpdate("DELETE FROM series WHERE num_instances <= 0");
            st.executeUpdate("DELETE FROM study WHERE num_series <= 0 OR num_instances <= 0");
            st.executeUpdate("DELETE FROM patient WHERE pk NOT IN (SELECT patient_fk FROM study)");
        }
    }

    public synchronized List<StoredInstance> instancesOfStudy(String studyUid) throws SQLException {
        return instances("st.study_uid = ?", studyUid);
    }

    public synchronized List<StoredInstance> allInstances() throws SQLException {
        return instances("1 = 1");
    }

    /** Instances matching a SQL condition over aliases p, st, se, i (for the retrieve services). */
    public synchronized List<StoredInstance> instances(String where, Object... args) throws SQLException {
        List<StoredInstance> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT st.study_uid, i.sop_uid, i.sop_class, "
                + "i.transfer_syntax, i.path, i.size, i.dataset_offset, i.checksum FROM instance i "
                + "JOIN series se ON i.series_fk = se.pk JOIN study st ON se.study_fk = st.pk "
                + "JOIN patient p ON st.patient_fk = p.pk WHERE " + where + " ORDER BY st.pk, se.series_number, "
                + "se.pk, i.instance_number, i.pk")) {
            for (int k = 0; k < args.length; k++) {
                ps.setObject(k + 1, args[k]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredInstance(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getString(8)));
                }
            }
        }
        return out;
    }

    /** A study as housekeeping sees it. */
    public record StudySize(String studyUid, long sizeBytes, String lastReceived, boolean pinned) {
    }

    /** Every study, least recently received first. */
    public synchronized List<StudySize> studiesOldestFirst() throws SQLException {
        List<StudySize> out = new ArrayList<>();
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT study_uid, size_bytes, last_received, pinned FROM study "
                     + "ORDER BY last_received, pk")) {
            while (rs.next()) {
                out.add(new StudySize(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4) != 0));
            }
        }
        return out;
    }

    public synchronized long totalSize() throws SQLException {
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(sum(size_bytes), 0) FROM study")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    public synchronized boolean setPinned(String studyUid, boolean pinned) throws SQLException {
        return exec("UPDATE study SET pinned = ? WHERE study_uid = ?", pinned ? 1 : 0, studyUid) > 0;
    }

    /** One audit row (no PHI: AE titles, address, what was asked, how it ended). */
    public synchronized void audit(Instant started, Instant ended, String callingAet, String calledAet,
                                   String address, String what, String outcome) throws SQLException {
        exec("INSERT INTO audit (started, ended, calling_aet, called_aet, address, what, outcome) "
                + "VALUES (?,?,?,?,?,?,?)", started.toString(), ended.toString(), callingAet, calledAet, address,
                what, outcome);
    }

    public record AuditRow(String callingAet, String address, String what, String outcome) {
    }

    public synchronized List<AuditRow> auditTrail() throws SQLException {
        List<AuditRow> out = new ArrayList<>();
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT calling_aet, address, what, outcome FROM audit ORDER BY pk")) {
            while (rs.next()) {
                out.add(new AuditRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return out;
    }

    private int exec(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int k = 0; k < args.length; k++) {
                ps.setObject(k + 1, args[k]);
            }
            return ps.executeUpdate();
        }
    }

    private <T> T inTransaction(SqlWork<T> work) throws SQLException {
        db.setAutoCommit(false);
        try {
            T t = work.run(db);
            db.commit();
            return t;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static Long pk(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static long generated(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.getGeneratedKeys()) {
            if (!rs.next()) {
                throw new SQLException("no generated key");
            }
            return rs.getLong(1);
        }
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
