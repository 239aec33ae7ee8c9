package org.pdistation.viewer.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.pdistation.creator.CreateReport;
import org.pdistation.creator.MediaCreator;
import org.pdistation.creator.plan.MediumSize;
import org.pdistation.creator.plan.Plan;
import org.pdistation.creator.plan.Planner;
import org.pdistation.creator.plan.SelectionReader;
import org.pdistation.creator.plan.TranscodePolicy;
import org.pdistation.creator.stage.CreateOptions;
import org.pdistation.creator.target.FolderTarget;
import org.pdistation.creator.target.Progress;
import org.pdistation.imaging.media.Profile;

/**
 * A CD file-set folder from N generated CT files without transcoding: ours (read headers, plan, stage with new
 * file meta, DICOMDIR, README, move into place, read back, conformance check) against {@code cp -r SRC DST} then
 * {@code dcmmkdir +r +id DST} (the source already has PDI-style names, so that is a fair equivalent). Alternating
 * pairs after a warm-up, median of the per-pair ratios (PERFORMANCE.md).
 */
public final class CreateBenchmark {
    private CreateBenchmark() {}

    public static void run(BenchData data, int warmup, int pairs, PrintWriter out) throws Exception {
        Path src = data.fileSetRoot();
        Path cp = PeerProcess.find("cp");
        Path dcmmkdir = PeerProcess.find("dcmmkdir");
        if (cp == null || dcmmkdir == null) {
            throw new IOException("cp and DCMTK dcmmkdir are needed as the peer");
        }
        int[] round = {0};
        AlternatingRunner.Trial ours = () -> {
            Path a = data.work().resolve("ours-" + round[0]);
            long t0 = System.nanoTime();
            Plan plan = new Planner(Profile.STD_GEN_CD, MediumSize.CD, TranscodePolicy.standard(), 0)
                    .plan(SelectionReader.read(List.of(src)));
            CreateReport rep = new MediaCreator(CreateOptions.defaults()).create(plan,
                    n -> new FolderTarget(a, false), Progress.NONE);
            double s = (System.nanoTime() - t0) / 1e9;
            if (!rep.allDone() || rep.media().get(0).files() != data.files().size()) {
                throw new IOException("ours failed: " + rep.media());
            }
            FolderTarget.deleteTree(a);
            return s;
        };
        AlternatingRunner.Trial peer = () -> {
            Path b = data.work().resolve("peer-" + round[0]++);
            PeerProcess.Outcome c = PeerProcess.run(data.work(), List.of(cp.toString(), "-r", src.toString(),
                    b.toString()), 600);
            PeerProcess.Outcome d = PeerProcess.run(b, List.of(dcmmkdir.toString(), "-q", "+r", "+id", b.toString(),
                    "-Pgp", "DICOM"), 600);
            if (c.exitCode() != 0 || d.exitCode() != 0 || !Files.exists(b.resolve("DICOMDIR"))) {
                throw new IOException("peer failed: " + c.output() + d.output());
            }
            FolderTarget.deleteTree(b);
            out.printf("pair %d: peer %.3f s%n", round[0], c.seconds() + d.seconds());
            out.flush();
            return c.seconds() + d.seconds();
        };
        AlternatingRunner.Result r = new AlternatingRunner(warmup, Math.max(5, pairs)).run(ours, peer);
        out.printf("create-cd-%d-s %.3f %.3f %.3f%n", data.files().size(), r.ours(), r.peer(), r.ratio());
        out.flush();
    }
}
