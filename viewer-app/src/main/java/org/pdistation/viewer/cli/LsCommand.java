package org.pdistation.viewer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pdistation.imaging.media.FileSetOpener;
import org.pdistation.imaging.media.FileSetProblem;
import org.pdistation.imaging.media.FileSetSummary;
import org.pdistation.imaging.media.SummaryFormat;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pdistation ls PATH}: lists the patients, studies and series of a file-set, from its DICOMDIR or, when it
 * has none, by scanning the folder. Problems go to standard error.
 */
@Command(name = "ls", mixinStandardHelpOptions = true,
        description = "List patients, studies and series of a DICOMDIR, a folder with one, or a folder to scan.")
public final class LsCommand implements Callable<Integer> {
    public enum Format { text, tsv }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "DICOMDIR file or folder")
    Path path;

    @Option(names = "--format", defaultValue = "text", description = "text or tsv (default: ${DEFAULT-VALUE})")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.exists(path)) {
            err.println("ls: no such file or folder: " + path);
            return 2;
        }
        FileSetSummary summary;
        try {
            summary = FileSetOpener.open(path).summary();
        } catch (IOException | RuntimeException e) {
            err.println("ls: cannot read " + path + ": " + e.getMessage());
            return 1;
        }
        out.print(format == Format.tsv ? SummaryFormat.tsv(summary) : SummaryFormat.text(summary));
        out.flush();
        for (FileSetProblem p : summary.problems()) {
            err.println(p.describe());
        }
        err.flush();
        return 0;
    }
}
