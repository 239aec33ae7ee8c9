package org.pdistation.creator;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

import org.pdistation.creator.plan.Plan;
import org.pdistation.creator.plan.PlannedMedium;
import org.pdistation.creator.stage.CreateOptions;
import org.pdistation.creator.stage.Privacy;
import org.pdistation.creator.stage.StagedFile;
import org.pdistation.creator.stage.Stager;
import org.pdistation.creator.stage.StagingStep;
import org.pdistation.creator.target.FolderTarget;
import org.pdistation.creator.target.MediaTarget;
import org.pdistation.creator.target.Progress;
import org.pdistation.creator.target.WrittenMedium;
import org.pdistation.creator.verify.ConformanceCheck;
import org.pdistation.creator.verify.MediumCheck;
import org.pdistation.creator.verify.ReadBackVerifier;
import org.pdistation.imaging.codec.CodecRegistry;

/**
 * Runs a plan: for each medium, stage → write to its target → read back and verify. A medium is DONE only when
 * the verification passed; any failure makes it FAILED with the reason, keeps the staged folder for inspection and
 * goes on with the next medium. {@link #cancel()} (from any thread) stops between files.
 *
 * <p>Web content / viewer copies plug in as {@link StagingStep}s. After writing, the medium is read back and, by
 * default, checked by imaging-core's MediaVerifier for the plan's profile ({@link ConformanceCheck}): errors fail
 * it, warnings are reported. A failed medium is rolled back ({@link WrittenMedium#rollBack()}) so that it does not
 * look complete.
 */
public final class MediaCreator {
    private final CreateOptions options;
    private final List<StagingStep> steps;
    private final List<MediumCheck> checks;
    private final CodecRegistry registry;
    private final Path stagingParent;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /**
     * @param checks        conformance checks of the written medium; null: the default, imaging-core's MediaVerifier
     *                      for the plan's profile ({@link ConformanceCheck}); empty: the read-back checks only
     * @param stagingParent where staging folders go; null: beside the target where it allows, else the temp dir
     */
    public MediaCreator(CreateOptions options, List<StagingStep> steps, List<MediumCheck> checks,
                        CodecRegistry registry, Path stagingParent) {
        this.options = options;
        this.steps = List.copyOf(steps);
        this.checks = checks == null ? null : List.copyOf(checks);
        this.registry = registry;
        this.stagingParent = stagingParent;
    }

    /** With the default conformance check ({@link ConformanceCheck}, MediaVerifier) after writing. */
    public MediaCreator(CreateOptions options) {
        this(options, List.of(), null, CodecRegistry.standard(), null);
    }

    public void cancel() {
        cancelled.set(true);
    }

    /** @param targets the target of medium n (1-based) */
    public CreateReport create(Plan plan, IntFunction<MediaTarget> targets, Progress progress) {
        List<CreateReport.MediumReport> out = new ArrayList<>();
        for (PlannedMedium m : plan.media()) {
            out.add(createOne(plan, m, targets.apply(m.number()), progress));
        }
        return new CreateReport(plan, out);
    }

    private CreateReport.MediumReport createOne(Plan plan, PlannedMedium m, MediaTarget target, Progress progress) {
        Path staging = null;
        Stager.Result staged = null;
        int count = plan.media().size();
        try {
            if (cancelled.get()) {
                throw new InterruptedIOException("cancelled");
            }
            Path parent = stagingParent != null ? stagingParent : target.preferredStagingParent();
            staging = parent != null ? Privacy.createTempDirectory(parent, ".pdistation-staging-")
                    : Privacy.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "pdistation-staging-");
            Progress p = (phase, done, total) -> {
                progress.update("medium " + m.number() + "/" + count + " " + phase, done, total);
            };
            staged = new Stager(plan.profile(), options, steps, registry).stage(m, count, staging, p, cancelled::get);
            boolean sameParent = parent != null && stagingParent == null;
            Map<String, String> digests = ReadBackVerifier.digests(staging, !sameParent, Progress.NONE);
            long bytes = 0;
            try (var s = Files.walk(staging)) {
                bytes = s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            }
            if (cancelled.get()) {
                throw new InterruptedIOException("cancelled");
            }
            List<String> errors;
            List<String> checkWarnings = new ArrayList<>();
            List<MediumCheck> all = checks != null ? checks
                    : List.of(new ConformanceCheck(plan.profile(), options.web()));
            try (WrittenMedium written = target.write(staging, staged.set().fileSetId(), p)) {
                try {
                    errors = new ReadBackVerifier(all).verify(written, digests, staged.set().files(), p,
                            checkWarnings);
                } catch (IOException | RuntimeException e) {
                    errors = List.of("the medium could not be read back: " + describe(e));
                }
                if (!errors.isEmpty()) {
                    // The medium must not look complete: undo the write; the staged copy stays for inspection.
                    String undone;
                    try {
                        undone = written.rollBack();
                    } catch (IOException | RuntimeException e) {
                        undone = "undoing the write failed (" + describe(e) + "); the target may hold an incomplete"
                                + " file-set";
                    }
                    return report(m, target, staged, bytes, checkWarnings, CreateReport.Outcome.FAILED,
                            "verification after writing failed: " + String.join("; ", errors.subList(0,
                                    Math.min(10, errors.size())))
                                    + (errors.size() > 10 ? "; and " + (errors.size() - 10) + " more" : "")
                                    + "; " + undone + "; staged files kept in " + staging, staging);
                }
            }
            FolderTarget.deleteTree(staging);
            return report(m, target, staged, bytes, checkWarnings, CreateReport.Outcome.DONE, null, null);
        } catch (InterruptedIOException e) {
            return report(m, target, staged, 0, List.of(), CreateReport.Outcome.CANCELLED, "cancelled", staging);
        } catch (IOException | RuntimeException e) {
            return report(m, target, staged, 0, List.of(), CreateReport.Outcome.FAILED,
                    describe(e) + (staging != null && Files.exists(staging) ? "; staged files kept in " + staging
                            : ""), staging);
        }
    }

    private static String describe(Throwable e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable c = e.getCause();
        if (c != null && c.getMessage() != null && !msg.contains(c.getMessage())) {
            msg += " (" + c.getClass().getSimpleName() + ": " + c.getMessage() + ")";
        } else if (c != null && !(c instanceof IOException)) {
            msg += " (" + c.getClass().getSimpleName() + ")";
        }
        return msg;
    }

    private static CreateReport.MediumReport report(PlannedMedium m, MediaTarget target, Stager.Result staged,
                                                    long bytes, List<String> checkWarnings,
                                                    CreateReport.Outcome outcome, String reason, Path staging) {
        List<StagedFile> files = staged == null ? List.of() : staged.set().files();
        List<String> warnings = new ArrayList<>(staged == null ? List.of() : staged.warnings());
        warnings.addAll(checkWarnings);
        long transcoded = files.stream().filter(StagedFile::transcoded).count();
        return new CreateReport.MediumReport(m.number(), target.describe(), files.size(), bytes, transcoded,
                warnings, staged == null ? List.of() : staged.leftOff(),
                outcome, reason, staging != null && Files.exists(staging) ? staging : null);
    }
}
