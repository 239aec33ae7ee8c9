package org.pdistation.viewer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pdistation.viewer.bench.AlternatingRunner;
import org.pdistation.viewer.bench.BenchData;
import org.pdistation.viewer.bench.IndexBenchmark;
import org.pdistation.viewer.bench.ReadBenchmark;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pdistation bench}: benchmarks that run ours and a peer alternately on the same generated data and print
 * one line per figure, {@code name ours peer ratio} (ratio = our time / peer time; below 1 is faster).
 */
@Command(name = "bench", description = "Benchmarks against peers (DCMTK, pydicom) on generated data.",
        subcommands = {BenchCommand.Index.class, BenchCommand.Read.class, BenchCommand.Decode.class,
                BenchCommand.Window.class, BenchCommand.Scroll.class, BenchCommand.Create.class,
                BenchCommand.Iso.class, BenchCommand.Store.class, BenchCommand.Scp.class,
                BenchCommand.Import.class, BenchCommand.ArchiveReceive.class, BenchCommand.ArchiveFind.class, BenchCommand.Ui.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Help on bench and, inherited, on every benchmark (none of them declares its own). */
    @Option(names = {"-h", "--help"}, usageHelp = true, scope = CommandLine.ScopeType.INHERIT,
            description = "Show this help message and exit.")
    boolean help;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a benchmark is required: index, read, decode, window, scroll, create, iso, store, scp, import, archive-receive or archive-find");
    }

    /** Options every benchmark takes. */
    static final class Common {
        @Option(names = "--pairs", defaultValue = "5", description = "timed ours/peer pairs after the warm-up (default ${DEFAULT-VALUE})")
        int pairs;

        @Option(names = "--warmup", defaultValue = "1", description = "untimed pairs first (default ${DEFAULT-VALUE})")
        int warmup;

        @CommandLine.Mixin
        WorkFolder folder = new WorkFolder();

        Path work() {
            return folder.work;
        }
    }

    /** --work, for the benchmarks that generate files, alone or with {@link Common}. */
    static final class WorkFolder {
        @Option(names = "--work", description = "folder for the generated files (default: a temporary folder, deleted after)")
        Path work;
    }

    /** --files, for the benchmarks that take the count as an option; each gives its own default. */
    static final class GeneratedFiles {
        // No defaultValue: picocli takes the field's initial value as the default and shows it in the help.
        @Option(names = "--files", description = "generated CT files (default ${DEFAULT-VALUE})")
        int files;

        GeneratedFiles(int byDefault) {
            files = byDefault;
        }
    }

    /** N, the slices of the generated series the scroll and UI benchmarks open. */
    static final class Slices {
        @Parameters(index = "0", paramLabel = "N", defaultValue = "500", description = "slices (default ${DEFAULT-VALUE})")
        int slices;
    }

    /** Generates N files, runs the given benchmarks on them, and deletes them (unless --work was given). */
    abstract static class OnGeneratedFiles implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "N", description = "number of generated CT files")
        int count;

        @CommandLine.Mixin
        Common common = new Common();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (BenchData data = BenchData.generate(common.work(), count, out)) {
                run(data, out);
            }
            return 0;
        }

        abstract void run(BenchData data, PrintWriter out) throws Exception;

        void runReads(BenchData data, PrintWriter out) throws Exception {
            ReadBenchmark.run(data.files(), data.work(), new AlternatingRunner(common.warmup, common.pairs), out);
        }
    }

    @Command(name = "index", description = "Build a DICOMDIR for N generated CT files: ours vs dcmmkdir; "
            + "also header-only and full read throughput.")
    static final class Index extends OnGeneratedFiles {
        @Override
        void run(BenchData data, PrintWriter out) throws Exception {
            IndexBenchmark.run(data, common.warmup, common.pairs, out);
            runReads(data, out);
        }
    }

    @Command(name = "read", description = "Header-only (files/s) and full (MB/s) read throughput: ours vs pydicom.")
    static final class Read extends OnGeneratedFiles {
        @Override
        void run(BenchData data, PrintWriter out) throws Exception {
            runReads(data, out);
        }
    }

    @Command(name = "decode", description = "Per codec: decode MP/s in process (pixels hashed against the peer), and "
            + "a batch to Explicit VR LE: ours vs dcmdjpeg/dcmdjpls/dcmdrle/gdcmconv once per file.")
    static final class Decode extends OnGeneratedFiles {
        @Option(names = "--codec", split = ",", description = "only these: jpeg-lossless, jpeg-ls, jpeg2000 (all JPEG 2000"
                + " lines), jpeg2000-lossy, jpeg2000-weasis-file, rle, jpeg-12bit")
        java.util.List<String> codecs = new java.util.ArrayList<>();

        @Option(names = "--shared", defaultValue = "../shared", description = "the shared reference folder holding"
                + " dicomdata, for the JPEG 2000 line on Weasis's own file (default ${DEFAULT-VALUE})")
        Path shared;

        @Override
        void run(BenchData data, PrintWriter out) throws Exception {
            org.pdistation.viewer.bench.DecodeBenchmark.run(data, common.warmup, common.pairs, codecs, shared, out);
        }
    }

    @Command(name = "create", description = "A CD file-set folder from N generated CT files without transcoding: "
            + "ours (plan, stage, DICOMDIR, write, read-back) vs cp -r + dcmmkdir +r +id.")
    static final class Create implements Callable<Integer> {
        @CommandLine.Mixin
        GeneratedFiles generated = new GeneratedFiles(1000);

        @CommandLine.Mixin
        Common common = new Common();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (BenchData data = BenchData.generate(common.work(), generated.files, out)) {
                org.pdistation.viewer.bench.CreateBenchmark.run(data, common.warmup, common.pairs, out);
            }
            return 0;
        }
    }

    @Command(name = "import", description = "Import N generated CT slices from a folder medium with DICOMDIR into a"
            + " fresh Orthanc: ours (coerced; 1 and 4 associations) vs storescu +sd +r.")
    static final class Import implements Callable<Integer> {
        @CommandLine.Mixin
        GeneratedFiles generated = new GeneratedFiles(500);

        @Option(names = "--rounds", defaultValue = "5", description = "timed rounds after one warm-up (default ${DEFAULT-VALUE})")
        int rounds;

        @CommandLine.Mixin
        WorkFolder folder = new WorkFolder();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (BenchData data = BenchData.generate(folder.work, generated.files, out)) {
                org.pdistation.viewer.bench.ImportBenchmark.run(data, rounds, out);
            }
            return 0;
        }
    }

    @Command(name = "window", description = "Window 16-bit -> 8-bit at 512^2 and 4096^2 against a plain copy of the same bytes; colour to ARGB MP/s.")
    static final class Window implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            int pairs = Math.max(5, common.pairs) * 6 + 1;
            for (var r : new org.pdistation.imaging.render.WindowBenchmark.Result[] {
                    org.pdistation.imaging.render.WindowBenchmark.run(512, pairs),
                    org.pdistation.imaging.render.WindowBenchmark.run(4096, pairs)}) {
                out.println(r.line() + "   (ms; ratio = ours/copy of the input short[], 2 bytes a pixel)");
                out.println(r.detailLines());
            }
            for (String line : org.pdistation.imaging.render.colour.ColourBenchmark.run(512, pairs)) out.println(line);
            out.flush();
            return 0;
        }
    }

    @Command(name = "scroll", description = "Open and scroll an N-slice 512^2 CT series (decode + window, no UI): "
            + "first image, frames/s; and the heap of a 2,000-slice scroll under -Xmx512m.")
    static final class Scroll implements Callable<Integer> {
        @CommandLine.Mixin
        Slices n = new Slices();

        @Option(names = "--heap-slices", defaultValue = "2000", description = "slices for the -Xmx512m run, 0 to skip (default ${DEFAULT-VALUE})")
        int heapSlices;

        @CommandLine.Mixin
        Common common = new Common();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            org.pdistation.viewer.bench.ScrollBenchmark.run(n.slices, heapSlices, common.work(), spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "iso", description = "Write an ISO 9660 + Joliet image of a generated CD-sized file-set: "
            + "ours vs xorriso -as mkisofs -J.")
    static final class Iso implements Callable<Integer> {
        @Option(names = "--size-mb", defaultValue = "650", description = "file-set size in MB (default ${DEFAULT-VALUE})")
        int sizeMb;

        @Option(names = "--rounds", defaultValue = "3", description = "timed ours/peer rounds after one untimed each (default ${DEFAULT-VALUE})")
        int rounds;

        @Option(names = "--work", description = "folder for the generated files and images (default: a temporary folder, deleted after)")
        Path work;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            org.pdistation.viewer.bench.IsoBenchmark.run(sizeMb, rounds, work, spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "store", description = "C-STORE N generated CT files to DCMTK storescp: our StoreScu vs storescu, "
            + "with 1 and with 4 associations against one storescu, and 4 associations against 4 storescu processes.")
    static final class Store extends OnGeneratedFiles {
        @Override
        void run(BenchData data, PrintWriter out) throws Exception {
            org.pdistation.viewer.bench.StoreBenchmark.runStore(data, new AlternatingRunner(common.warmup,
                    common.pairs), out);
        }
    }

    @Command(name = "scp", description = "storescu sends N generated CT files to our DicomServer (folder sink) vs to "
            + "DCMTK storescp.")
    static final class Scp extends OnGeneratedFiles {
        @Override
        void run(BenchData data, PrintWriter out) throws Exception {
            org.pdistation.viewer.bench.StoreBenchmark.runScp(data, new AlternatingRunner(common.warmup,
                    common.pairs), out);
        }
    }

    @Command(name = "archive-receive", description = "Receive N generated CT slices from storescu +sd +r: our archive "
            + "(filed and indexed) vs storescp -od, alternately.")
    static final class ArchiveReceive extends OnGeneratedFiles {
        @Override
        void run(BenchData data, PrintWriter out) throws Exception {
            org.pdistation.viewer.bench.ArchiveBenchmark.receive(data, common.warmup, common.pairs, out);
        }
    }

    @Command(name = "archive-find", description = "C-FIND latency (study level, patient-name query) over an archive "
            + "index of N generated instance rows.")
    static final class ArchiveFind implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "N", defaultValue = "100000", description = "rows (default ${DEFAULT-VALUE})")
        int rows;

        @Option(names = "--repeats", defaultValue = "21", description = "timed queries (default ${DEFAULT-VALUE})")
        int repeats;

        @CommandLine.Mixin
        Common common = new Common();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            org.pdistation.viewer.bench.ArchiveBenchmark.find(common.work(), rows, repeats, spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "ui", description = "The station's UI through the real render path (run under a display or "
            + "xvfb-run): first image of an N-slice DICOMDIR series, a 30-study browser, scroll and cine frame times at "
            + "512^2, start to window.")
    static final class Ui implements Callable<Integer> {
        @CommandLine.Mixin
        Slices n = new Slices();
        @Option(names = "--studies", defaultValue = "30", description = "studies on the browser disc (default ${DEFAULT-VALUE})")
        int studies;
        @CommandLine.Mixin
        WorkFolder folder = new WorkFolder();
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            org.pdistation.viewer.bench.UiBenchmark.run(n.slices, studies, folder.work, spec.commandLine().getOut());
            javafx.application.Platform.exit();
            return 0;
        }
    }
}
