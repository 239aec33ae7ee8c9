package org.pdistation.importer.audit;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Formats an {@link AuditEvent} as one RFC 5424 syslog message:
 * {@code <PRI>1 TIMESTAMP HOSTNAME pdistation PROCID IMPORT [SD] MSG}. The structured data element
 * {@code audit@32473} carries the audit message's fields (32473 is the example enterprise number of RFC 5612;
 * a deployment with its own number replaces it).
 */
public final class SyslogLine {
    /** RFC 5424 6.2.1: facility 10, security/authorization messages. */
    private static final int FACILITY = 10;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSX")
            .withZone(ZoneOffset.UTC);

    private SyslogLine() {}

    public static String format(AuditEvent e, String host, long pid) {
        // RFC 5424 6.2.1 severities: 5 notice for success, 4 warning for a minor failure, 3 error otherwise.
        int severity = e.outcome() == 0 ? 5 : e.outcome() == 4 ? 4 : 3;
        StringBuilder sb = new StringBuilder(256);
        sb.append('<').append(FACILITY * 8 + severity).append(">1 ")
                .append(TIMESTAMP.format(e.at().truncatedTo(ChronoUnit.MICROS))).append(' ')
                .append(header(host, 255)).append(" pdistation ").append(pid).append(" IMPORT ");
        sb.append("[audit@32473");
        param(sb, "eventID", e.type().code());
        param(sb, "event", e.type().meaning());
        param(sb, "action", e.type().action());
        param(sb, "outcome", Integer.toString(e.outcome()));
        param(sb, "user", e.user());
        param(sb, "source", e.source());
        param(sb, "destination", e.destination());
        param(sb, "job", Long.toString(e.job()));
        param(sb, "studies", String.join(",", e.studyUids()));
        param(sb, "patientIDs", String.join(",", e.patientIds()));
        sb.append("] ").append(e.type().meaning()).append(": ").append(e.summary());
        return sb.toString().replace('\n', ' ').replace('\r', ' ');
    }

    /** RFC 5424 6.3.3: inside PARAM-VALUE, '"', '\' and ']' are escaped with a backslash. */
    private static void param(StringBuilder sb, String name, String value) {
        sb.append(' ').append(name).append("=\"");
        String v = value == null ? "" : value;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\' || c == ']') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    /** RFC 5424 6.2.4: HOSTNAME is printable US-ASCII without spaces, "-" when unknown. */
    private static String header(String s, int max) {
        if (s == null || s.isBlank()) {
            return "-";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < max; i++) {
            char c = s.charAt(i);
            sb.append(c > 32 && c < 127 ? c : '_');
        }
        return sb.toString();
    }
}
