package org.pdistation.viewer.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

import org.pdistation.creator.CreateReport;
import org.pdistation.creator.archive.ArchiveStudies;
import org.pdistation.creator.MediaCreator;
import org.pdistation.creator.plan.MediumSize;
import org.pdistation.creator.plan.Plan;
import org.pdistation.creator.plan.Planner;
import org.pdistation.creator.plan.SelectionReader;
import org.pdistation.creator.plan.TranscodePolicy;
import org.pdistation.creator.burn.BurnOptions;
import org.pdistation.creator.burn.Burners;
import org.pdistation.creator.burn.Cancellation;
import org.pdistation.creator.burn.Drive;
import org.pdistation.creator.label.LabelStep;
import org.pdistation.creator.stage.CreateOptions;
import org.pdistation.creator.stage.StagingStep;
import org.pdistation.creator.target.DiscTarget;
import org.pdistation.creator.target.FolderTarget;
import org.pdistation.creator.target.IsoTarget;
import org.pdistation.creator.target.MediaTarget;
import org.pdistation.creator.target.Progress;
import org.pdistation.creator.viewer.PortableBuild;
import org.pdistation.creator.viewer.ViewerStep;
import org.pdistation.creator.web.WebContentStep;
import org.pdistation.imaging.archive.Archive;
import org.pdistation.imaging.codec.CodecRegistry;
import org.pdistation.imaging.media.Profile;
import org.pdistation.viewer.AppHome;
import org.pdistation.viewer.label.AwtLabelPrinter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pdistation create}: plans, stages, writes and verifies PDI media. Exit 0 when every medium is DONE, 1 when
 * one failed, 2 for a usage error.
 */
@Command(name = "create", description = "Create IHE PDI media (DICOMDIR file-sets) from files, folders or DICOMDIRs.")
public final class CreateCommand implements Callable<Integer> {
    @Option(names = "--profile", defaultValue = "STD-GEN-CD", description = "STD-GEN-CD (default), STD-GEN-DVD-JPEG, "
            + "STD-GEN-DVD-J2K, STD-GEN-USB-JPEG, STD-GEN-USB-J2K")
    String profile;

    @Option(names = "--medium", description = "CD, DVD, DVD_DL, BD or USB (default: CD for CD profiles, USB for USB, DVD otherwise)")
    String medium;

    /** A UDF bridge in images for DVD and BD media (set from the medium size). */
    private boolean udf;

    @Option(names = "--web", description = "add web content (INDEX.HTM, IHE_PDI/)")
    boolean web;

    @Option(names = "--label", description = "also make a printable label")
    boolean label;

    @Option(names = "--institution", defaultValue = "", description = "creating institution, named in README.TXT")
    String institution;

    @Option(names = "--fileset-id", defaultValue = "PDISTATION", description = "File-set ID, 0-16 of A-Z 0-9 _")
    String fileSetId;

    @Option(names = "--replace", description = "replace a file-set already in the --out folder")
    boolean replace;

    @Option(names = "--lossless-jpeg", description = "re-encode JPEG Lossless instead of decompressing, where the profile allows")
    boolean losslessJpeg;

    @Option(names = "--out", description = "folder or USB stick; several media go to DIR/DISC1, DIR/DISC2, ...")
    Path out;

    @Option(names = "--iso", description = "ISO image file")
    Path iso;

    @Option(names = "--burn", description = "burner device (see pdistation burn --list-drives)")
    String burn;

    @Option(names = "--label-dir", description = "where --label writes LABEL-DISC<n>.pdf/.png (default: beside --iso, "
            + "else the current folder)")
    Path labelDir;

    @Option(names = "--viewer", paramLabel = "DIR", description = "put this portable viewer build (installers/"
            + "build-packages.sh's portable/pdistation-<os>-<arch> folder) in VIEWER/; repeat for more platforms; "
            + "--out targets only")
    List<Path> viewers = new ArrayList<>();

    /** Room kept on each medium for INDEX.HTM, IHE_PDI/ pages and their PNG renderings. */
    private static final long WEB_RESERVE = 64L << 20;

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "files, folders or DICOMDIRs")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--archive-study", arity = "1..*", paramLabel = "UID", description = "also put these studies "
            + "from the local archive on the media (see pdistation archive ls / retrieve)")
    List<String> archiveStudies = new ArrayList<>();

    @Option(names = "--archive", paramLabel = "DIR", description = "the archive folder for --archive-study "
            + "(default: the station's data folder)")
    Path archiveDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int targets = (this.out != null ? 1 : 0) + (iso != null ? 1 : 0) + (burn != null ? 1 : 0);
        if (targets != 1) {
            err.println("exactly one of --out, --iso or --burn is required");
            err.flush();
            return 2;
        }
        Profile p;
        CreateOptions options;
        try {
            p = Profile.of(profile);
            options = new CreateOptions(institution, "", fileSetId, web, label, replace, LocalDate.now());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        }
        List<Path> all = new ArrayList<>(inputs);
        if (!archiveStudies.isEmpty()) {
            // The archive's stored files are read in place, like any other input files.
            try (Archive a = Archive.open(archiveDir != null ? archiveDir : AppHome.resolve().archive())) {
                all.addAll(ArchiveStudies.files(a, archiveStudies));
            } catch (java.io.IOException e) {
                err.println(e.getMessage());
                err.flush();
                return 1;
            }
        }
        if (all.isEmpty()) {
            err.println("name files, folders or DICOMDIRs, or --archive-study UID");
            err.flush();
            return 2;
        }
        List<PortableBuild> builds = new ArrayList<>();
        if (!viewers.isEmpty()) {
            // --iso and --burn: the image gets a UDF bridge with the viewer's source names and execute permissions
            // (IsoTarget.imageOptions); the Level 1 tree keeps the DICOM part.
            try {
                for (Path v : viewers) {
                    builds.add(PortableBuild.of(v));
                }
                new ViewerStep(builds, s -> { });
            } catch (java.io.IOException | IllegalArgumentException e) {
                err.println(e.getMessage());
                err.flush();
                return 2;
            }
        }
        MediumSize size = mediumSize(p);
        udf = size.udfBridge();
        Plan plan = new Planner(p, size, new TranscodePolicy(CodecRegistry.standard(), losslessJpeg),
                (web ? WEB_RESERVE : 0) + (builds.isEmpty() ? 0 : ViewerStep.bytes(builds)))
                .plan(SelectionReader.read(all));
        out.print(plan.describe());
        out.flush();
        if (plan.media().isEmpty()) {
            err.println("nothing to write");
            err.flush();
            return 1;
        }
        int count = plan.media().size();
        if (burn != null && count > 1) {
            err.println("the selection needs " + count + " discs; burn them one by one from --iso images "
                    + "(pdistation create --iso FILE, then pdistation burn) or choose a larger --medium");
            err.flush();
            return 2;
        }
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        List<StagingStep> steps = new ArrayList<>();
        if (!builds.isEmpty()) {
            steps.add(new ViewerStep(builds, notes::add)); // before the web content, which links VIEWER/
        }
        if (web) {
            steps.add(new WebContentStep("en", notes::add));
        }
        if (label) {
            steps.add(new LabelStep(labelDir != null ? labelDir : defaultLabelFolder(), new AwtLabelPrinter(),
                    notes::add));
        }
        TerminalProgress progress = new TerminalProgress(out, System.console() != null);
        MediaCreator creator = new MediaCreator(options, steps, null, CodecRegistry.standard(), null);
        CreateReport report = creator.create(plan, n -> target(n, count), progress);
        progress.finish();
        notes.forEach(n -> out.println("note: " + n));
        for (CreateReport.MediumReport m : report.media()) {
            out.printf("medium %d: %s  %s: %d files, %.1f MB, %d transcoded%n", m.number(), m.outcome(), m.target(),
                    m.files(), m.bytes() / 1e6, m.transcoded());
            m.warnings().forEach(w -> out.println("  warning: " + w));
            m.leftOff().forEach(w -> out.println("  " + w));
            if (m.reason() != null) {
                out.println("  reason: " + m.reason());
            }
            if (m.staged() != null) {
                out.println("  staged files kept in " + m.staged());
            }
        }
        out.flush();
        return report.allDone() ? 0 : 1;
    }

    /** The n-th of {@code count} media: a folder, an image file (numbered when there are several) or the disc. */
    private MediaTarget target(int n, int count) {
        if (this.out != null) {
            return new FolderTarget(count == 1 ? this.out : this.out.resolve("DISC" + n), replace);
        }
        if (iso != null) {
            return new IsoTarget(count == 1 ? iso : numbered(iso, n), replace, udf);
        }
        return new DiscTarget(Burners.forPlatform(), Drive.of(burn), BurnOptions.DEFAULT, Cancellation.none(),
                Path.of(System.getProperty("java.io.tmpdir")), udf);
    }

    /** {@code study.iso} → {@code study-DISC2.iso}. */
    static Path numbered(Path file, int n) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot > 0 ? name.substring(0, dot) + "-DISC" + n + name.substring(dot) : name + "-DISC" + n;
        return file.resolveSibling(numbered);
    }

    /** Labels go beside an image file, else into the current folder: never onto the medium. */
    private Path defaultLabelFolder() {
        Path parent = iso != null ? iso.toAbsolutePath().getParent() : null;
        return parent != null ? parent : Path.of("").toAbsolutePath();
    }

    private MediumSize mediumSize(Profile p) throws java.io.IOException {
        String m = medium != null ? medium : p == Profile.STD_GEN_CD ? "CD"
                : p.profileName().contains("USB") ? "USB" : "DVD";
        if (m.equalsIgnoreCase("USB") && this.out == null) {
            return MediumSize.usb(Long.MAX_VALUE / 4); // an image for a stick: no size limit but the file system's
        }
        if (m.equalsIgnoreCase("USB")) {
            Path probe = this.out.toAbsolutePath();
            while (probe != null && !Files.exists(probe)) {
                probe = probe.getParent();
            }
            return MediumSize.usb(probe == null ? Long.MAX_VALUE / 4 : Files.getFileStore(probe).getUsableSpace());
        }
        return MediumSize.of(m);
    }

    /** Carriage-return updates on a terminal, a plain line per phase (and every 10 %) otherwise. */
    static final class TerminalProgress implements Progress {
        private final PrintWriter out;
        private final boolean tty;
        private String lastPhase = "";
        private long lastTenth = -1;
        private long lastPrint;

        TerminalProgress(PrintWriter out, boolean tty) {
            this.out = out;
            this.tty = tty;
        }

        @Override
        public void update(String phase, long done, long total) {
            long tenth = total > 0 ? done * 10 / total : -1;
            if (tty) {
                long now = System.nanoTime();
                if (now - lastPrint > 100_000_000L || done == total) {
                    lastPrint = now;
                    out.print("\r" + phase + " " + done + (total > 0 ? "/" + total : "") + "          ");
                    out.flush();
                }
            } else if (!phase.equals(lastPhase) || tenth != lastTenth) {
                out.println(phase + " " + done + (total > 0 ? "/" + total : ""));
                out.flush();
            }
            lastPhase = phase;
            lastTenth = tenth;
        }

        void finish() {
            if (tty) {
                out.println();
                out.flush();
            }
        }
    }
}
