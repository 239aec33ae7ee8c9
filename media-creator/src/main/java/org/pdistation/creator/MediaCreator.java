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
import org.pdistation.creator.verify.MediumCheck;
import org.pdistation.creator.verify.ReadBackVerifier;
import org.pdistation.imaging.codec.CodecRegistry;

/**
 * Runs a plan: for each medium, stage → write to its target → read back and verify. A medium is DONE only when
 * the verification passed; any failure makes it FAILED with the reason, keeps the staged folder for inspection and
 * goes on with the next medium. {@link #cancel()} (from any thread) stops between files.
 *
 * <p>The lead plugs in web content / viewer copies as {@link StagingStep}s and MediaVerifier as a
 * {@link MediumCheck}.
 */
public final class MediaCreator {
    private final CreateOptions options;
    private final List<StagingStep> steps;
    private final List<MediumCheck> checks;
    private final CodecRegistry registry;
    private final Path stagingParent;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** @param stagingParent where staging folders go; null: beside the target where it allows, else the temp dir */
    public MediaCreator(CreateOptions options, List<StagingStep> steps, List<MediumCheck> checks,
                        CodecRegistry registry, Path stagingParent) {
        this.options = options;
        this.steps = List.copyOf(steps);
        this.checks = List.copyOf(checks);
        this.registry = registry;
        this.stagingParent = stagingParent;
    }

    public MediaCreator(CreateOptions options) {
        this(options, List.of(), List.of(), CodecRegistry.standard(), null);
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
            try (WrittenMedium written = target.write(staging, staged.set().fileSetId(), p)) {
                errors = new ReadBackVerifier(checks).verify(written, digests, staged.set().files(), p);
            }
            if (!errors.isEmpty()) {
                return report(m, target, staged, bytes, CreateReport.Outcome.FAILED,
                        "verification after writing failed: " + String.join("; ", errors.subList(0,
                                Math.min(10, errors.size()))), staging);
            }
            FolderTarget.deleteTree(staging);
            return report(m, target, staged, bytes, CreateReport.Outcome.DONE, null, null);
        } catch (InterruptedIOException e) {
            return report(m, target, staged, 0, CreateReport.Outcome.CANCELLED, "cancelled", staging);
        } catch (IOException | RuntimeException e) {
            return report(m, target, staged, 0, CreateReport.Outcome.FAILED, describe(e), staging);
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
                                                    long bytes, CreateReport.Outcome outcome, String reason,
                                                    Path staging) {
        List<StagedFile> files = staged == null ? List.of() : staged.set().files();
        long transcoded = files.stream().filter(StagedFile::transcoded).count();
        return new CreateReport.MediumReport(m.number(), target.describe(), files.size(), bytes, transcoded,
                staged == null ? List.of() : staged.warnings(), staged == null ? List.of() : staged.leftOff(),
                outcome, reason, staging != null && Files.exists(staging) ? staging : null);
    }
}
