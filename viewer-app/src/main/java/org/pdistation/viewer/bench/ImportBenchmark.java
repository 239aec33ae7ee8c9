package org.pdistation.viewer.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.pdistation.creator.target.FolderTarget;
import org.pdistation.imaging.media.DicomDirWriter;
import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.importer.journal.InstanceState;
import org.pdistation.importer.journal.Journal;
import org.pdistation.importer.medium.MediumOpener;
import org.pdistation.importer.reconcile.LocalIdentity;
import org.pdistation.importer.review.ReviewModel;
import org.pdistation.importer.send.ImportConfig;
import org.pdistation.importer.send.Importer;

/**
 * Import of N generated CT slices from a folder medium with DICOMDIR into a fresh Orthanc each round: ours (open,
 * review, journal with hashes, coerce, send over 1 or 4 associations) against {@code storescu +sd +r} of the same
 * folder, alternately, TCP_NODELAY=1 for the peers (PERFORMANCE.md). Prints {@code name ours peer ratio} with the
 * median of the per-round ratios.
 */
public final class ImportBenchmark {
    private static final LocalIdentity LOCAL = new LocalIdentity("BENCH1", "HOSP", "Bench^Patient", "19700101", "O",
            null, null);

    private ImportBenchmark() {}

    public static void run(BenchData data, int rounds, PrintWriter out) throws Exception {
        Path orthanc = PeerProcess.find("Orthanc");
        if (orthanc == null && Files.isExecutable(Path.of("/usr/sbin/Orthanc"))) {
            orthanc = Path.of("/usr/sbin/Orthanc");
        }
        Path storescu = PeerProcess.find("storescu");
        if (orthanc == null || storescu == null) {
            out.println("import: Orthanc and storescu are needed; skipped");
            return;
        }
        int n = data.files().size();
        if (!Files.exists(data.fileSetRoot().resolve("DICOMDIR"))) {
            DicomDirWriter.write(new DicomDirWriter.Request(data.fileSetRoot(), Profile.STD_GEN_CD, "BENCH"));
        }
        for (int assoc : new int[] {1, 4}) {
            double[] ours = new double[rounds];
            double[] peer = new double[rounds];
            double[] ratios = new double[rounds];
            for (int r = 0; r <= rounds; r++) { // round 0 warms up
                double so = ours(data, orthanc, assoc, r);
                double sp = peer(data, orthanc, storescu, r);
                if (r > 0) {
                    ours[r - 1] = so;
                    peer[r - 1] = sp;
                    ratios[r - 1] = so / sp;
                }
            }
            out.printf("import-%d-%dassoc-s %.3f %.3f %.3f%n", n, assoc, AlternatingRunner.median(ours),
                    AlternatingRunner.median(peer), AlternatingRunner.median(ratios));
            out.flush();
        }
    }

    private static double ours(BenchData data, Path orthanc, int assoc, int round) throws Exception {
        Path dir = data.work().resolve("orthanc-ours-" + assoc + "-" + round);
        try (OrthancProcess o = OrthancProcess.start(orthanc, dir);
             Journal journal = Journal.open(dir.resolve("journal.db"), Clock.systemUTC())) {
            long t0 = System.nanoTime();
            Importer importer = new Importer(journal, ImportConfig.of(new RemoteAe("ORTHANC", "127.0.0.1",
                    o.dicomPort()), "PDISTATION", assoc));
            ReviewModel model = ReviewModel.build(MediumOpener.open(data.fileSetRoot()));
            long t1 = System.nanoTime();
            long job = importer.prepare(model, List.of(), LOCAL);
            long t2 = System.nanoTime();
            Map<InstanceState, Integer> counts = importer.run(job, (row, d, t) -> { });
            long t3 = System.nanoTime();
            double s = (t3 - t0) / 1e9;
            // A timer per phase, so that a regression shows where it is.
            System.err.printf("# import-%dassoc round %d phases: open+review %.3f s, prepare %.3f s, send %.3f s%n",
                    assoc, round, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
            int stored = counts.get(InstanceState.STORED) + counts.get(InstanceState.WARNING);
            if (stored != data.files().size() || o.instanceCount() != stored) {
                throw new IOException("ours stored " + counts + ", Orthanc holds " + o.instanceCount());
            }
            return s;
        } finally {
            FolderTarget.deleteTree(dir);
        }
    }

    private static double peer(BenchData data, Path orthanc, Path storescu, int round) throws Exception {
        Path dir = data.work().resolve("orthanc-peer-" + round);
        try (OrthancProcess o = OrthancProcess.start(orthanc, dir)) {
            PeerProcess.Outcome c = PeerProcess.run(data.work(), List.of(storescu.toString(), "+sd", "+r", "-aec",
                    "ORTHANC", "127.0.0.1", Integer.toString(o.dicomPort()),
                    // storescu knows no DICOMDIR (it would refuse to send it and halt): it scans the image folder.
                    data.fileSetRoot().resolve("DICOM").toString()), 600);
            if (c.exitCode() != 0 || o.instanceCount() != data.files().size()) {
                throw new IOException("storescu failed (" + c.exitCode() + ", Orthanc holds " + o.instanceCount()
                        + "): " + c.output());
            }
            return c.seconds();
        } finally {
            FolderTarget.deleteTree(dir);
        }
    }
}
