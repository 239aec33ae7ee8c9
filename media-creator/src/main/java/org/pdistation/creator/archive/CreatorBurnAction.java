package org.pdistation.creator.archive;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.pdistation.creator.CreateReport;
import org.pdistation.creator.MediaCreator;
import org.pdistation.creator.burn.BurnOptions;
import org.pdistation.creator.burn.Burner;
import org.pdistation.creator.burn.Cancellation;
import org.pdistation.creator.burn.Drive;
import org.pdistation.creator.plan.MediumSize;
import org.pdistation.creator.plan.Plan;
import org.pdistation.creator.plan.Planner;
import org.pdistation.creator.plan.Selection;
import org.pdistation.creator.plan.SelectionReader;
import org.pdistation.creator.plan.TranscodePolicy;
import org.pdistation.creator.stage.CreateOptions;
import org.pdistation.creator.stage.Privacy;
import org.pdistation.creator.target.DiscTarget;
import org.pdistation.creator.target.FolderTarget;
import org.pdistation.creator.target.IsoTarget;
import org.pdistation.creator.target.MediaTarget;
import org.pdistation.creator.target.WrittenMedium;
import org.pdistation.imaging.archive.Archive;
import org.pdistation.imaging.archive.burn.AutoBurnRule;
import org.pdistation.imaging.archive.burn.BurnAction;
import org.pdistation.imaging.archive.burn.BurnJob;
import org.pdistation.imaging.archive.burn.BurnState;
import org.pdistation.imaging.codec.CodecRegistry;
import org.pdistation.imaging.media.Profile;

/**
 * The archive's auto-burn action over media-creator: the study's stored files → plan for the rule's profile → stage
 * → write to the rule's target → read back and verify (MediaCreator's ReadBackVerifier and ConformanceCheck). Each
 * state is reported as it is entered (STAGING, WRITING, VERIFYING); returning means DONE, an exception FAILED with a
 * message meant for the clerk.
 *
 * <p>Nothing unverified looks complete: an ISO image or a folder is written under a name ending in
 * {@code .unverified} and renamed to its final name ({@code <rule>-job<id>.iso} or {@code <rule>-job<id>/}, no patient
 * data in the name) only after the verification passed. A job that was interrupted and starts over first removes
 * what its earlier attempt left, so a job yields exactly one medium. Staging happens in {@code workFolder} (the
 * archive's own folder, owner-only), emptied before each job, so failures do not pile up copies of patient data.
 */
public final class CreatorBurnAction implements BurnAction {
    static final String UNVERIFIED = ".unverified";
    private final CreateOptions options;
    private final Burner burner;
    private final Path workFolder;
    private final CodecRegistry registry;

    /**
     * @param options    institution and the like for README.TXT; {@code replace} is ignored (a job owns its names)
     * @param burner     the platform's burner for DISC targets ({@code Burners.forPlatform()})
     * @param workFolder staging and disc images; created owner-only
     */
    public CreatorBurnAction(CreateOptions options, Burner burner, Path workFolder, CodecRegistry registry) {
        this.options = options.withReplace(true);
        this.burner = burner;
        this.workFolder = workFolder;
        this.registry = registry;
    }

    @Override
    public void burn(BurnJob job, AutoBurnRule rule, Archive archive, BurnAction.Progress progress) throws Exception {
        progress.entered(BurnState.STAGING);
        Path work = workFolder.toAbsolutePath();
        Privacy.createDirectories(work);
        clearFolder(work);
        Selection selection = SelectionReader.read(ArchiveStudies.files(archive, List.of(job.studyUid())));
        if (!selection.problems().isEmpty()) {
            throw new IOException(selection.problems().size() + " stored file(s) of the study could not be read ("
                    + selection.problems().get(0).message() + "); run 'pdistation archive check'");
        }
        Plan plan = new Planner(rule.profile(), mediumSize(rule), new TranscodePolicy(registry, false), 0)
                .plan(selection);
        if (!plan.leftOff().isEmpty()) {
            throw new IOException(plan.leftOff().size() + " image(s) of the study cannot go on " + rule.profile()
                    + " media: " + plan.leftOff().get(0).decision().reason());
        }
        int count = plan.media().size();
        if (count == 0) {
            throw new IOException("nothing of the study can be written");
        }
        if (rule.target().kind() == AutoBurnRule.Kind.DISC && count > 1) {
            throw new IOException("the study needs " + count + " discs of this size; use a larger medium profile "
                    + "(DVD) or burn it by hand");
        }
        List<Path[]> outputs = new ArrayList<>(); // {unverified, final} per medium
        for (int n = 1; n <= count; n++) {
            outputs.add(output(job, rule, n, count));
        }
        for (Path[] o : outputs) {
            removeLeftovers(o);
        }
        MediaCreator creator = new MediaCreator(options, List.of(), null, registry, work);
        CreateReport report = creator.create(plan, n -> reporting(target(rule, outputs, n), progress),
                org.pdistation.creator.target.Progress.NONE);
        if (!report.allDone()) {
            for (Path[] o : outputs) {
                removeLeftovers(o);
            }
            clearFolder(work);
            StringBuilder why = new StringBuilder();
            for (CreateReport.MediumReport m : report.media()) {
                if (m.outcome() != CreateReport.Outcome.DONE) {
                    why.append(why.isEmpty() ? "" : "; ").append(count > 1 ? "medium " + m.number() + ": " : "")
                            .append(withoutStagingNote(m.reason()));
                }
            }
            throw new IOException(why.toString());
        }
        if (rule.target().kind() != AutoBurnRule.Kind.DISC) {
            for (Path[] o : outputs) {
                move(o[0], o[1]);
            }
        }
    }

    /** Reports WRITING when the target starts and VERIFYING when it has written (MediaCreator reads back next). */
    private static MediaTarget reporting(MediaTarget t, BurnAction.Progress progress) {
        return new MediaTarget() {
            @Override
            public String describe() {
                return t.describe();
            }

            @Override
            public Path preferredStagingParent() {
                return t.preferredStagingParent();
            }

            @Override
            public WrittenMedium write(Path staging, String fileSetId,
                                       org.pdistation.creator.target.Progress p) throws IOException {
                progress.entered(BurnState.WRITING);
                WrittenMedium w = t.write(staging, fileSetId, p);
                progress.entered(BurnState.VERIFYING);
                return w;
            }
        };
    }

    private MediaTarget target(AutoBurnRule rule, List<Path[]> outputs, int n) {
        return switch (rule.target().kind()) {
            case ISO -> new IsoTarget(outputs.get(n - 1)[0], true);
            case FOLDER -> new FolderTarget(outputs.get(n - 1)[0], true);
            case DISC -> new DiscTarget(burner, Drive.of(rule.target().destination()), BurnOptions.DEFAULT,
                    Cancellation.none(), workFolder);
        };
    }

    /** {unverified, final} paths of medium n; none for a disc. */
    private static Path[] output(BurnJob job, AutoBurnRule rule, int n, int count) {
        if (rule.target().kind() == AutoBurnRule.Kind.DISC) {
            return new Path[0];
        }
        String base = safe(rule.name()) + "-job" + job.id() + (count > 1 ? "-DISC" + n : "");
        String name = rule.target().kind() == AutoBurnRule.Kind.ISO ? base + ".iso" : base;
        Path dir = Path.of(rule.target().destination()).toAbsolutePath();
        return new Path[] {dir.resolve(name + UNVERIFIED), dir.resolve(name)};
    }

    /** A rule name as a file name: letters, digits, '-' and '_' only. */
    static String safe(String ruleName) {
        String s = ruleName.replaceAll("[^A-Za-z0-9_-]", "_");
        return s.isEmpty() ? "rule" : s.toLowerCase(Locale.ROOT);
    }

    /** What an earlier, interrupted attempt of this job may have left (its final name too: it is redone). */
    private static void removeLeftovers(Path[] o) throws IOException {
        for (Path p : o) {
            FolderTarget.deleteTree(p);
            Files.deleteIfExists(p.resolveSibling(p.getFileName() + ".part"));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void clearFolder(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                if (p.getFileName().toString().contains("staging")) {
                    FolderTarget.deleteTree(p);
                }
            }
        }
    }

    private static String withoutStagingNote(String reason) {
        if (reason == null) {
            return "the medium could not be made";
        }
        int k = reason.indexOf("; staged files kept in ");
        return k < 0 ? reason : reason.substring(0, k);
    }

    private static MediumSize mediumSize(AutoBurnRule rule) {
        Profile p = rule.profile();
        if (p == Profile.STD_GEN_CD) {
            return MediumSize.CD;
        }
        if (p.profileName().contains("USB")) {
            return MediumSize.usb(Long.MAX_VALUE / 4);
        }
        return MediumSize.DVD;
    }
}
