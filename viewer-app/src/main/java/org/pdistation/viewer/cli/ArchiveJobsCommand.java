package org.pdistation.viewer.cli;

import java.sql.SQLException;
import java.util.List;

import org.pdistation.imaging.archive.Archive;
import org.pdistation.imaging.archive.burn.BurnJob;
import org.pdistation.imaging.archive.burn.BurnJobStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pdistation archive jobs}: the auto-burn jobs and their states (issue 7 item 5). */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "List auto-burn jobs: id, rule, state (queued, staging, writing, verifying, done, failed), "
                + "last change, study UID and, for a failed job, why.")
final class ArchiveJobsCommand extends ArchiveCommand.Base {
    @Option(names = "--unfinished", description = "only jobs not done or failed")
    boolean unfinished;

    @Override
    int run(Archive a) throws SQLException {
        BurnJobStore store = new BurnJobStore(a.index());
        List<BurnJob> jobs = unfinished ? store.unfinished() : store.all();
        for (BurnJob j : jobs) {
            out().println(j.id() + "\t" + j.rule() + "\t" + j.state().name().toLowerCase(java.util.Locale.ROOT)
                    + "\t" + j.updated() + "\t" + j.studyUid() + (j.detail() != null ? "\t" + j.detail() : ""));
        }
        out().println(jobs.size() + (jobs.size() == 1 ? " job" : " jobs"));
        return 0;
    }
}
