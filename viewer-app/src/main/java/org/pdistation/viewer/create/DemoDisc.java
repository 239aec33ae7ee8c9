package org.pdistation.viewer.create;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

import org.pdistation.creator.CreateReport;
import org.pdistation.creator.MediaCreator;
import org.pdistation.creator.plan.MediumSize;
import org.pdistation.creator.plan.Plan;
import org.pdistation.creator.plan.Planner;
import org.pdistation.creator.plan.SelectionReader;
import org.pdistation.creator.plan.TranscodePolicy;
import org.pdistation.creator.stage.CreateOptions;
import org.pdistation.creator.target.FolderTarget;
import org.pdistation.imaging.codec.CodecRegistry;
import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.synth.SyntheticCtStudy;

/**
 * The demo disc the station shows on a fresh machine (issue 8 item 1): a synthetic CT phantom series and a
 * multi-frame cine series, written by media-creator as a real PDI file-set (DICOMDIR, README) into {@code demo}
 * of the user's data folder on first run. Written beside and renamed into place, so a half-written demo is never
 * taken for a finished one.
 */
public final class DemoDisc {
    static final int CT_ROWS = 256;
    static final int CT_SLICES = 60;
    private static final long SEED = 2026;

    private final Path folder;

    /** @param folder the demo's folder, {@code <data folder>/demo} */
    public DemoDisc(Path folder) {
        this.folder = folder;
    }

    public Path folder() { return folder; }

    /** Whether the demo has been written (its DICOMDIR is there). */
    public boolean exists() {
        return Files.isRegularFile(folder.resolve("DICOMDIR"));
    }

    /** Writes the demo unless it exists; returns its folder. Meant for a background thread (a few seconds). */
    public Path ensure() throws IOException {
        if (exists()) return folder;
        Path parent = folder.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path sources = Files.createTempDirectory(parent, ".demo-sources");
        Path written = parent.resolve(folder.getFileName() + ".part");
        try {
            deleteTree(written);
            List<Path> ct = new SyntheticCtStudy(CT_ROWS, CT_SLICES, SEED).write(sources, CT_SLICES);
            String study = studyUidOf(ct.get(0));
            DemoMultiFrame.write(sources.resolve("DICOM").resolve("CINE").resolve("MF000001"), study, "SYN" + SEED);
            Planner planner = new Planner(Profile.STD_GEN_CD, MediumSize.CD,
                    new TranscodePolicy(CodecRegistry.standard(), false), 0);
            Plan plan = planner.plan(SelectionReader.read(List.of(sources)));
            CreateOptions options = new CreateOptions("PDI Station demo", "", "PDIDEMO", false, false, true,
                    java.time.LocalDate.now());
            CreateReport report = new MediaCreator(options, List.of(), null, CodecRegistry.standard(), null)
                    .create(plan, n -> new FolderTarget(written, true), (phase, done, total) -> { });
            if (!report.allDone()) {
                CreateReport.MediumReport m = report.media().isEmpty() ? null : report.media().get(0);
                throw new IOException("the demo disc could not be written: "
                        + (m == null ? "nothing planned" : m.reason()));
            }
            deleteTree(folder);
            Files.move(written, folder);
            return folder;
        } finally {
            deleteTree(sources);
            deleteTree(written);
        }
    }

    private static String studyUidOf(Path ctFile) throws IOException {
        var ds = org.pdistation.imaging.io.DicomReader.read(ctFile, org.pdistation.imaging.io.ReadOptions.HEADER_ONLY)
                .dataset();
        return ds.getString(org.pdistation.imaging.data.Tag.StudyInstanceUID, "");
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
