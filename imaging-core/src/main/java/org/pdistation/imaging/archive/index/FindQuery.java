package org.pdistation.imaging.archive.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.net.QueryLevel;

/**
 * A C-FIND identifier (PS3.4 C.4.1.1.3) turned into SQL over the index and each row back into a response identifier
 * holding the requested keys. Matching follows PS3.4 C.2.2.2: single value, list of UIDs, wildcards '*' and '?',
 * date/time ranges, universal (empty) keys; person names are matched on their search keys (case and accent
 * insensitive, any of the three groups). Keys of levels below the query level are ignored.
 */
public final class FindQuery {
    private enum Kind { TEXT, PN, UID, DATE, TIME, INT, MODALITIES, COUNT }

    private record Column(int tag, VR vr, QueryLevel level, String sql, Kind kind) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column(Tag.PatientName, VR.PN, QueryLevel.PATIENT, "p.name", Kind.PN),
            new Column(Tag.PatientID, VR.LO, QueryLevel.PATIENT, "p.patient_id", Kind.TEXT),
            new Column(Tag.IssuerOfPatientID, VR.LO, QueryLevel.PATIENT, "p.issuer", Kind.TEXT),
            new Column(Tag.PatientBirthDate, VR.DA, QueryLevel.PATIENT, "p.birth_date", Kind.DATE),
            new Column(Tag.PatientSex, VR.CS, QueryLevel.PATIENT, "p.sex", Kind.TEXT),
            new Column(Tag.NumberOfPatientRelatedStudies, VR.IS, QueryLevel.PATIENT,
                    "(SELECT count(*) FROM study x WHERE x.patient_fk = p.pk)", Kind.COUNT),
            new Column(Tag.StudyInstanceUID, VR.UI, QueryLevel.STUDY, "st.study_uid", Kind.UID),
            new Column(Tag.StudyDate, VR.DA, QueryLevel.STUDY, "st.study_date", Kind.DATE),
            new Column(Tag.StudyTime, VR.TM, QueryLevel.STUDY, "st.study_time", Kind.TIME),
            new Column(Tag.AccessionNumber, VR.SH, QueryLevel.STUDY, "st.accession", Kind.TEXT),
            new Column(Tag.StudyID, VR.SH, QueryLevel.STUDY, "st.study_id", Kind.TEXT),
            new Column(Tag.StudyDescription, VR.LO, QueryLevel.STUDY, "st.description", Kind.TEXT),
            new Column(Tag.ReferringPhysicianName, VR.PN, QueryLevel.STUDY, "st.referring", Kind.TEXT),
            new Column(Tag.ModalitiesInStudy, VR.CS, QueryLevel.STUDY, "st.modalities", Kind.MODALITIES),
            new Column(Tag.NumberOfStudyRelatedSeries, VR.IS, QueryLevel.STUDY, "st.num_series", Kind.COUNT),
            new Column(Tag.NumberOfStudyRelatedInstances, VR.IS, QueryLevel.STUDY, "st.num_instances", Kind.COUNT),
            new Column(Tag.SeriesInstanceUID, VR.UI, QueryLevel.SERIES, "se.series_uid", Kind.UID),
            new Column(Tag.Modality, VR.CS, QueryLevel.SERIES, "se.modality", Kind.TEXT),
            new Column(Tag.SeriesNumber, VR.IS, QueryLevel.SERIES, "se.series_number", Kind.INT),
            new Column(Tag.SeriesDescription, VR.LO, QueryLevel.SERIES, "se.description", Kind.TEXT),
            new Column(Tag.NumberOfSeriesRelatedInstances, VR.IS, QueryLevel.SERIES, "se.num_instances",
                    Kind.COUNT),
            new Column(Tag.SOPInstanceUID, VR.UI, QueryLevel.IMAGE, "i.sop_uid", Kind.UID),
            new Column(Tag.SOPClassUID, VR.UI, QueryLevel.IMAGE, "i.sop_class", Kind.UID),
            new Column(Tag.InstanceNumber, VR.IS, QueryLevel.IMAGE, "i.instance_number", Kind.INT));

    private final QueryLevel level;
    private final Dataset keys;
    private final String retrieveAet;
    private final List<Column> selected = new ArrayList<>();
    private final StringBuilder where = new StringBuilder("1 = 1");
    private final List<Object> args = new ArrayList<>();

    /** @param retrieveAet returned in Retrieve AE Title (0008,0054) when asked for; may be null */
    public FindQuery(QueryLevel level, Dataset keys, String retrieveAet) {
        this.level = level;
        this.keys = keys;
        this.retrieveAet = retrieveAet;
        for (Column c : COLUMNS) {
            if (c.level().ordinal() > level.ordinal()) {
                continue;
            }
            selected.add(c);
            if (keys.contains(c.tag()) && c.kind() != Kind.COUNT) {
                String v = keys.getText(c.tag());
                if (v != null && !v.isEmpty() && !"*".equals(v)) {
                    restrict(c, v);
                }
            }
        }
    }

    /** The WHERE condition over aliases p, st, se, i and its arguments (also used to select instances to retrieve). */
    public String where() {
        return where.toString();
    }

    public Object[] args() {
        return args.toArray();
    }

    private void restrict(Column c, String v) {
        switch (c.kind()) {
            case UID -> in(c.sql(), v.split("\\\\"));
            case PN -> names(c.sql(), v);
            case DATE, TIME -> range(c.sql(), v);
            case INT -> {
                try {
                    and(c.sql() + " = ?", Integer.parseInt(v.strip()));
                } catch (NumberFormatException e) {
                    and("0 = 1");
                }
            }
            case MODALITIES -> {
                List<String> ors = new ArrayList<>();
                for (String m : v.split("\\\\")) {
                    ors.add("('\\' || coalesce(" + c.sql() + ", '') || '\\') LIKE ? ESCAPE '!'");
                    args.add("%\\" + NameKey.like(m.strip()) + "\\%");
                }
                where.append(" AND (").append(String.join(" OR ", ors)).append(')');
            }
            case TEXT -> {
                String[] values = v.split("\\\\");
                if (values.length > 1) {
                    in(c.sql(), values);
                } else {
                    match(c.sql(), v.strip());
                }
            }
            case COUNT -> { }
        }
    }

    private void match(String col, String v) {
        if (NameKey.hasWildcard(v)) {
            and(col + " LIKE ? ESCAPE '!'", NameKey.like(v));
        } else {
            and(col + " = ?", v);
        }
    }

    private void in(String col, String[] values) {
        where.append(" AND ").append(col).append(" IN (");
        for (int k = 0; k < values.length; k++) {
            where.append(k == 0 ? "?" : ",?");
            args.add(values[k].strip());
        }
        where.append(')');
    }

    /** PS3.4 C.2.2.2.5: "A-B", "-B", "A-" (dates compare as YYYYMMDD text, times as HHMMSS.F text). */
    private void range(String col, String v) {
        int dash = v.indexOf('-');
        if (dash < 0) {
            match(col, v.strip());
            return;
        }
        String from = v.substring(0, dash).strip();
        String to = v.substring(dash + 1).strip();
        if (!from.isEmpty()) {
            and(col + " >= ?", from);
        }
        if (!to.isEmpty()) {
            // "to" is inclusive: a time "1015" covers 101500..101559.999.
            and(col + " <= ?", to + "\uFFFF");
        }
    }

    private void names(String col, String v) {
        String base = col.equals("p.name") ? "p.name_key_" : null;
        if (base == null) {
            match(col, v);
            return;
        }
        if (v.indexOf('=') >= 0) {
            String[] groups = NameKey.groups(v);
            String[] suffix = {"a", "i", "p"};
            for (int g = 0; g < 3; g++) {
                if (groups[g] != null && !"*".equals(groups[g])) {
                    match(base + suffix[g], groups[g]);
                }
            }
            return;
        }
        String key = NameKey.of(NameKey.trimCarets(v));
        boolean wild = NameKey.hasWildcard(key);
        String op = wild ? " LIKE ? ESCAPE '!'" : " = ?";
        String arg = wild ? NameKey.like(key) : key;
        where.append(" AND (").append(base).append('a').append(op).append(" OR ").append(base).append('i')
                .append(op).append(" OR ").append(base).append('p').append(op).append(')');
        args.add(arg);
        args.add(arg);
        args.add(arg);
    }

    private void and(String cond, Object... a) {
        where.append(" AND ").append(cond);
        args.addAll(List.of(a));
    }

    /** The SQL of the query: one row per entity of the query level. */
    public String sql() {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int k = 0; k < selected.size(); k++) {
            sql.append(k == 0 ? "" : ", ").append(selected.get(k).sql());
        }
        sql.append(" FROM patient p");
        if (level.ordinal() >= QueryLevel.STUDY.ordinal()) {
            sql.append(" JOIN study st ON st.patient_fk = p.pk");
        }
        if (level.ordinal() >= QueryLevel.SERIES.ordinal()) {
            sql.append(" JOIN series se ON se.study_fk = st.pk");
        }
        if (level == QueryLevel.IMAGE) {
            sql.append(" JOIN instance i ON i.series_fk = se.pk");
        }
        sql.append(" WHERE ").append(where).append(" ORDER BY p.pk");
        if (level.ordinal() >= QueryLevel.STUDY.ordinal()) {
            sql.append(", st.study_date, st.pk");
        }
        if (level.ordinal() >= QueryLevel.SERIES.ordinal()) {
            sql.append(", se.series_number, se.pk");
        }
        if (level == QueryLevel.IMAGE) {
            sql.append(", i.instance_number, i.pk");
        }
        return sql.toString();
    }

    /**
     * Runs the query, handing each response identifier to {@code sink} until it answers false (cancelled);
     * returns how many were handed over.
     */
    public int run(Connection c, Predicate<Dataset> sink) throws SQLException {
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement(sql())) {
            for (int k = 0; k < args.size(); k++) {
                ps.setObject(k + 1, args.get(k));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                    if (!sink.test(response(rs))) {
                        break;
                    }
                }
            }
        }
        return n;
    }

    private Dataset response(ResultSet rs) throws SQLException {
        String[] values = new String[selected.size()];
        boolean nonAscii = false;
        for (int k = 0; k < values.length; k++) {
            values[k] = rs.getString(k + 1);
            nonAscii |= values[k] != null && !values[k].chars().allMatch(ch -> ch < 0x80);
        }
        Dataset ds = new Dataset();
        if (nonAscii) {
            // PS3.3 C.12.1.1.2: values outside the default repertoire need a Specific Character Set; UTF-8 holds all.
            ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        }
        ds.setString(Tag.QueryRetrieveLevel, VR.CS, level.name());
        for (int k = 0; k < values.length; k++) {
            Column c = selected.get(k);
            // Requested keys, and the unique key of every level up to this one (PS3.4 C.4.1.2.3.1).
            if (keys.contains(c.tag()) || isUniqueKey(c)) {
                String v = values[k];
                if (v == null || v.isEmpty()) {
                    ds.setBytes(c.tag(), c.vr(), new byte[0]);
                } else if (c.vr() == VR.PN || c.vr() == VR.UI || c.vr() == VR.IS) {
                    ds.setString(c.tag(), c.vr(), v);
                } else {
                    ds.setString(c.tag(), c.vr(), v.split("\\\\"));
                }
            }
        }
        if (keys.contains(Tag.RetrieveAETitle) && retrieveAet != null) {
            ds.setString(Tag.RetrieveAETitle, VR.AE, retrieveAet);
        }
        // Requested keys we do not hold are returned empty (PS3.4 C.4.1.1.3.2).
        for (int k = 0; k < keys.size(); k++) {
            int tag = keys.tagAt(k);
            if ((tag >>> 16) != 0x0002 && !ds.contains(tag) && tag != Tag.SpecificCharacterSet) {
                VR vr = keys.vrAt(k);
                if (vr == VR.SQ) {
                    ds.newSequence(tag, 0);
                } else {
                    ds.setBytes(tag, vr == null ? VR.UN : vr, new byte[0]);
                }
            }
        }
        return ds;
    }

    private static boolean isUniqueKey(Column c) {
        return c.tag() == Tag.PatientID || c.tag() == Tag.StudyInstanceUID || c.tag() == Tag.SeriesInstanceUID
                || c.tag() == Tag.SOPInstanceUID;
    }

}
