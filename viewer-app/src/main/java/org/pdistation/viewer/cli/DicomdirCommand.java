package org.pdistation.viewer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pdistation.imaging.media.DicomDirWriter;
import org.pdistation.imaging.media.FileSetProblem;
import org.pdistation.imaging.media.Profile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pdistation dicomdir DIR}: writes DIR/DICOMDIR for the DICOM files below DIR, whose names must already be
 * conformant File IDs. Exit code 0: written, nothing skipped; 1: written but files were skipped (or it failed);
 * 2: usage.
 */
@Command(name = "dicomdir", mixinStandardHelpOptions = true,
        description = "Write DIR/DICOMDIR for the DICOM files below DIR (PS3.10 file IDs, PS3.11 profile).")
public final class DicomdirCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "file-set root folder")
    Path dir;

    @Option(names = "--profile", defaultValue = "STD-GEN-CD",
            description = "STD-GEN-CD, STD-GEN-DVD-JPEG, STD-GEN-USB-JPEG, STD-GEN-DVD-J2K, STD-GEN-USB-J2K "
                    + "(default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--fileset-id", defaultValue = "", description = "File-set ID: 0-16 characters A-Z 0-9 _")
    String fileSetId;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Profile p;
        try {
            p = Profile.of(profile);
        } catch (IllegalArgumentException e) {
            err.println("dicomdir: " + e.getMessage());
            return 2;
        }
        if (!fileSetId.matches("[A-Z0-9_]{0,16}")) {
            err.println("dicomdir: --fileset-id must be 0-16 characters A-Z 0-9 _");
            return 2;
        }
        if (!Files.isDirectory(dir)) {
            err.println("dicomdir: not a folder: " + dir);
            return 2;
        }
        DicomDirWriter.Outcome o;
        try {
            o = DicomDirWriter.write(new DicomDirWriter.Request(dir, p, fileSetId));
        } catch (IOException | RuntimeException e) {
            err.println("dicomdir: cannot write " + dir.resolve("DICOMDIR") + ": " + e.getMessage());
            return 1;
        }
        out.println("wrote " + o.dicomdir() + " (" + p + "): " + o.patients() + " patient(s), " + o.studies()
                + " study(ies), " + o.series() + " series, " + o.instances() + " instance(s), "
                + o.skipped().size() + " file(s) skipped");
        out.flush();
        for (FileSetProblem problem : o.problems()) {
            err.println(problem.describe());
        }
        err.flush();
        return o.skipped().isEmpty() ? 0 : 1;
    }
}
