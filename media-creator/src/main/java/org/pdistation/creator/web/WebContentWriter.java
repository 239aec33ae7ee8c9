package org.pdistation.creator.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.pdistation.creator.content.FileSetContent;
import org.pdistation.creator.content.PatientInfo;
import org.pdistation.creator.content.SeriesInfo;
import org.pdistation.creator.content.StudyInfo;
import org.pdistation.imaging.render.PngWriter;

/**
 * Writes the IHE PDI Web Content into a finished file-set folder (PDI-REQUIREMENTS §A 4-6): {@code INDEX.HTM} in
 * the root and under {@code IHE_PDI/}
 * <pre>
 *   STYLE.CSS
 *   P0000001.HTM                      patient page: its studies
 *   P0000001/S0000001.HTM             study page: its series, one thumbnail each
 *   P0000001/S0000001/S0000001.HTM    series page: thumbnails linking to the renderings
 *   P0000001/S0000001/S0000001/I0000001.PNG, T0000001.PNG    rendering and its thumbnail
 * </pre>
 * Every name is an ISO 9660 Level 1 name (8.3, A-Z 0-9 _) and nothing is deeper than 5 levels (PS3.12 limits a
 * file-set to 8). The file-set is read through its DICOMDIR only; web files are never added to it.
 *
 * <p>Rendering rule: per series the first {@value #MAX_INSTANCES_PER_SERIES} instances in Instance Number order;
 * per instance every frame when it has at most 3, else its first, middle and last frame. Each is rendered at the
 * default window (the file's first Window Center/Width or VOI LUT, else the frame's min/max), fitted into
 * {@value #IMAGE_BOX} pixels (never enlarged more than 4 times) and into {@value #THUMB_BOX} for the thumbnail.
 * A frame that cannot be rendered gets a text placeholder in place of the image, never a broken link.
 */
public final class WebContentWriter {
    static final int MAX_INSTANCES_PER_SERIES = 100;
    static final int IMAGE_BOX = 512;
    static final int THUMB_BOX = 128;
    private static final String DIR = "IHE_PDI";

    private final Path root;
    private final WebContentOptions opts;
    private final List<Path> written = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int pages;
    private int renderings;
    private int placeholders;

    private WebContentWriter(Path root, WebContentOptions opts) {
        this.root = root;
        this.opts = opts;
    }

    /**
     * Writes the web content for the file-set in {@code fileSetRoot}.
     *
     * @throws FileAlreadyExistsException when INDEX.HTM or IHE_PDI already exist (web content is written once)
     * @throws IOException                when the DICOMDIR cannot be read or a file cannot be written
     */
    public static WebContentResult write(Path fileSetRoot, WebContentOptions opts) throws IOException {
        Path root = fileSetRoot.toAbsolutePath().normalize();
        for (String name : List.of("INDEX.HTM", DIR)) {
            if (Files.exists(root.resolve(name))) {
                throw new FileAlreadyExistsException(root.resolve(name).toString(), null,
                        "web content already present; it is written once per staged file-set");
            }
        }
        FileSetContent content = FileSetContent.read(root);
        WebContentWriter w = new WebContentWriter(root, opts);
        w.problems.addAll(content.problems());
        w.writeAll(content);
        return new WebContentResult(w.written, w.pages, w.renderings, w.placeholders, w.problems);
    }

    private void writeAll(FileSetContent content) throws IOException {
        writeFile(DIR + "/" + WebStyle.FILE, WebStyle.CSS.getBytes(StandardCharsets.UTF_8));
        List<PatientInfo> patients = content.patients();
        for (int p = 0; p < patients.size(); p++) {
            String pName = name('P', p);
            PatientInfo patient = patients.get(p);
            List<StudyInfo> studies = patient.studies();
            for (int s = 0; s < studies.size(); s++) {
                writeStudy(patient, pName, studies.get(s), name('S', s));
            }
            writePage(DIR + "/" + pName + ".HTM", Pages.patient(opts, patient, pName));
        }
        writePage("INDEX.HTM", Pages.index(opts, patients, readme(), viewerLink()));
    }

    /** The study page and, below it, each series' page and renderings; the study page gets the thumbnails. */
    private void writeStudy(PatientInfo patient, String pName, StudyInfo study, String sName) throws IOException {
        String studyDir = DIR + "/" + pName + "/" + sName;
        List<Pages.SeriesTiles> seriesTiles = new ArrayList<>();
        for (int r = 0; r < study.series().size(); r++) {
            SeriesInfo series = study.series().get(r);
            String rName = name('S', r);
            List<Pages.Tile> tiles = renderSeries(series, studyDir + "/" + rName);
            seriesTiles.add(new Pages.SeriesTiles(series, rName, tiles));
            writePage(studyDir + "/" + rName + ".HTM", Pages.series(opts, patient, study, series, pName, sName, rName, tiles));
        }
        writePage(DIR + "/" + pName + "/" + sName + ".HTM", Pages.study(opts, patient, study, pName, sName, seriesTiles));
    }

    private List<Pages.Tile> renderSeries(SeriesInfo series, String imageDir) throws IOException {
        List<Pages.Tile> tiles = new ArrayList<>();
        List<Path> files = series.instances();
        int limit = Math.min(files.size(), MAX_INSTANCES_PER_SERIES);
        if (files.size() > limit) {
            problems.add(imageDir + ": " + files.size() + " instances, the first " + limit + " rendered");
        }
        int image = 0;
        for (int i = 0; i < limit; i++) {
            Path file = files.get(i);
            String label = "Image " + (i + 1);
            FrameRenderer fr;
            try {
                fr = FrameRenderer.open(file);
            } catch (FrameRenderer.RenderException e) {
                problems.add(root.relativize(file) + ": " + e.getMessage());
                placeholders++;
                tiles.add(new Pages.Tile(label, null, null));
                continue;
            }
            try (fr) {
                for (int frame : framesToRender(fr.frameCount())) {
                    String frameLabel = fr.frameCount() > 1 ? label + ", frame " + (frame + 1) + "/" + fr.frameCount()
                            : label;
                    FrameRenderer.Pixels px;
                    try {
                        px = fr.render(frame);
                    } catch (FrameRenderer.RenderException e) {
                        problems.add(root.relativize(file) + ": " + e.getMessage());
                        placeholders++;
                        tiles.add(new Pages.Tile(frameLabel, null, null));
                        continue;
                    }
                    image++;
                    String full = name('I', image - 1) + ".PNG";
                    String thumb = name('T', image - 1) + ".PNG";
                    writeFile(imageDir + "/" + full, png(px.fit(IMAGE_BOX, 4)));
                    writeFile(imageDir + "/" + thumb, png(px.fit(THUMB_BOX, 8)));
                    renderings++;
                    tiles.add(new Pages.Tile(frameLabel, full, thumb));
                }
            }
        }
        return tiles;
    }

    /** All frames when there are at most three; else the first, middle and last. */
    static int[] framesToRender(int count) {
        if (count <= 3) return java.util.stream.IntStream.range(0, count).toArray();
        return new int[] {0, (count - 1) / 2, count - 1};
    }

    /** "P0000001" for index 0: a letter and seven digits, a Level 1 name. */
    static String name(char prefix, int index) {
        if (index >= 9_999_999) throw new IllegalArgumentException("more than 9999999 entries at one level");
        return prefix + String.format(java.util.Locale.ROOT, "%07d", index + 1);
    }

    private static byte[] png(FrameRenderer.Pixels px) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(px.data().length / 2 + 64);
        if (px.channels() == 1) {
            PngWriter.writeGrey(bos, px.width(), px.height(), px.data());
        } else {
            PngWriter.writeRgb(bos, px.width(), px.height(), px.data());
        }
        return bos.toByteArray();
    }

    /** "README.TXT" when the root holds it (IHE PDI asks INDEX.HTM to link it), else null and a problem. */
    private String readme() {
        if (Files.isRegularFile(root.resolve("README.TXT"))) return "README.TXT";
        problems.add("README.TXT not in the file-set root; INDEX.HTM cannot link it (write it before the web content)");
        return null;
    }

    /** The viewer's entry: VIEWER/ itself, or a start file in it when one of the usual names exists. */
    private String viewerLink() {
        Path viewer = root.resolve("VIEWER");
        if (!opts.hasViewer()) return null;
        if (!Files.isDirectory(viewer)) {
            problems.add("a viewer was asked for but the root has no VIEWER folder; not linked");
            return null;
        }
        for (String start : List.of("INDEX.HTM", "README.TXT")) {
            if (Files.isRegularFile(viewer.resolve(start))) return "VIEWER/" + start;
        }
        return "VIEWER/";
    }

    private void writePage(String rel, String xhtml) throws IOException {
        writeFile(rel, xhtml.getBytes(StandardCharsets.UTF_8));
        pages++;
    }

    /** Creates {@code rel} under the root, owner-only where POSIX permissions exist (the pages hold patient data). */
    private void writeFile(String rel, byte[] data) throws IOException {
        Path target = root.resolve(rel);
        createDirectories(target.getParent());
        try (OutputStream os = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            os.write(data);
        }
        if (posix()) Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        written.add(Path.of(rel));
    }

    private void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) return;
        createDirectories(dir.getParent());
        Files.createDirectory(dir);
        if (posix()) Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    private boolean posix() {
        return root.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
