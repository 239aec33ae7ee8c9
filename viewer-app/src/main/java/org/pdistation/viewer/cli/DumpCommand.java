package org.pdistation.viewer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pdistation.imaging.dump.DumpFormatter;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.io.ReadProblem;
import org.pdistation.imaging.json.JsonModelWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pdistation dump}: lists DICOM files as text (dcmdump-like) or as the DICOM JSON Model (PS3.18 F.2).
 *
 * <p>Several files give several text listings, or for JSON an array with one object per file that could be read, in
 * argument order (an unreadable file is left out, not written as {@code null}, so every element is a dataset).
 * A file that cannot be read, or only partly, is named on stderr and makes the exit code 1; the others are still
 * dumped. A partly read file is dumped as far as it was read.
 */
@Command(name = "dump",
        mixinStandardHelpOptions = true,
        description = {"Lists the elements of DICOM files.",
                "With several files, JSON output is an array of objects in argument order; files that cannot be "
                        + "read are reported on stderr and left out."})
public final class DumpCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(DumpCommand.class);

    /** Output formats. */
    public enum Format { TEXT, JSON }

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "text (default) or json (DICOM JSON Model, PS3.18 F.2)")
    Format format;

    @Option(names = "--bulk", defaultValue = "inline", paramLabel = "inline|uri|omit",
            description = "JSON only: large binary values as InlineBinary (default), as a BulkDataURI into the "
                    + "file, or omitted")
    JsonModelWriter.BulkMode bulk;

    @Option(names = "--meta", description = "JSON only: include the file meta information (group 0002)")
    boolean meta;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "DICOM files")
    Path[] files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean failed = false;
        boolean array = format == Format.JSON && files.length > 1;
        boolean first = true;
        if (array) {
            out.print('[');
        }
        for (Path file : files) {
            DicomFile df;
            try {
                df = DicomReader.read(file, ReadOptions.BULK_BY_REFERENCE);
            } catch (IOException | RuntimeException e) {
                failed = true;
                err.println("pdistation dump: " + file + ": cannot read: " + message(e));
                // The path may name a patient: only the kind of failure goes to the log.
                LOG.debug("dump: a file could not be read: {}", e.getClass().getSimpleName());
                continue;
            }
            if (!df.complete()) {
                failed = true;
                err.println("pdistation dump: " + file + ": read only partly: " + firstError(df));
            }
            try {
                if (format == Format.JSON) {
                    if (!first) {
                        out.print(',');
                    }
                    new JsonModelWriter(bulk).write(df, meta, out);
                } else {
                    new DumpFormatter().format(df, out);
                }
                first = false;
            } catch (IOException | RuntimeException e) {
                // A bulk value that cannot be loaded any more (file changed under us): the output is cut.
                failed = true;
                err.println("pdistation dump: " + file + ": " + message(e));
            }
        }
        if (array) {
            out.print(']');
        }
        if (format == Format.JSON) {
            out.println();
        }
        out.flush();
        err.flush();
        return failed ? PdiStationCommand.EXIT_INPUT_FAILED : 0;
    }

    private static String firstError(DicomFile df) {
        return df.problems().stream().filter(p -> p.severity() == ReadProblem.Severity.ERROR).findFirst()
                .map(p -> p.describe(null)).orElse("reading stopped early");
    }

    private static String message(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
