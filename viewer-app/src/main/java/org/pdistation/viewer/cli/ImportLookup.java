package org.pdistation.viewer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.net.SocketFactory;

import org.pdistation.imaging.net.FindScu;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.importer.reconcile.IdentityCandidate;
import org.pdistation.importer.reconcile.IdentityQuery;
import org.pdistation.importer.reconcile.IdentitySource;
import org.pdistation.importer.reconcile.LocalIdentity;
import org.pdistation.importer.reconcile.PatientLookup;
import org.pdistation.importer.reconcile.WorklistLookup;
import org.pdistation.importer.review.PatientEntry;
import org.pdistation.importer.review.ReviewModel;
import org.pdistation.importer.review.StudyEntry;

/**
 * {@code import --worklist/--lookup-pacs --match …}: the local identity looked up with a key taken from the medium
 * (or given with {@code --match-value}). Exactly one candidate is used; none or several stop the import with the
 * list, so that a clerk chooses (with {@code --patient-id …}) and the station never guesses.
 */
record ImportLookup(IdentitySource source, String describe, IdentityQuery.Match match, String value,
                    String dateRange) {
    /** What the lookup ended with: the identity to use, or null with the reason already printed. */
    record Outcome(LocalIdentity identity, List<IdentityCandidate> candidates) {}

    /** {@code sockets}: plain TCP or the command's TLS (PS3.15 B.9), as for the PACS association. */
    static ImportLookup worklist(String worklist, String callingAet, SocketFactory sockets, String match,
                                 String value, String dates) {
        RemoteAe ae = RemoteAe.parse(worklist);
        return new ImportLookup(new WorklistLookup(new FindScu(ae, callingAet, NetOptions.DEFAULT, sockets)),
                "worklist " + ae, IdentityQuery.Match.parse(match), value, dates);
    }

    static ImportLookup pacs(String pacs, String callingAet, SocketFactory sockets, String match, String value) {
        RemoteAe ae = RemoteAe.parse(pacs);
        IdentityQuery.Match m = IdentityQuery.Match.parse(match);
        if (m == IdentityQuery.Match.ACCESSION) {
            throw new IllegalArgumentException("--lookup-pacs matches by id or name; an accession number needs"
                    + " --worklist");
        }
        return new ImportLookup(new PatientLookup(new FindScu(ae, callingAet, NetOptions.DEFAULT, sockets)), "PACS " + ae, m,
                value, null);
    }

    /** Looks up and prints the candidates on {@code out}; problems and the stop go to {@code err}. */
    Outcome run(ReviewModel model, PrintWriter out, PrintWriter err) throws IOException {
        String key = value != null ? value : keyFromMedium(model);
        if (key == null) {
            err.println("import: the medium has no single " + match.name().toLowerCase() + " to look up; give"
                    + " --match-value");
            return new Outcome(null, List.of());
        }
        IdentityQuery q = IdentityQuery.of(match, key);
        if (dateRange != null) q = q.withDateRange(dateRange);
        List<IdentityCandidate> found = source.find(q);
        out.println(found.size() + " candidate(s) in " + describe + " for " + match.name().toLowerCase() + " "
                + key + ":");
        for (int i = 0; i < found.size(); i++) {
            out.println("  " + (i + 1) + ". " + found.get(i).describe());
        }
        if (found.size() == 1) {
            return new Outcome(found.get(0).identity(), found);
        }
        err.println(found.isEmpty() ? "import: no candidate; enter the patient with --patient-id …"
                : "import: several candidates; choose one and give it with --patient-id … (and --accession)");
        return new Outcome(null, found);
    }

    /**
     * The key from the medium's one patient: its ID; its name's first component group, trailing empty components
     * dropped, with {@code *} so that "Doe^Jane" also finds "DOE^JANE^^^" where the SCP folds case; its one
     * accession number.
     */
    String keyFromMedium(ReviewModel model) {
        if (model.patients().size() != 1) return null;
        PatientEntry p = model.patients().get(0);
        return switch (match) {
            case ID -> blankToNull(p.patientId());
            case NAME -> {
                String n = p.name() == null ? "" : p.name().split("=", -1)[0].replaceAll("\\^+$", "").strip();
                yield n.isEmpty() ? null : n + "*";
            }
            case ACCESSION -> {
                Set<String> acc = new LinkedHashSet<>();
                for (StudyEntry s : p.studies()) {
                    if (s.accessionNumber() != null && !s.accessionNumber().isBlank()) acc.add(s.accessionNumber());
                }
                yield acc.size() == 1 ? acc.iterator().next() : null;
            }
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
