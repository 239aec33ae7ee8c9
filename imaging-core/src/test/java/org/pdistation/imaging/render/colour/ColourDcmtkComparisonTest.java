package org.pdistation.imaging.render.colour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pdistation.imaging.codec.Ybr422;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.codec.Photometric;
import org.pdistation.imaging.codec.rle.RleDecoder;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Fragments;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

/** Colour rendering of the shared files compared with DCMTK's dcmj2pnm 8-bit PPM output of the first frame. */
class ColourDcmtkComparisonTest {

    @ParameterizedTest
    @ValueSource(strings = {"single/pydicom-data/SC_ybr_full_uncompressed.dcm", "single/dcm4che/YBR_422.dcm",
            "single/pydicom/SC_ybr_full_422_uncompressed.dcm", "single/fo-dicom/TestPattern_Palette_16.dcm",
            "single/pydicom/examples_palette.dcm",
            "single/pydicom-data/OT-PAL-8-face.dcm", "single/pydicom-data/SC_rgb.dcm",
            "single/pydicom-data/SC_rgb_16bit.dcm", "single/pydicom-data/color-pl.dcm",
            "single/dcm4che/US-RGB-8-esopecho", "single/pydicom/SC_rgb_small_odd.dcm",
            "single/pydicom/examples_rgb_color.dcm", "single/dcm4che/YBR_FULL-RLE.dcm",
            "multiframe/pydicom-data/OBXXXX1A_rle_2frame.dcm", "multiframe/dcm4che/US-PAL-8-10x-echo",
            "single/pydicom/SC_rgb_rle_16bit.dcm"})
    void firstFrameMatchesDcmj2pnmWithinOne(String relative, @TempDir Path tmp) throws Exception {
        Path file = SharedData.requireDicomFile(relative);
        Path dcmj2pnm = Peers.require("dcmj2pnm");
        Path ppm = tmp.resolve("out.ppm");
        Peers.run(Duration.ofSeconds(120), dcmj2pnm.toString(), "+op", file.toString(), ppm.toString())
                .requireSuccess();
        int[] expected = readP6(Files.readAllBytes(ppm));

        DicomFile df = DicomReader.read(file, ReadOptions.IN_MEMORY);
        Dataset ds = df.dataset();
        ImageDescriptor desc = ImageDescriptor.of(ds);
        FrameBuffer frame = new FrameBuffer();
        Photometric actual = firstFrame(ds, desc, frame);
        ColourRenderer renderer = ColourRenderer.of(ds, desc);
        IntBuffer dst = IntBuffer.allocate(desc.rows() * desc.columns() + 5);
        dst.position(5);
        renderer.toArgb(frame, actual, dst);
        assertEquals(5, dst.position(), "position untouched");
        assertEquals(expected.length, desc.rows() * desc.columns(), "pixel count");

        int[] maxDiff = new int[3];
        for (int i = 0; i < expected.length; i++) {
            int got = dst.get(5 + i);
            assertEquals(0xFF, got >>> 24, "opaque");
            for (int c = 0; c < 3; c++) {
                int shift = 16 - 8 * c;
                maxDiff[c] = Math.max(maxDiff[c], Math.abs((got >> shift & 0xFF) - (expected[i] >> shift & 0xFF)));
            }
        }
        System.out.printf("colour vs dcmj2pnm %-55s %-15s max difference R %d G %d B %d%n", relative,
                desc.photometric().term(), maxDiff[0], maxDiff[1], maxDiff[2]);
        // Native YBR_FULL: DCMTK's red and blue come out up to 2 away from the rounded C.7.6.3.1.2 equations
        // (YBR_FULL_422 stays within 1); the cause in DCMTK's arithmetic is not pinned down, so 2 is allowed there.
        int tolerance = desc.photometric() == Photometric.YBR_FULL ? 2 : 1;
        assertTrue(maxDiff[0] <= tolerance && maxDiff[1] <= tolerance && maxDiff[2] <= tolerance,
                relative + ": max channel differences " + java.util.Arrays.toString(maxDiff));
    }

    /** Samples of frame 0 as a decoder would leave them: RLE decoded, native re-ordered, 4:2:2 expanded. */
    private static Photometric firstFrame(Dataset ds, ImageDescriptor desc, FrameBuffer frame) throws Exception {
        Fragments fragments = ds.getFragments(Tag.PixelData);
        if (fragments != null) {
            byte[] first = (byte[]) fragments.get(1);
            return new RleDecoder().decode(first, 0, first.length, desc, frame);
        }
        byte[] pixels = ds.getBytes(Tag.PixelData);
        if (desc.photometric() == Photometric.YBR_FULL_422) {
            Ybr422.expand(pixels, 0, desc, frame);
            return Photometric.YBR_FULL_422;
        }
        frame.reset(desc);
        int n = frame.sampleCount();
        int spp = desc.samplesPerPixel();
        int pixelCount = n / spp;
        int bytes = desc.containerBytes();
        for (int i = 0; i < n; i++) {
            // PS3.3 C.7.6.3.1.3: planar configuration 1 stores each sample's plane in turn
            int src = (desc.planarConfiguration() == 1 ? (i % spp) * pixelCount + i / spp : i) * bytes;
            if (bytes == 1) {
                frame.bytes()[i] = pixels[src];
            } else {
                frame.shorts()[i] = (short) ((pixels[src] & 0xFF) | (pixels[src + 1] & 0xFF) << 8);
            }
        }
        return desc.photometric();
    }

    /** Pixels of a binary 8-bit PPM (P6) as 0xRRGGBB. */
    static int[] readP6(byte[] b) {
        int[] pos = {0};
        String magic = token(b, pos);
        assertEquals("P6", magic, "dcmj2pnm wrote a colour PPM");
        int w = Integer.parseInt(token(b, pos));
        int h = Integer.parseInt(token(b, pos));
        int max = Integer.parseInt(token(b, pos));
        assertEquals(255, max);
        int p = pos[0] + 1; // one whitespace byte after maxval
        int[] out = new int[w * h];
        for (int i = 0; i < out.length; i++, p += 3) {
            out[i] = (b[p] & 0xFF) << 16 | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF);
        }
        return out;
    }

    private static String token(byte[] b, int[] pos) {
        int p = pos[0];
        while (true) {
            while (Character.isWhitespace(b[p])) p++;
            if (b[p] == '#') {
                while (b[p] != '\n') p++;
            } else {
                break;
            }
        }
        int start = p;
        while (!Character.isWhitespace(b[p])) p++;
        pos[0] = p;
        return new String(b, start, p - start, StandardCharsets.US_ASCII);
    }

}
