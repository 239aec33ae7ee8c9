package org.pdistation.viewer.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.pdistation.imaging.media.FileSetOpener;
import org.pdistation.imaging.media.OpenedMedium;
import org.pdistation.imaging.media.verify.Finding;
import org.pdistation.imaging.media.verify.FindingKind;
import org.pdistation.imaging.media.verify.MediaVerifier;
import org.pdistation.imaging.media.verify.Severity;
import org.pdistation.imaging.media.verify.VerifyOptions;
import org.pdistation.imaging.media.verify.VerifyReport;
import org.pdistation.viewer.i18n.Messages;

/**
 * Checks an opened medium with {@link MediaVerifier} (PDI-REQUIREMENTS A-D) and says what it found in words. Runs
 * on a background thread after the browser is filled; the verifier's own bounds keep it finite on any medium.
 */
public final class MediumCheck {
    /**
     * @param problems serious ones first, then remarks; in the verifier's order within each
     * @param serious  how many another hospital's software may refuse the medium for
     * @param missingFiles the File IDs ('/'-separated) of the files the DICOMDIR lists that are not there (R20)
     */
    public record Result(List<MediumProblem> problems, int serious, Set<String> missingFiles) {
        public Result {
            problems = List.copyOf(problems);
            missingFiles = Set.copyOf(missingFiles);
        }

        public Result(List<MediumProblem> problems, int serious) {
            this(problems, serious, Set.of());
        }

        public int remarks() { return problems.size() - serious; }
    }

    private final Messages messages;
    private final ProblemSentences sentences;

    public MediumCheck(Messages messages) {
        this.messages = messages;
        this.sentences = new ProblemSentences(messages);
    }

    /**
     * Whether {@code source} is a medium to check: a DICOMDIR, a folder holding one, or an ISO image. A folder of
     * loose files or a single file is not a disc, so "this disc has problems" would not apply to it.
     */
    public static boolean applies(Path source) {
        try {
            if (source == null) return false;
            if (Files.isDirectory(source)) return FileSetOpener.findDicomdir(source) != null;
            if (!Files.isRegularFile(source)) return false;
            String n = source.getFileName().toString().toUpperCase(java.util.Locale.ROOT);
            return n.startsWith("DICOMDIR") || OpenedMedium.isIsoImage(source);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Checks {@code source}; never throws: a medium that cannot be checked is one problem saying so. */
    public Result check(Path source) {
        try {
            if (Files.isRegularFile(source) && OpenedMedium.isIsoImage(source)) {
                try (OpenedMedium iso = OpenedMedium.open(source)) {
                    return result(MediaVerifier.verify(iso.root(), VerifyOptions.DEFAULT));
                }
            }
            return result(MediaVerifier.verify(source, VerifyOptions.DEFAULT));
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Result(List.of(new MediumProblem(true, messages.get("check.failed"), "", "", why)), 1);
        }
    }

    private Result result(VerifyReport report) {
        List<MediumProblem> out = new ArrayList<>();
        Set<String> missing = new TreeSet<>();
        for (Finding f : report.findings()) {
            if (f.severity() != Severity.INFO) out.add(sentences.of(f)); // INFO only tells what was inferred
            if (f.kind() == FindingKind.MISSING_FILE) missing.add(f.file());
        }
        out.sort(Comparator.comparing(p -> !p.serious())); // stable: the verifier's order within each group
        int serious = (int) out.stream().filter(MediumProblem::serious).count();
        return new Result(out, serious, missing);
    }
}
