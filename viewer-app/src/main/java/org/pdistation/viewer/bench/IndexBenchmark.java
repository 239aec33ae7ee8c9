package org.pdistation.viewer.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.pdistation.imaging.media.DicomDirWriter;
import org.pdistation.imaging.media.Profile;

/**
 * Builds a DICOMDIR for the generated file-set: ours in process against DCMTK's {@code dcmmkdir -Pgp +r} as a
 * process (PERFORMANCE.md: files under {@code DICOM/} with conformant names). Both read every file's header and
 * write a general-purpose CD DICOMDIR; ours includes the same work, only without a process start.
 */
public final class IndexBenchmark {
    private IndexBenchmark() {}

    public static void run(BenchData data, int warmup, int pairs, PrintWriter out) throws Exception {
        Path root = data.fileSetRoot();
        Path dcmmkdir = PeerProcess.find("dcmmkdir");
        AlternatingRunner.Trial ours = () -> {
            long t0 = System.nanoTime();
            DicomDirWriter.Outcome o = DicomDirWriter.write(new DicomDirWriter.Request(root, Profile.STD_GEN_CD, "BENCH"));
            double s = (System.nanoTime() - t0) / 1e9;
            if (o.instances() != data.files().size()) {
                throw new IOException("our DICOMDIR holds " + o.instances() + " of " + data.files().size() + " files");
            }
            return s;
        };
        String name = "index-" + data.files().size();
        if (dcmmkdir == null) {
            out.printf("%s %.3f - -   (dcmmkdir not installed)%n", name, ours.run());
            return;
        }
        // dcmmkdir writes beside the file-set so that the two DICOMDIRs never meet.
        Path peerOut = data.work().resolve("dcmmkdir-DICOMDIR");
        AlternatingRunner.Trial peer = () -> {
            PeerProcess.Outcome o = PeerProcess.run(root, List.of(dcmmkdir.toString(), "-Pgp", "+r", "-q", "-nb",
                    "+D", peerOut.toString(), "DICOM"), 600);
            if (o.exitCode() != 0 || !Files.exists(peerOut)) {
                throw new IOException("dcmmkdir failed: " + o.output());
            }
            return o.seconds();
        };
        AlternatingRunner.Result r = new AlternatingRunner(warmup, pairs).run(ours, peer);
        out.printf("%s %.3f %.3f %.3f%n", name, r.ours(), r.peer(), r.ratio());
        out.flush();
    }
}
