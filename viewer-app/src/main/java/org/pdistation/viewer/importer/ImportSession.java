package org.pdistation.viewer.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.pdistation.imaging.media.OpenedMedium;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.importer.journal.InstanceState;
import org.pdistation.importer.journal.Journal;
import org.pdistation.importer.medium.MediumOpener;
import org.pdistation.importer.reconcile.LocalIdentity;
import org.pdistation.importer.reconcile.IdentityCandidate;
import org.pdistation.importer.reconcile.IdentityQuery;
import org.pdistation.importer.reconcile.PatientLookup;
import org.pdistation.importer.reconcile.WorklistLookup;
import org.pdistation.importer.report.ImportReport;
import org.pdistation.importer.review.ReviewModel;
import org.pdistation.importer.send.ImportConfig;
import org.pdistation.importer.send.ImportListener;
import org.pdistation.importer.send.Importer;
import org.pdistation.imaging.net.FindScu;
import org.pdistation.viewer.settings.Connections;
import org.pdistation.viewer.settings.PacsNode;
import org.pdistation.viewer.settings.StationSettings;

/**
 * The import screen's work, off the FX thread, over media-importer: review a medium, look the patient up in the
 * PACS, import (journalled, so that it can be resumed), the report, and the history of earlier imports. Every
 * method opens the journal for its own duration, so the screen holds no database handle while the clerk reads.
 */
public final class ImportSession {
    private final Path journalFile;
    private final StationSettings settings;

    /** One earlier import as the history lists it. */
    public record HistoryEntry(Journal.Job job, Map<InstanceState, Integer> counts) {
        /** Whether instances are left to send (stopped, or failed transiently): then the import can be resumed. */
        public boolean resumable() {
            return counts.getOrDefault(InstanceState.PENDING, 0) > 0 || counts.getOrDefault(InstanceState.FAILED, 0) > 0;
        }
    }

    /** A medium under review, kept open (an .iso image's file system) until the import is done. */
    public record Review(Path named, OpenedMedium opened, ReviewModel model) implements AutoCloseable {
        public Path root() { return opened.image() ? opened.root() : model.medium().root(); }

        @Override
        public void close() throws IOException { opened.close(); }
    }

    public ImportSession(Path journalFile, StationSettings settings) {
        this.journalFile = journalFile;
        this.settings = settings;
    }

    public Review review(Path medium) throws IOException {
        OpenedMedium m = OpenedMedium.open(medium);
        try {
            return new Review(medium, m, ReviewModel.build(MediumOpener.open(m.image() ? m.root() : medium)));
        } catch (IOException | RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** Patient-level C-FIND (PS3.4 C.6.1) for {@code patientId} at {@code node}. */
    public List<LocalIdentity> lookUp(PacsNode node, String patientId, String issuer) throws IOException {
        FindScu find = new FindScu(node.remoteAe(), settings.aeTitle(), NetOptions.DEFAULT,
                Connections.sockets(settings, node));
        return new PatientLookup(find).byId(patientId, issuer);
    }

    /** Patient-level C-FIND at {@code node} by ID or name (PS3.4 C.6.1). */
    public List<IdentityCandidate> findInPacs(PacsNode node, IdentityQuery query) throws IOException {
        return new PatientLookup(new FindScu(node.remoteAe(), settings.aeTitle(), NetOptions.DEFAULT,
                Connections.sockets(settings, node))).find(query);
    }

    /** Modality Worklist C-FIND (PS3.4 K.6) at the settings' worklist node; IOException when none is set. */
    public List<IdentityCandidate> findInWorklist(IdentityQuery query) throws IOException {
        PacsNode node = settings.worklist();
        if (node == null) throw new IOException("no Modality Worklist is set in the settings");
        return new WorklistLookup(new FindScu(node.remoteAe(), settings.aeTitle(), NetOptions.DEFAULT,
                Connections.sockets(settings, node))).find(query);
    }

    /** Whether the settings name a worklist node. */
    public boolean hasWorklist() {
        return settings.worklist() != null;
    }

    /** The job's id is reported to {@code jobCreated} before sending starts, so that a stop leaves it resumable. */
    public Result importSelected(Review review, Collection<String> uids, LocalIdentity identity, PacsNode node,
                                 java.util.function.LongConsumer jobCreated, ImportListener listener)
            throws IOException, SQLException, InterruptedException {
        try (Journal journal = Journal.open(journalFile, Clock.systemUTC())) {
            Importer importer = importer(journal, node);
            long job = importer.prepare(review.model(), uids, identity,
                    review.opened().image() ? review.named().toAbsolutePath().toString() : null);
            jobCreated.accept(job);
            Map<InstanceState, Integer> counts = importer.run(job, review.root(), listener);
            return new Result(job, counts, ImportReport.of(journal, job));
        }
    }

    /** Resumes job {@code job} from its medium (at its journalled place, or {@code mediumAgain} when given). */
    public Result resume(long job, Path mediumAgain, PacsNode node, ImportListener listener)
            throws IOException, SQLException, InterruptedException {
        try (Journal journal = Journal.open(journalFile, Clock.systemUTC())) {
            Journal.Job j = journal.job(job).orElseThrow(() -> new IOException("no import " + job + " in the history"));
            Path named = mediumAgain != null ? mediumAgain : Path.of(j.mediumRoot());
            Importer importer = importer(journal, node);
            Map<InstanceState, Integer> counts;
            try (OpenedMedium m = OpenedMedium.open(named)) {
                counts = importer.resume(job, m.image() ? m.root() : named.toAbsolutePath(), listener);
            }
            return new Result(job, counts, ImportReport.of(journal, job));
        }
    }

    public List<HistoryEntry> history() throws IOException, SQLException {
        List<HistoryEntry> out = new ArrayList<>();
        if (!java.nio.file.Files.isRegularFile(journalFile)) return out;
        try (Journal journal = Journal.open(journalFile, Clock.systemUTC())) {
            // Job ids are SQLite row ids, given in increasing order and never deleted: walk them until a gap run.
            int misses = 0;
            for (long id = 1; misses < 20 && id < 1_000_000; id++) {
                var j = journal.job(id);
                if (j.isEmpty()) {
                    misses++;
                    continue;
                }
                misses = 0;
                out.add(new HistoryEntry(j.get(), journal.counts(id)));
            }
        }
        return out.reversed();
    }

    public ImportReport report(long job) throws IOException, SQLException {
        try (Journal journal = Journal.open(journalFile, Clock.systemUTC())) {
            return ImportReport.of(journal, job);
        }
    }

    private Importer importer(Journal journal, PacsNode node) throws IOException {
        ImportConfig b = ImportConfig.of(node.remoteAe(), settings.aeTitle(), 1);
        if (node.tls()) {
            b = b.withSockets(Connections.sockets(settings, node));
        }
        return new Importer(journal, b);
    }

    /** What an import (or resume) ended with. */
    public record Result(long job, Map<InstanceState, Integer> counts, ImportReport report) {}
}
