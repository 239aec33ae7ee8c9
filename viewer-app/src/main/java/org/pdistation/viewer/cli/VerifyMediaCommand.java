package org.pdistation.viewer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pdistation.imaging.media.OpenedMedium;
import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.media.verify.Finding;
import org.pdistation.imaging.media.verify.MediaVerifier;
import org.pdistation.imaging.media.verify.Severity;
import org.pdistation.imaging.media.verify.VerifyOptions;
import org.pdistation.imaging.media.verify.VerifyReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pdistation verify-media [--profile P] [--quiet] PATH}: checks a PDI medium against PDI-REQUIREMENTS A-D,
 * one line per finding ({@code ERROR  R16  DICOMDIR @1234 (0004,1400): ...}) and a summary line. Exit code 0: no
 * errors; 1: errors; 2: usage.
 */
@Command(name = "verify-media", mixinStandardHelpOptions = true,
        description = "Check a PDI medium (folder, DICOMDIR or .iso) against the PDI/DICOMDIR conformance rules.")
public final class VerifyMediaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "medium root folder, its DICOMDIR, or an .iso image")
    Path path;

    @Option(names = "--profile", description = "expected profile (STD-GEN-CD, STD-GEN-DVD-JPEG, ...); "
            + "default: inferred from the transfer syntaxes")
    String profile;

    @Option(names = "--quiet", description = "print errors and the summary only")
    boolean quiet;

    @Option(names = "--web", description = "require the IHE PDI Web Content option (INDEX.HTM, IHE_PDI/)")
    boolean web;

    @Option(names = "--max-files", defaultValue = "200000", description = "files examined at most (default: ${DEFAULT-VALUE})")
    int maxFiles;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        VerifyOptions options = VerifyOptions.DEFAULT.withWebContent(web);
        try {
            if (profile != null) {
                options = options.withProfile(Profile.of(profile));
            }
            options = options.withMaxFiles(maxFiles);
        } catch (IllegalArgumentException e) {
            err.println("verify-media: " + e.getMessage());
            return 2;
        }
        if (!Files.exists(path)) {
            err.println("verify-media: no such file or folder: " + path);
            return 2;
        }
        OpenedMedium medium;
        try {
            medium = OpenedMedium.open(path);
        } catch (IOException e) {
            // A corrupt ISO image is a broken medium, not a usage error.
            err.println("verify-media: cannot open " + path + ": " + e.getMessage());
            return 1;
        }
        VerifyReport report;
        try (medium) {
            report = MediaVerifier.verify(medium.image() ? medium.root() : path, options);
        } catch (IOException | RuntimeException e) {
            err.println("verify-media: " + path + ": " + e.getMessage());
            return 1;
        }
        for (Finding f : report.findings()) {
            if (!quiet || f.severity() == Severity.ERROR) {
                out.println(f.format());
            }
        }
        if (report.dropped() > 0) {
            out.println("... " + report.dropped() + " more findings not shown");
        }
        out.println(report.summary());
        out.flush();
        return report.hasErrors() ? 1 : 0;
    }
}
