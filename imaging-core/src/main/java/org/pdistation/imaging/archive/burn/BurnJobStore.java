package org.pdistation.imaging.archive.burn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pdistation.imaging.archive.index.ArchiveIndex;

/** Burn jobs in the archive index's {@code burn_job} table, so that a restart finds them. */
public final class BurnJobStore {
    private final ArchiveIndex index;

    public BurnJobStore(ArchiveIndex index) {
        this.index = index;
    }

    /**
     * Queues {@code studyUid} under {@code rule}: a new job, or the existing one re-queued when it had FAILED (the
     * study received instances since, so a new attempt may succeed). A DONE job stays DONE: a study is burned at
     * most once per rule, however often a sender pushes it again; an unfinished job is left as it is.
     */
    public BurnJob enqueue(String rule, String studyUid) throws SQLException {
        return upsert(rule, studyUid, BurnState.QUEUED, "'FAILED', 'WAITING'");
    }

    /**
     * Records that {@code studyUid} is arriving under {@code rule} (WAITING): a new job, or a FAILED one waiting
     * again; DONE stays DONE and a queued or running job is left as it is.
     */
    public BurnJob waiting(String rule, String studyUid) throws SQLException {
        return upsert(rule, studyUid, BurnState.WAITING, "'FAILED'");
    }

    /** Jobs in state WAITING, oldest first. */
    public List<BurnJob> waitingJobs() throws SQLException {
        return index.withConnection(c -> query(c, "state = 'WAITING'"));
    }

    private BurnJob upsert(String rule, String studyUid, BurnState state, String replaceable) throws SQLException {
        return index.withConnection(c -> {
            String now = Instant.now().toString();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO burn_job (rule, study_uid, state, created, "
                    + "updated) VALUES (?,?,?,?,?) ON CONFLICT (rule, study_uid) DO UPDATE SET state = "
                    + "excluded.state, detail = NULL, updated = excluded.updated WHERE state IN (" + replaceable
                    + ")")) {
                ps.setString(1, rule);
                ps.setString(2, studyUid);
                ps.setString(3, state.name());
                ps.setString(4, now);
                ps.setString(5, now);
                ps.executeUpdate();
            }
            return query(c, "rule = ? AND study_uid = ?", rule, studyUid).get(0);
        });
    }

    public void update(long id, BurnState state, String detail) throws SQLException {
        index.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE burn_job SET state = ?, detail = ?, updated = ? WHERE pk = ?")) {
                ps.setString(1, state.name());
                ps.setString(2, detail);
                ps.setString(3, Instant.now().toString());
                ps.setLong(4, id);
                return ps.executeUpdate();
            }
        });
    }

    public Optional<BurnJob> get(long id) throws SQLException {
        List<BurnJob> l = index.withConnection(c -> query(c, "pk = ?", id));
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** Every job, oldest first (for {@code archive jobs}). */
    public List<BurnJob> all() throws SQLException {
        return index.withConnection(c -> query(c, "1 = 1"));
    }

    /** Jobs not DONE or FAILED, oldest first. */
    public List<BurnJob> unfinished() throws SQLException {
        return index.withConnection(c -> query(c, "state NOT IN ('DONE', 'FAILED')"));
    }

    private static List<BurnJob> query(Connection c, String where, Object... args) throws SQLException {
        List<BurnJob> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT pk, rule, study_uid, state, detail, created, updated "
                + "FROM burn_job WHERE " + where + " ORDER BY pk")) {
            for (int k = 0; k < args.length; k++) {
                ps.setObject(k + 1, args[k]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new BurnJob(rs.getLong(1), rs.getString(2), rs.getString(3),
                            BurnState.valueOf(rs.getString(4)), rs.getString(5), Instant.parse(rs.getString(6)),
                            Instant.parse(rs.getString(7))));
                }
            }
        }
        return out;
    }
}
