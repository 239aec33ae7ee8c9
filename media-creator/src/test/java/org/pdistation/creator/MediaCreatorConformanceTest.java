package org.pdistation.creator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pdistation.creator.plan.MediumSize;
import org.pdistation.creator.plan.Plan;
import org.pdistation.creator.plan.Planner;
import org.pdistation.creator.plan.Selection;
import org.pdistation.creator.plan.SelectionReader;
import org.pdistation.creator.plan.TranscodePolicy;
import org.pdistation.creator.stage.CreateOptions;
import org.pdistation.creator.target.FolderTarget;
import org.pdistation.creator.target.Progress;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageFrames;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

/** File-sets from the shared mixed-encoding files pass DCMTK, dicom3tools and pydicom, and keep their pixels. */
class MediaCreatorConformanceTest {
    static final List<String> INPUTS = List.of(
            "single/pydicom/CT_small.dcm",                  // Explicit VR LE
            "single/pydicom/MR_small_implicit.dcm",         // Implicit VR LE
            "single/dcm4che/MR-JPEGLosslessSV1.dcm",        // JPEG lossless SV1
            "single/pydicom/SC_rgb_jpeg_dcmtk.dcm",         // JPEG baseline (lossy)
            "single/fo-dicom/D_CLUNIE_CT1_RLE_FRAGS.dcm",    // RLE
            "single/dicomparser/CT1_UNC.fragmented_bot_jpeg_ls.80.dcm", // JPEG-LS
            "single/fo-dicom/GH064.dcm",                    // J2K lossless
            "multiframe/pydicom-data/emri_small.dcm",       // multi-frame
            "charset/pydicom/chrH32.dcm");                  // Japanese

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"STD_GEN_CD", "STD_GEN_DVD_JPEG", "STD_GEN_USB_J2K"})
    void mixedInputsMakeAConformantFileSet(Profile profile) throws Exception {
        Path dicomdata = SharedData.require().resolve("dicomdata");
        List<Path> inputs = INPUTS.stream().map(dicomdata::resolve).toList();
        Selection sel = SelectionReader.read(inputs);
        assertEquals(List.of(), sel.problems());
        assertEquals(INPUTS.size(), sel.instanceCount());
        Plan plan = new Planner(profile, MediumSize.CD, TranscodePolicy.standard(), 0).plan(sel);
        assertEquals(1, plan.media().size());
        Path out = tmp.resolve("out");
        CreateReport report = new MediaCreator(CreateOptions.defaults()).create(plan,
                n -> new FolderTarget(out, false), Progress.NONE);
        CreateReport.MediumReport m = report.media().get(0);
        assertEquals(CreateReport.Outcome.DONE, m.outcome(), m.reason());
        assertEquals(INPUTS.size(), m.files(), m.leftOff().toString());
        assertTrue(Files.isRegularFile(out.resolve("DICOMDIR")));
        assertTrue(Files.readString(out.resolve("README.TXT")).contains("\r\n"));
        try (Stream<Path> s = Files.list(out)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".pdistation")), "no leftovers");
        }
        List<Path> written;
        try (Stream<Path> s = Files.walk(out.resolve("DICOM"))) {
            written = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertEquals(INPUTS.size(), written.size());

        Peers.Result dcentvfy = Peers.run(Duration.ofMinutes(2), Peers.require("dcentvfy").toString(),
                out.resolve("DICOMDIR").toString());
        assertEquals(List.of(), errorLines(dcentvfy.stdout() + dcentvfy.stderr()), "dcentvfy");
        String dcmdump = Peers.require("dcmdump").toString();
        Peers.run(Duration.ofMinutes(1), dcmdump, "-q", out.resolve("DICOMDIR").toString()).requireSuccess();

        String dciodvfy = Peers.require("dciodvfy").toString();
        for (Path f : written) {
            Peers.run(Duration.ofMinutes(1), dcmdump, "-q", f.toString()).requireSuccess();
            DicomFile df = DicomReader.read(f, ReadOptions.HEADER_ONLY);
            assertTrue(profile.allows(df.transferSyntax().uid()), f + " " + df.transferSyntax());
            Path source = sourceOf(inputs, df.dataset().getString(Tag.SOPInstanceUID));
            List<String> mine = errorLines(run(dciodvfy, f));
            List<String> theirs = errorLines(run(dciodvfy, source));
            List<String> added = new ArrayList<>(mine);
            added.removeAll(theirs);
            assertEquals(List.of(), added, "dciodvfy errors the source " + source + " did not have");
            if (!df.transferSyntax().encapsulated() && df.dataset().contains(Tag.Rows)) {
                assertSamePixels(source, f);
            }
            if ("01".equals(DicomReader.read(source, ReadOptions.HEADER_ONLY).dataset()
                    .getString(Tag.LossyImageCompression))) {
                assertEquals("01", df.dataset().getString(Tag.LossyImageCompression));
            }
        }
        String py = "from pydicom.fileset import FileSet\n"
                + "fs = FileSet(r'" + out.resolve("DICOMDIR") + "')\n"
                + "n = 0\n"
                + "for inst in fs:\n"
                + "    ds = inst.load(); ds.SOPInstanceUID; n += 1\n"
                + "print(n)\n";
        Peers.Result r = Peers.run(Duration.ofMinutes(2), Peers.requirePydicom().toString(), "-c", py)
                .requireSuccess();
        assertEquals(Integer.toString(INPUTS.size()), r.stdout().strip());
    }

    private static String run(String tool, Path f) throws Exception {
        Peers.Result r = Peers.run(Duration.ofMinutes(1), tool, f.toString());
        return r.stdout() + r.stderr();
    }

    /** Error lines with the file-specific parts removed, so the source's and ours compare. */
    static List<String> errorLines(String output) {
        return output.lines().filter(l -> l.startsWith("Error")).map(String::strip).distinct().toList();
    }

    private static Path sourceOf(List<Path> inputs, String sop) throws Exception {
        for (Path p : inputs) {
            if (sop.equals(DicomReader.read(p, ReadOptions.HEADER_ONLY).dataset().getString(Tag.SOPInstanceUID))) {
                return p;
            }
        }
        throw new AssertionError("no source for " + sop);
    }

    private static void assertSamePixels(Path source, Path written) throws Exception {
        try (ImageFrames a = ImageFrames.open(source); ImageFrames b = ImageFrames.open(written)) {
            assertEquals(a.frameCount(), b.frameCount());
            FrameBuffer fa = new FrameBuffer();
            FrameBuffer fb = new FrameBuffer();
            for (int i = 0; i < a.frameCount(); i++) {
                a.readRawFrame(i, fa);
                b.readRawFrame(i, fb);
                assertEquals(fa.sampleCount(), fb.sampleCount());
                for (int k = 0; k < fa.sampleCount(); k++) {
                    if (fa.sample(k) != fb.sample(k)) {
                        throw new AssertionError(written + " frame " + i + " sample " + k + " differs from " + source);
                    }
                }
            }
        }
    }
}
