package org.pdistation.importer.audit;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;

import org.pdistation.importer.journal.Journal;

/**
 * Writes each audit event twice: a row in the journal's audit table, and one RFC 5424 line appended to
 * {@code audit.log} next to the journal (owner-only: it holds Patient IDs), for a syslog collector to pick up.
 */
public final class AuditTrail {
    private final Journal journal;
    private final Path log;
    private final String host;

    public AuditTrail(Journal journal) {
        this.journal = journal;
        this.log = journal.file().resolveSibling("audit.log");
        this.host = hostName();
    }

    public Path log() { return log; }

    public static String osUser() {
        String u = System.getProperty("user.name");
        return u == null || u.isBlank() ? "unknown" : u;
    }

    public void record(AuditEvent e) throws SQLException, IOException {
        journal.audit(e.user(), e.type().code() + " " + e.type().meaning(), e.source(), String.join("\\",
                e.studyUids()), e.destination(), Integer.toString(e.outcome()), e.job());
        String line = SyslogLine.format(e, host, ProcessHandle.current().pid()) + "\n";
        synchronized (AuditTrail.class) {
            createOwnerOnly(log);
            Files.writeString(log, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            try {
                Files.createFile(file);
            } catch (FileAlreadyExistsException exists) {
                // appended to
            }
        } catch (FileAlreadyExistsException exists) {
            // appended to
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "-";
        }
    }
}
