package org.pdistation.importer.report;

import java.io.IOException;
import java.io.Writer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.pdistation.importer.journal.InstanceState;
import org.pdistation.importer.journal.Journal;

/**
 * The per-import report (PDI-REQUIREMENTS, issue 6 item 6), built from the journal: the job, counts per state and one
 * entry per instance with its outcome, C-STORE status and message. Holds no patient data (UIDs and file IDs only),
 * so it may be handed to whoever follows up the import. Exported as CSV ({@link #toCsv}) and as plain lines that a
 * PDF writer lays out ({@link #lines}).
 */
public record ImportReport(Journal.Job job, Map<InstanceState, Integer> counts, List<Entry> entries) {
    public ImportReport {
        counts = Map.copyOf(counts);
        entries = List.copyOf(entries);
    }

    /**
     * One instance.
     *
     * @param fileId the File ID relative to the medium root (as the DICOMDIR names it, or as found)
     * @param status the C-STORE status (PS3.7 C.4.2.1.4 / PS3.4 B.2.3), or null when none came
     * @param detail what happened: error, transcoding note, duplicate or conflict explanation
     */
    public record Entry(InstanceState state, String fileId, String sopInstanceUid, String studyUid, String seriesUid,
                        Integer status, String detail, int attempts) {
        /** The status as PS3.7 writes it: four hex digits. */
        public String statusHex() {
            return status == null ? "" : String.format("%04X", status);
        }
    }

    public static ImportReport of(Journal journal, long job) throws SQLException {
        Journal.Job j = journal.job(job).orElseThrow(() -> new IllegalArgumentException("no import job " + job));
        List<Entry> entries = new ArrayList<>();
        for (Journal.Row r : journal.rows(job, null)) {
            entries.add(new Entry(r.state(), r.fileId(), r.sopInstanceUid(), r.studyUid(), r.seriesUid(), r.status(),
                    r.message() == null ? "" : r.message(), r.attempts()));
        }
        return new ImportReport(j, journal.counts(job), entries);
    }

    public int count(InstanceState s) {
        return counts.getOrDefault(s, 0);
    }

    /** The final line of {@code pdistation import}. */
    public String countsLine() {
        return countsLine(counts);
    }

    public static String countsLine(Map<InstanceState, Integer> counts) {
        Map<InstanceState, Integer> c = new EnumMap<>(InstanceState.class);
        c.putAll(counts);
        return String.format("stored %d, warnings %d, failed %d, duplicates %d, unsupported %d, unreadable %d",
                c.getOrDefault(InstanceState.STORED, 0), c.getOrDefault(InstanceState.WARNING, 0),
                c.getOrDefault(InstanceState.FAILED, 0), c.getOrDefault(InstanceState.DUPLICATE, 0),
                c.getOrDefault(InstanceState.UNSUPPORTED, 0), c.getOrDefault(InstanceState.UNREADABLE, 0));
    }

    public List<Entry> entries(InstanceState s) {
        return entries.stream().filter(e -> e.state() == s).toList();
    }

    /**
     * RFC 4180 CSV: CRLF line ends, fields with a comma, quote or line break quoted and quotes doubled; preceded by
     * a UTF-8 byte order mark so that spreadsheet programs read it as UTF-8 (the writer must encode UTF-8).
     */
    public void toCsv(Writer out) throws IOException {
        out.write('\uFEFF');
        row(out, "state", "file_id", "sop_instance_uid", "study_instance_uid", "series_instance_uid", "status",
                "detail", "attempts");
        for (Entry e : entries) {
            row(out, e.state().name(), e.fileId(), e.sopInstanceUid(), e.studyUid(), e.seriesUid(), e.statusHex(),
                    e.detail(), Integer.toString(e.attempts()));
        }
        out.flush();
    }

    private static void row(Writer out, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(csvField(fields[i]));
        }
        out.write("\r\n");
    }

    static String csvField(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\r') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Plain text lines: a heading, the counts, then the instances grouped by state (the stored ones last). */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("Import report, job " + job.id() + " (" + job.state() + ")");
        out.add("Medium: " + job.medium() + (job.filesetId() != null ? ", File-set ID " + job.filesetId() : "")
                + (job.filesetUid() != null ? ", File-set UID " + job.filesetUid() : ""));
        out.add("PACS: " + job.pacs());
        out.add("Started " + job.started() + (job.ended() != null ? ", ended " + job.ended() : ""));
        out.add(countsLine());
        List<InstanceState> order = List.of(InstanceState.FAILED, InstanceState.PENDING, InstanceState.CONFLICT,
                InstanceState.UNREADABLE, InstanceState.UNSUPPORTED, InstanceState.WARNING, InstanceState.DUPLICATE,
                InstanceState.STORED);
        for (InstanceState s : order) {
            List<Entry> es = entries(s);
            if (es.isEmpty()) {
                continue;
            }
            out.add("");
            out.add(s.name() + " (" + es.size() + ")");
            for (Entry e : es) {
                StringBuilder sb = new StringBuilder("  ").append(e.fileId());
                if (e.sopInstanceUid() != null) {
                    sb.append("  SOP ").append(e.sopInstanceUid());
                }
                if (e.status() != null) {
                    sb.append("  status ").append(e.statusHex());
                }
                if (!e.detail().isEmpty()) {
                    sb.append("  ").append(e.detail());
                }
                out.add(sb.toString());
            }
        }
        return out;
    }
}
