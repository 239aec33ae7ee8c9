package org.pdistation.viewer.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;

/**
 * Header-only read throughput (files/s) and full-read throughput (MB/s) over a set of files, against pydicom
 * reading the same files in its own process (its loop timed inside Python, so process start is not counted).
 */
public final class ReadBenchmark {
    private static final String PYDICOM_LOOP = """
            import sys, time, pydicom
            files = [l.strip() for l in open(sys.argv[2]) if l.strip()]
            full = sys.argv[1] == 'full'
            t = time.perf_counter()
            for f in files:
                ds = pydicom.dcmread(f, stop_before_pixels=not full)
                if full:
                    len(ds.PixelData)
                else:
                    ds.PatientID
            print(time.perf_counter() - t)
            """;

    private ReadBenchmark() {}

    public static void run(List<Path> files, Path work, AlternatingRunner runner, PrintWriter out) throws Exception {
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        Path list = work.resolve("files.txt");
        Files.write(list, files.stream().map(Path::toString).toList());
        Path script = work.resolve("read_loop.py");
        Files.writeString(script, PYDICOM_LOOP);
        Path python = Path.of("/usr/bin/python3");
        boolean peer = Files.isExecutable(python) && PeerProcess.run(work, List.of(python.toString(), "-c",
                "import pydicom"), 60).exitCode() == 0;

        for (boolean full : new boolean[] {false, true}) {
            AlternatingRunner.Trial ours = () -> readAll(files, full);
            AlternatingRunner.Trial theirs = () -> {
                PeerProcess.Outcome o = PeerProcess.run(work, List.of(python.toString(), script.toString(),
                        full ? "full" : "header", list.toString()), 600);
                if (o.exitCode() != 0) {
                    throw new IOException("pydicom loop failed: " + o.output());
                }
                String[] lines = o.output().strip().split("\n");
                return Double.parseDouble(lines[lines.length - 1]);
            };
            String name = full ? "read-full-MBps" : "read-header-files-per-s";
            if (!peer) {
                double s = readAll(files, full);
                out.printf("%s %.1f - -   (pydicom not available)%n", name, rate(full, files.size(), bytes, s));
                continue;
            }
            AlternatingRunner.Result r = runner.run(ours, theirs);
            // Report throughputs (bigger is better); the ratio stays time(ours) / time(peer), smaller is better.
            out.printf("%s %.1f %.1f %.3f%n", name, rate(full, files.size(), bytes, r.ours()),
                    rate(full, files.size(), bytes, r.peer()), r.ratio());
            out.flush();
        }
    }

    private static double rate(boolean full, int count, long bytes, double seconds) {
        return full ? bytes / 1e6 / seconds : count / seconds;
    }

    /** Reads every file; returns seconds. Touches a value so nothing is optimised away. */
    static double readAll(List<Path> files, boolean full) throws IOException {
        ReadOptions opts = full ? ReadOptions.IN_MEMORY : ReadOptions.HEADER_ONLY;
        long t0 = System.nanoTime();
        int check = 0;
        for (Path f : files) {
            DicomFile df = DicomReader.read(f, opts);
            Dataset ds = df.dataset();
            String id = ds.getString(Tag.PatientID);
            check += id == null ? 0 : id.length();
            if (full) {
                byte[] px = ds.getBytes(Tag.PixelData);
                check += px == null ? 0 : px.length & 1;
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (check < 0) {
            throw new IllegalStateException();
        }
        return s;
    }
}
