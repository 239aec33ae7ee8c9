package org.pdistation.viewer.create;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.pdistation.creator.CreateReport;
import org.pdistation.creator.MediaCreator;
import org.pdistation.creator.burn.BurnOptions;
import org.pdistation.creator.burn.Burners;
import org.pdistation.creator.burn.Cancellation;
import org.pdistation.creator.label.LabelStep;
import org.pdistation.creator.plan.MediumSize;
import org.pdistation.creator.plan.Plan;
import org.pdistation.creator.plan.Planner;
import org.pdistation.creator.plan.SelectionReader;
import org.pdistation.creator.plan.TranscodePolicy;
import org.pdistation.creator.stage.CreateOptions;
import org.pdistation.creator.stage.StagingStep;
import org.pdistation.creator.target.DiscTarget;
import org.pdistation.creator.target.FolderTarget;
import org.pdistation.creator.target.IsoTarget;
import org.pdistation.creator.target.MediaTarget;
import org.pdistation.creator.target.Progress;
import org.pdistation.creator.web.WebContentStep;
import org.pdistation.imaging.codec.CodecRegistry;
import org.pdistation.viewer.label.AwtLabelPrinter;

/**
 * One create-disc job as the screen runs it, off the FX thread: {@link #plan} reads the headers and spreads the
 * studies over media (nothing written yet); {@link #run} stages, writes and verifies each medium through
 * media-creator. {@link #cancel} stops both the creator (between files) and a burn in progress.
 */
public final class DiscJob {
    /** Room kept on each medium for the web pages (INDEX.HTM, IHE_PDI/), as the command line keeps. */
    static final long WEB_RESERVE = 64L << 20;

    private final DiscChoices choices;
    private final Path labelFolder;
    private final Cancellation burnCancellation = new Cancellation();
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private volatile MediaCreator creator;
    private volatile boolean cancelled;

    /** @param labelFolder where labels go when the target is a drive (never onto the medium) */
    public DiscJob(DiscChoices choices, Path labelFolder) {
        this.choices = choices;
        this.labelFolder = labelFolder;
    }

    public DiscChoices choices() { return choices; }

    /** Notes of the last run: label files written, font warnings, web content remarks. */
    public List<String> notes() { return List.copyOf(notes); }

    public Plan plan() throws IOException {
        Planner planner = new Planner(choices.profile(), mediumSize(), new TranscodePolicy(CodecRegistry.standard(),
                false), choices.web() ? WEB_RESERVE : 0);
        return planner.plan(SelectionReader.read(choices.inputs()));
    }

    public CreateReport run(Plan plan, Progress progress, String language) {
        int count = plan.media().size();
        if (choices.target() instanceof DiscChoices.ToDrive && count > 1) {
            throw new IllegalStateException("the selection needs " + count + " discs; choose a larger medium or "
                    + "write ISO images");
        }
        boolean replace = true; // the clerk chose the file or folder in a save dialog, which asked about replacing
        CreateOptions options = new CreateOptions(choices.institution(), "", "PDISTATION", choices.web(),
                choices.label(), replace, LocalDate.now());
        List<StagingStep> steps = new ArrayList<>();
        if (choices.web()) steps.add(new WebContentStep(language, notes::add));
        if (choices.label()) steps.add(new LabelStep(labelFolder(), new AwtLabelPrinter(), notes::add));
        MediaCreator c = new MediaCreator(options, steps, null, CodecRegistry.standard(), null);
        creator = c;
        if (cancelled) c.cancel();
        return c.create(plan, n -> target(n, count), progress);
    }

    public void cancel() {
        cancelled = true;
        burnCancellation.cancel();
        MediaCreator c = creator;
        if (c != null) c.cancel();
    }

    /** Labels go beside the image file or folder; for a drive into the station's labels folder. */
    public Path labelFolder() {
        return switch (choices.target()) {
            case DiscChoices.ToIso iso -> parentOr(iso.file());
            case DiscChoices.ToFolder f -> parentOr(f.folder());
            case DiscChoices.ToDrive d -> labelFolder;
        };
    }

    private Path parentOr(Path p) {
        Path parent = p.toAbsolutePath().getParent();
        return parent == null ? labelFolder : parent;
    }

    private MediaTarget target(int n, int count) {
        return switch (choices.target()) {
            case DiscChoices.ToIso iso -> new IsoTarget(count == 1 ? iso.file() : numbered(iso.file(), n), true);
            case DiscChoices.ToFolder f -> new FolderTarget(count == 1 ? f.folder() : f.folder().resolve("DISC" + n),
                    true);
            case DiscChoices.ToDrive d -> new DiscTarget(Burners.forPlatform(), d.drive(), BurnOptions.DEFAULT,
                    burnCancellation, Path.of(System.getProperty("java.io.tmpdir")));
        };
    }

    /** {@code study.iso} → {@code study-DISC2.iso}. */
    static Path numbered(Path file, int n) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling(dot > 0 ? name.substring(0, dot) + "-DISC" + n + name.substring(dot)
                : name + "-DISC" + n);
    }

    MediumSize mediumSize() throws IOException {
        String m = choices.medium().toUpperCase(Locale.ROOT);
        if (!m.equals("USB")) return MediumSize.of(m);
        if (choices.target() instanceof DiscChoices.ToFolder f) {
            Path probe = f.folder().toAbsolutePath();
            while (probe != null && !Files.exists(probe)) probe = probe.getParent();
            if (probe != null) return MediumSize.usb(Files.getFileStore(probe).getUsableSpace());
        }
        return MediumSize.usb(Long.MAX_VALUE / 4); // an image for a stick: no limit but the file system's
    }
}
