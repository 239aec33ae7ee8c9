package org.pdistation.importer.send;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.importer.journal.InstanceState;
import org.pdistation.importer.journal.Journal;
import org.pdistation.importer.medium.MediumOpener;
import org.pdistation.importer.reconcile.LocalIdentity;
import org.pdistation.importer.report.ImportReport;
import org.pdistation.importer.review.ReviewModel;

/**
 * An import in a process of its own, for tests that kill it or bound its heap:
 * {@code JOURNAL MEDIUM AET PORT ASSOCIATIONS}. Prints "job N" before sending, then the counts line and the heap
 * in use after a full collection.
 */
public final class ImportChild {
    static final LocalIdentity LOCAL = new LocalIdentity("KID9", "HOSP", "Child^Process", "19800101", "F", null,
            null);

    private ImportChild() {}

    public static void main(String[] args) throws Exception {
        try (Journal journal = Journal.open(Path.of(args[0]), Clock.systemUTC())) {
            Importer importer = new Importer(journal, ImportConfig.of(new RemoteAe(args[2], "127.0.0.1",
                    Integer.parseInt(args[3])), "PDICHILD", Integer.parseInt(args[4])));
            long job = importer.prepare(ReviewModel.build(MediumOpener.open(Path.of(args[1]))), List.of(), LOCAL);
            System.out.println("job " + job);
            System.out.flush();
            Map<InstanceState, Integer> counts = importer.run(job, (r, d, t) -> { });
            System.gc();
            Runtime rt = Runtime.getRuntime();
            System.out.println(ImportReport.countsLine(counts));
            System.out.println("heap " + (rt.totalMemory() - rt.freeMemory()));
        }
    }

    /** A builder for {@code java -cp <this JVM's class path> [jvmOptions] ImportChild args}. */
    static ProcessBuilder command(List<String> jvmOptions, String... args) {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ImportChild.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }
}
