package org.pdistation.viewer.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.archive.Archive;
import org.pdistation.imaging.archive.IngestOutcome;
import org.pdistation.imaging.io.OwnerOnly;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.SharedData;
import org.pdistation.importer.audit.AuditEvent;
import org.pdistation.importer.audit.AuditTrail;
import org.pdistation.importer.journal.Journal;
import org.pdistation.importer.report.ImportReport;
import org.pdistation.importer.report.ImportReportPdf;
import org.pdistation.viewer.AppHome;
import org.pdistation.viewer.cli.PdiStationCommand;
import org.pdistation.viewer.logging.OwnerOnlyRollingFileAppender;
import org.pdistation.viewer.model.RecentMedia;
import org.pdistation.viewer.settings.SettingsStore;
import org.pdistation.viewer.settings.StationSettings;
import org.pdistation.viewer.view.PresetStore;
import picocli.CommandLine;

/**
 * README "Privacy": after a typical run — archive add, an import journal with its audit log and reports, settings,
 * presets and the recent list saved, a rendered PNG, the log file written and rolled over — nothing in the data
 * folder is readable, writable or searchable by group or others. The process umask here is whatever the build
 * runs with (typically 022, which would give 644/755 without the owner-only creation).
 */
class DataFolderPermissionsTest {
    private static final Set<PosixFilePermission> GROUP_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    @TempDir
    Path tmp;
    private Path home;

    @BeforeEach
    void isolateHome() {
        home = tmp.resolve("pdistation home");
        System.setProperty(AppHome.PROPERTY, home.toString());
    }

    @AfterEach
    void restoreHome() {
        System.clearProperty(AppHome.PROPERTY);
    }

    @Test
    void typicalRunLeavesNothingReadableByGroupOrOthers() throws Exception {
        assumeTrue(OwnerOnly.posix(), "POSIX permissions only");
        AppHome app = new AppHome(home);
        Path ct = SharedData.requireDicomFile("single/pydicom/CT_small.dcm");

        // Local archive: files, folders, index.sqlite with its -wal/-shm while open.
        Path synthetic = tmp.resolve("in");
        List<Path> files = new SyntheticCtStudy(16, 3, 7).write(synthetic, 1);
        Archive archive = Archive.open(app.archive());
        List<String> whileOpen = new ArrayList<>();
        try {
            assertEquals(IngestOutcome.STORED, archive.addFile(ct, "TEST"));
            for (Path f : files) {
                archive.addFile(f, "TEST");
            }
            whileOpen.addAll(offenders(home));
        } finally {
            archive.close();
        }

        // Import journal (SQLite, WAL) with a job, its audit log and both report forms.
        Path journalFile = home.resolve("import-journal.db");
        long job;
        try (Journal journal = Journal.open(journalFile, Clock.systemUTC())) {
            job = journal.createJob(new Journal.MediumIdentity("CD", "/media/cdrom", "1.2.3", "FSID"), "PACS@h:104",
                    null, "PID1");
            new AuditTrail(journal).record(new AuditEvent(AuditEvent.Type.BEGIN, Instant.now(), 0, "tester",
                    "/media/cdrom", "PACS", List.of("1.2.3.4"), List.of("PID1"), job, "1 instance"));
            ImportReportPdf.write(ImportReport.of(journal, job), home.resolve("report.pdf"));
            whileOpen.addAll(offenders(home));
        }
        assertEquals(0, run("import", "--report", Long.toString(job), "--journal", journalFile.toString(),
                "--csv", home.resolve("report.csv").toString()));

        // Settings screen, presets, recent media, a rendered image.
        new SettingsStore(app.settings()).save(StationSettings.defaults());
        PresetStore.in(app.settings()).save(PresetStore.defaults());
        new RecentMedia(app.settings()).add(synthetic);
        assertEquals(0, run("render", ct.toString(), "--out", home.resolve("exports/ct.png").toString()));

        // The log file, through a rollover (the new active file is created by the appender again).
        writeLogWithRollover(app.logs());

        List<String> after = offenders(home);
        assertTrue(Files.exists(app.archive().resolve("index.sqlite")));
        assertTrue(Files.exists(app.logs().resolve("pdistation.1.log")), "the log rolled over");
        assertEquals(List.of(), whileOpen, "readable by group or others while open");
        assertEquals(List.of(), after, "readable by group or others after the run");
    }

    @Test
    void sqliteSiblingsTakeTheMainFilesPermissions() throws Exception {
        assumeTrue(OwnerOnly.posix(), "POSIX permissions only");
        // What OwnerOnly.sqliteDatabase relies on: SQLite (os_unix.c, findCreateFileMode) gives -wal and -shm the
        // database file's mode, whatever the umask. A database created by SQLite itself would be 644 here.
        Path db = OwnerOnly.sqliteDatabase(tmp.resolve("db/x.sqlite"));
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             var st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("CREATE TABLE t(x)");
            st.execute("INSERT INTO t VALUES(1)");
            assertTrue(Files.exists(tmp.resolve("db/x.sqlite-wal")));
            assertTrue(Files.exists(tmp.resolve("db/x.sqlite-shm")));
            assertEquals(List.of(), offenders(tmp.resolve("db")));
        }
    }

    @Test
    void reopeningRestrictsADatabaseLeftWithWiderPermissions() throws Exception {
        assumeTrue(OwnerOnly.posix(), "POSIX permissions only");
        Path dir = Files.createDirectories(tmp.resolve("old"));
        Path db = dir.resolve("import-journal.db");
        for (String s : new String[] {"", "-wal", "-shm"}) {
            Files.createFile(dir.resolve(db.getFileName() + s));
            Files.setPosixFilePermissions(dir.resolve(db.getFileName() + s), PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.delete(dir.resolve(db.getFileName() + "-wal"));
        Files.delete(dir.resolve(db.getFileName() + "-shm"));
        try (Journal j = Journal.open(db, Clock.systemUTC())) {
            j.createJob(new Journal.MediumIdentity("CD", "/m", null, null), "P@h:1", null, "");
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        assertEquals(List.of(), offenders(dir));
    }

    private int run(String... args) {
        CommandLine cl = new CommandLine(new PdiStationCommand());
        cl.setOut(new PrintWriter(new StringWriter(), true));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        int rc = cl.execute(args);
        if (rc != 0) System.err.println(err);
        return rc;
    }

    /** The production appender, configured as logback.xml does, rolled over once. */
    private static void writeLogWithRollover(Path logs) {
        LoggerContext ctx = new LoggerContext();
        PatternLayoutEncoder enc = new PatternLayoutEncoder();
        enc.setContext(ctx);
        enc.setPattern("%msg%n");
        enc.start();
        OwnerOnlyRollingFileAppender app = new OwnerOnlyRollingFileAppender();
        app.setContext(ctx);
        app.setFile(logs.resolve("pdistation.log").toString());
        FixedWindowRollingPolicy roll = new FixedWindowRollingPolicy();
        roll.setContext(ctx);
        roll.setParent(app);
        roll.setFileNamePattern(logs.resolve("pdistation.%i.log").toString());
        roll.setMinIndex(1);
        roll.setMaxIndex(3);
        roll.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(ctx);
        trigger.setMaxFileSize(FileSize.valueOf("10MB"));
        trigger.start();
        app.setRollingPolicy(roll);
        app.setTriggeringPolicy(trigger);
        app.setEncoder(enc);
        app.start();
        assertTrue(app.isStarted(), "appender started");
        Logger log = ctx.getLogger("test");
        log.addAppender(app);
        log.info("before the rollover");
        app.rollover();
        log.info("after the rollover");
        ctx.stop();
    }

    /** Every path below {@code root} (and root) with a group or other permission bit, with its mode. */
    private static List<String> offenders(Path root) throws Exception {
        List<String> bad = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                if (Files.isSymbolicLink(p)) continue;
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                if (perms.stream().anyMatch(GROUP_OTHER::contains)) {
                    bad.add(root.relativize(p) + " " + PosixFilePermissions.toString(perms));
                }
            }
        }
        return bad;
    }
}
