package org.pdistation.viewer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.pdistation.imaging.io.OwnerOnly;
import org.pdistation.imaging.media.OpenedMedium;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.importer.journal.InstanceState;
import org.pdistation.importer.journal.Journal;
import org.pdistation.importer.medium.MediumOpener;
import org.pdistation.importer.reconcile.LocalIdentity;
import org.pdistation.importer.report.ImportReport;
import org.pdistation.importer.report.ImportReportPdf;
import org.pdistation.importer.review.InstanceRecord;
import org.pdistation.importer.review.PatientEntry;
import org.pdistation.importer.review.ReviewModel;
import org.pdistation.importer.review.SeriesEntry;
import org.pdistation.importer.review.StudyEntry;
import org.pdistation.importer.send.ImportConfig;
import org.pdistation.importer.send.Importer;
import org.pdistation.importer.send.ScuCommitmentCheck;
import org.pdistation.viewer.AppHome;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pdistation import}: a medium into the PACS, reconciled, journalled, resumable (IHE PDI importer). */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a medium (folder, disc, DICOMDIR) into a PACS under the local patient identity.")
public final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "MEDIUM", description = "folder, mounted disc or DICOMDIR")
    Path medium;

    @Option(names = "--pacs", paramLabel = "AET@HOST:PORT", description = "the PACS")
    String pacs;

    @Option(names = "--calling-aet", defaultValue = "PDISTATION", description = "our AE title")
    String callingAet;

    @Option(names = "--patient-id") String patientId;
    @Option(names = "--issuer") String issuer;
    @Option(names = "--patient-name") String patientName;
    @Option(names = "--birth-date") String birthDate;
    @Option(names = "--sex") String sex;
    @Option(names = "--accession") String accession;

    @Option(names = "--associations", defaultValue = "1") int associations;

    /** PS3.15 B.9: one set of TLS options for every association the import opens (PACS, worklist, lookup). */
    @picocli.CommandLine.Mixin
    TlsOptions tls = new TlsOptions();

    @Option(names = "--worklist", paramLabel = "AET@HOST:PORT", description = "look the patient up in this Modality"
            + " Worklist (with --match); --patient-id … still wins") String worklist;

    @Option(names = "--lookup-pacs", description = "look the patient up with a patient-level C-FIND at --pacs (with"
            + " --match id or name)") boolean lookupPacs;

    @Option(names = "--match", defaultValue = "id", paramLabel = "id|name|accession", description = "the medium's"
            + " key the lookup matches on (default: ${DEFAULT-VALUE})") String match;

    @Option(names = "--match-value", paramLabel = "VALUE", description = "look up this value instead of the"
            + " medium's (wildcards * and ? for a name)") String matchValue;

    @Option(names = "--scheduled", paramLabel = "DATE-RANGE", description = "with --worklist: Scheduled Procedure"
            + " Step Start Date, e.g. 20240101-20240131") String scheduled;

    @Option(names = "--select", arity = "1..*", paramLabel = "UID", description = "study or series UIDs to import")
    List<String> select = new ArrayList<>();

    @Option(names = "--journal", description = "journal file (default: import-journal.db in the station's folder)")
    Path journalFile;

    @Option(names = "--dry-run", description = "print the review model and send nothing") boolean dryRun;

    @Option(names = "--resume", paramLabel = "JOB", description = "resume an interrupted import (MEDIUM: the medium"
            + " opened again, when it is mounted elsewhere now)") Long resume;

    @Option(names = "--report", paramLabel = "JOB", description = "print the report of an import") Long report;

    @Option(names = "--csv", paramLabel = "FILE", description = "with --report: write the report as CSV (UTF-8)")
    Path csv;

    @Option(names = "--report-pdf", paramLabel = "FILE", description = "write the report (of --report JOB, or of"
            + " this import) as PDF") Path reportPdf;

    @Option(names = "--commit", description = "ask the PACS for Storage Commitment; the medium is imported only"
            + " when every stored instance is committed") boolean commit;

    @Option(names = "--commit-port", defaultValue = "-1", paramLabel = "PORT", description = "with --commit: port"
            + " where the PACS sends its commitment report on an association of its own (it must know our AE"
            + " title there); -1: on the request's association only (default)") int commitPort;

    @Spec
    CommandSpec spec;

    /** The command line's writers (UTF-8 as Main configures them; a test's own), never System.out/err. */
    private PrintWriter out;
    private PrintWriter err;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        err = spec.commandLine().getErr();
        try {
            return importOrReport();
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int importOrReport() throws Exception {
        if (dryRun && medium != null) {
            try (OpenedMedium m = OpenedMedium.open(medium)) {
                ReviewModel model = ReviewModel.build(MediumOpener.open(m.image() ? m.root() : medium));
                print(model);
                ImportLookup lookup = lookup();
                if (lookup != null && patientId == null) {
                    return lookup.run(model, out, err).identity() != null ? 0 : 3;
                }
            }
            return 0;
        }
        if (report != null) {
            return report();
        }
        if (pacs == null || (medium == null && resume == null)) {
            err.println("import: --pacs and a MEDIUM (or --resume JOB) are required");
            return 2;
        }
        Path jf = journalPath();
        ImportConfig config = ImportConfig.of(RemoteAe.parse(pacs), callingAet, associations);
        if (tls.enabled()) {
            config = config.withSockets(tls.socketFactory());
        }
        try (Journal journal = Journal.open(jf, Clock.systemUTC());
             ScuCommitmentCheck check = commit ? ScuCommitmentCheck.open(config.pacs(), callingAet, config.net(),
                     tls.config(), commitPort, java.time.Duration.ofMinutes(2)) : null) {
            Importer importer = new Importer(journal, check == null ? config : config.withCommitment(check));
            long job;
            Map<InstanceState, Integer> counts;
            if (resume != null) {
                Path named = medium != null ? medium : journal.job(resume).map(j -> Path.of(j.mediumRoot()))
                        .orElse(null);
                if (named == null) {
                    err.println("import: no job " + resume + " in " + jf);
                    return 2;
                }
                // An .iso medium is journalled by its image file; its files are read through the image's root.
                job = resume;
                try (OpenedMedium m = OpenedMedium.open(named)) {
                    counts = importer.resume(resume, m.image() ? m.root() : named.toAbsolutePath(), this::progress);
                }
            } else {
                LocalIdentity id = patientId == null ? null : new LocalIdentity(patientId, issuer, patientName,
                        birthDate, sex, accession, null);
                try (OpenedMedium m = OpenedMedium.open(medium)) {
                    ReviewModel model = ReviewModel.build(MediumOpener.open(m.image() ? m.root() : medium));
                    ImportLookup lookup = lookup();
                    if (id == null && lookup != null) {
                        id = lookup.run(model, out, err).identity();
                        if (id == null) {
                            return 3; // none or several: a clerk chooses, the station never guesses
                        }
                    }
                    job = importer.prepare(model, select, id,
                            m.image() ? medium.toAbsolutePath().toString() : null);
                    out.println("job " + job);
                    counts = importer.run(job, m.image() ? m.root() : model.medium().root(), this::progress);
                }
            }
            out.println();
            out.println(ImportReport.countsLine(counts));
            if (reportPdf != null) {
                ImportReportPdf.write(ImportReport.of(journal, job), reportPdf);
            }
            return counts.get(InstanceState.FAILED) == 0 && counts.get(InstanceState.PENDING) == 0 ? 0 : 1;
        }
    }

    /** The lookup asked for, or null; --worklist is preferred when both are given. */
    private ImportLookup lookup() throws java.io.IOException {
        if (worklist != null) {
            return ImportLookup.worklist(worklist, callingAet, tls.socketFactory(), match, matchValue, scheduled);
        }
        if (lookupPacs) {
            if (pacs == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "import: --lookup-pacs needs --pacs");
            }
            return ImportLookup.pacs(pacs, callingAet, tls.socketFactory(), match, matchValue);
        }
        return null;
    }

    private Path journalPath() {
        return journalFile != null ? journalFile : AppHome.resolve().root().resolve("import-journal.db");
    }

    private int report() throws Exception {
        try (Journal journal = Journal.open(journalPath(), Clock.systemUTC())) {
            if (journal.job(report).isEmpty()) {
                err.println("import: no job " + report + " in " + journalPath());
                return 2;
            }
            ImportReport r = ImportReport.of(journal, report);
            if (reportPdf != null) {
                ImportReportPdf.write(r, reportPdf);
            }
            if (csv != null) {
                // Owner-only: the report names the patient's instances.
                try (java.io.Writer w = new java.io.OutputStreamWriter(OwnerOnly.newOutputStream(csv),
                        java.nio.charset.StandardCharsets.UTF_8)) {
                    r.toCsv(w);
                }
            } else if (reportPdf == null) {
                r.lines().forEach(out::println);
            }
            return 0;
        }
    }

    private synchronized void progress(Journal.Row row, int done, int total) {
        out.print("\r" + done + "/" + total + " ");
        out.flush(); // print() does not flush an auto-flushing PrintWriter; the count is live progress
    }

    private void print(ReviewModel m) {
        for (PatientEntry p : m.patients()) {
            out.println("patient " + p.patientId() + " " + p.name() + " " + p.birthDate() + " " + p.sex());
            for (StudyEntry s : p.studies()) {
                out.println("  study " + s.uid() + " " + s.date() + " " + s.modalities() + " "
                        + s.description() + " (" + s.instanceCount() + ")");
                for (SeriesEntry se : s.series()) {
                    out.println("    series " + se.uid() + " " + se.modality() + " " + se.description()
                            + " (" + se.instanceCount() + ")");
                    for (InstanceRecord r : se.instances()) {
                        if (!r.problems().isEmpty()) {
                            out.println("      " + r.fileId() + " " + r.problems() + " " + r.detail());
                        }
                    }
                }
            }
        }
        for (InstanceRecord r : m.unplaced()) {
            out.println("not importable: " + r.fileId() + " " + r.problems() + " " + r.detail());
        }
    }
}
