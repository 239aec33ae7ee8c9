package org.pdistation.imaging.archive.index;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The index schema as an ordered list of migrations (ARCHITECTURE decision 6); {@code schema_migrations} records
 * which have been applied, so an older archive is brought forward on open and a newer one is refused.
 */
final class Migrations {
    /** Each entry is one version; never edit an applied one, append a new one. */
    private static final List<String> STEPS = List.of(
            // 1: patient / study / series / instance, counts kept by triggers, audit trail.
            """
            CREATE TABLE patient (
              pk INTEGER PRIMARY KEY,
              patient_id TEXT NOT NULL,
              issuer TEXT NOT NULL,
              name TEXT,
              name_key_a TEXT, name_key_i TEXT, name_key_p TEXT,
              birth_date TEXT,
              sex TEXT,
              UNIQUE (patient_id, issuer));
            CREATE INDEX patient_name_a ON patient(name_key_a);
            CREATE INDEX patient_name_i ON patient(name_key_i);
            CREATE INDEX patient_name_p ON patient(name_key_p);
            CREATE TABLE study (
              pk INTEGER PRIMARY KEY,
              patient_fk INTEGER NOT NULL REFERENCES patient(pk),
              study_uid TEXT NOT NULL UNIQUE,
              study_date TEXT, study_time TEXT, accession TEXT, study_id TEXT, description TEXT,
              referring TEXT,
              modalities TEXT,
              num_series INTEGER NOT NULL DEFAULT 0,
              num_instances INTEGER NOT NULL DEFAULT 0,
              size_bytes INTEGER NOT NULL DEFAULT 0,
              last_received TEXT,
              pinned INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX study_patient ON study(patient_fk);
            CREATE INDEX study_date ON study(study_date);
            CREATE INDEX study_accession ON study(accession);
            CREATE TABLE series (
              pk INTEGER PRIMARY KEY,
              study_fk INTEGER NOT NULL REFERENCES study(pk),
              series_uid TEXT NOT NULL UNIQUE,
              modality TEXT, series_number INTEGER, description TEXT,
              num_instances INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX series_study ON series(study_fk);
            CREATE TABLE instance (
              pk INTEGER PRIMARY KEY,
              series_fk INTEGER NOT NULL REFERENCES series(pk),
              sop_uid TEXT NOT NULL UNIQUE,
              sop_class TEXT NOT NULL,
              instance_number INTEGER,
              transfer_syntax TEXT NOT NULL,
              path TEXT NOT NULL UNIQUE,
              size INTEGER NOT NULL,
              dataset_offset INTEGER NOT NULL,
              checksum TEXT NOT NULL,
              received_at TEXT NOT NULL,
              source TEXT);
            CREATE INDEX instance_series ON instance(series_fk);
            CREATE TRIGGER instance_added AFTER INSERT ON instance BEGIN
              UPDATE series SET num_instances = num_instances + 1 WHERE pk = NEW.series_fk;
              UPDATE study SET num_instances = num_instances + 1, size_bytes = size_bytes + NEW.size,
                last_received = max(coalesce(last_received, ''), NEW.received_at)
                WHERE pk = (SELECT study_fk FROM series WHERE pk = NEW.series_fk);
            END;
            CREATE TRIGGER instance_removed AFTER DELETE ON instance BEGIN
              UPDATE series SET num_instances = num_instances - 1 WHERE pk = OLD.series_fk;
              UPDATE study SET num_instances = num_instances - 1, size_bytes = size_bytes - OLD.size
                WHERE pk = (SELECT study_fk FROM series WHERE pk = OLD.series_fk);
            END;
            CREATE TRIGGER series_added AFTER INSERT ON series BEGIN
              UPDATE study SET num_series = num_series + 1,
                modalities = (SELECT group_concat(m, '\\') FROM (SELECT DISTINCT modality AS m FROM series
                  WHERE study_fk = NEW.study_fk AND modality IS NOT NULL AND modality <> '' ORDER BY m))
                WHERE pk = NEW.study_fk;
            END;
            CREATE TRIGGER series_removed AFTER DELETE ON series BEGIN
              UPDATE study SET num_series = num_series - 1,
                modalities = (SELECT group_concat(m, '\\') FROM (SELECT DISTINCT modality AS m FROM series
                  WHERE study_fk = OLD.study_fk AND modality IS NOT NULL AND modality <> '' ORDER BY m))
                WHERE pk = OLD.study_fk;
            END;
            CREATE TABLE audit (
              pk INTEGER PRIMARY KEY,
              started TEXT NOT NULL, ended TEXT NOT NULL,
              calling_aet TEXT, called_aet TEXT, address TEXT,
              what TEXT NOT NULL, outcome TEXT NOT NULL);
            """,
            // 2: persisted burn jobs (issue 7 item 5), resumable after a restart.
            """
            CREATE TABLE burn_job (
              pk INTEGER PRIMARY KEY,
              rule TEXT NOT NULL,
              study_uid TEXT NOT NULL,
              state TEXT NOT NULL,
              detail TEXT,
              created TEXT NOT NULL,
              updated TEXT NOT NULL,
              UNIQUE (rule, study_uid));
            """);

    private Migrations() {
    }

    static int latest() {
        return STEPS.size();
    }

    /** Applies the missing migrations, each in its own transaction. */
    static void apply(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied TEXT)");
            int current;
            try (ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM schema_migrations")) {
                current = rs.next() ? rs.getInt(1) : 0;
            }
            if (current > STEPS.size()) {
                throw new SQLException("archive index schema version " + current + " is newer than this program ("
                        + STEPS.size() + ")");
            }
            for (int v = current + 1; v <= STEPS.size(); v++) {
                c.setAutoCommit(false);
                try {
                    st.executeUpdate(STEPS.get(v - 1));
                    st.executeUpdate("INSERT INTO schema_migrations VALUES (" + v + ", '" + Instant.now() + "')");
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw new SQLException("archive index migration " + v + " failed: " + e.getMessage(), e);
                } finally {
                    c.setAutoCommit(true);
                }
            }
        }
    }
}
