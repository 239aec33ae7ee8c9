package org.pdistation.viewer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.pdistation.imaging.codec.FrameException;
import org.pdistation.imaging.codec.Transcoder;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.io.TransferSyntax;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pdistation transcode --to SYNTAX IN… --out DIR}: rewrites images in another transfer syntax, keeping each
 * file's path relative to the folder it was found under. Lossless only unless {@code --lossy} is given.
 */
@Command(name = "transcode", mixinStandardHelpOptions = true,
        description = "Rewrite DICOM files in another transfer syntax (lossless unless --lossy).")
public final class TranscodeCommand implements Callable<Integer> {
    /** Target syntaxes by the names a clerk types. */
    public enum Target {
        explicit_le(UID.ExplicitVRLittleEndian),
        implicit_le(UID.ImplicitVRLittleEndian),
        deflated(UID.DeflatedExplicitVRLittleEndian),
        jpeg_lossless(UID.JPEGLosslessSV1),
        jpeg_ls(UID.JPEGLSLossless),
        rle(UID.RLELossless);

        final String uid;

        Target(String uid) {
            this.uid = uid;
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--to", required = true, converter = TargetConverter.class,
            description = "explicit-le, implicit-le, deflated, jpeg-lossless, jpeg-ls or rle")
    Target target;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the rewritten files")
    Path out;

    @Option(names = "--lossy", description = "allow a lossy target syntax")
    boolean lossy;

    @Parameters(arity = "1..*", paramLabel = "IN", description = "files or folders")
    List<Path> inputs;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Transcoder transcoder = new Transcoder(org.pdistation.imaging.codec.CodecRegistry.standard(), lossy);
        TransferSyntax ts = TransferSyntax.of(target.uid);
        int done = 0;
        int failed = 0;
        for (Path input : inputs) {
            List<Path[]> jobs;
            try {
                jobs = jobs(input);
            } catch (IOException e) {
                err.println("transcode: cannot read " + input + ": " + e.getMessage());
                failed++;
                continue;
            }
            for (Path[] job : jobs) {
                try {
                    transcoder.transcode(job[0], job[1], ts);
                    done++;
                } catch (IOException | FrameException | RuntimeException e) {
                    err.println("transcode: " + job[0] + ": " + e.getMessage());
                    failed++;
                }
            }
        }
        stdout.println("transcoded " + done + ", failed " + failed);
        stdout.flush();
        err.flush();
        return failed == 0 ? 0 : 1;
    }

    private List<Path[]> jobs(Path input) throws IOException {
        List<Path[]> jobs = new ArrayList<>();
        if (Files.isDirectory(input)) {
            try (Stream<Path> s = Files.walk(input)) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    if (p.getFileName().toString().equalsIgnoreCase("DICOMDIR")) continue;
                    jobs.add(new Path[] {p, out.resolve(input.relativize(p).toString())});
                }
            }
        } else {
            jobs.add(new Path[] {input, out.resolve(input.getFileName().toString())});
        }
        return jobs;
    }

    /** Accepts {@code explicit-le} as well as {@code explicit_le}. */
    static final class TargetConverter implements picocli.CommandLine.ITypeConverter<Target> {
        @Override
        public Target convert(String value) {
            return Target.valueOf(value.strip().toLowerCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }
}
