package org.pdistation.imaging.codec.imageio;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pdistation.imaging.codec.PeerComparison;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

/**
 * Native shared files compressed by dcmcjpeg (baseline; lossless process 14 with selection values 1–7) and decoded
 * by us and by dcmdjpeg: lossless must match exactly, baseline within 45 dB PSNR.
 */
class TwelveMonkeysJpegGeneratedTest {
    static final List<String> EIGHT_BIT = List.of("single/pydicom-data/vlut_04.dcm", "single/pydicom-data/SC_rgb.dcm");
    static final List<String> ALL = List.of("single/pydicom-data/vlut_04.dcm", "single/pydicom-data/SC_rgb.dcm",
            "single/pydicom/CT_small.dcm", "single/pydicom/MR_small.dcm", "single/pydicom-data/SC_rgb_16bit.dcm");

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String f : EIGHT_BIT) out.add(Arguments.of(f, List.of("+eb")));
        for (String f : ALL) {
            out.add(Arguments.of(f, List.of("+e1")));
            for (int sv = 1; sv <= 7; sv++) out.add(Arguments.of(f, List.of("+el", "+sv", Integer.toString(sv))));
        }
        return out.stream();
    }

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void decodesDcmcjpegOutputLikeDcmdjpeg(String relative, List<String> options) throws Exception {
        Path source = SharedData.requireDicomFile(relative);
        String dcmcjpeg = Peers.require("dcmcjpeg").toString();
        String dcmdjpeg = Peers.require("dcmdjpeg").toString();
        Path compressed = work.resolve("jpeg.dcm");
        List<String> cmd = new ArrayList<>(List.of(dcmcjpeg));
        cmd.addAll(options);
        cmd.add(source.toString());
        cmd.add(compressed.toString());
        Peers.run(Duration.ofMinutes(1), cmd).requireSuccess();
        boolean lossy = options.contains("+eb");
        if (relative.endsWith("SC_rgb_16bit.dcm")) {
            // TwelveMonkeys 3.14.0: "JPEG Lossless with 16 bit precision and 3 component(s) not supported"
            assertRefused(compressed, "not supported");
            return;
        }
        if (options.contains("6") && EIGHT_BIT.contains(relative)) {
            assertRefused(compressed, "predictor 6"); // see LosslessPredictorCheck
            return;
        }
        System.out.println("JPEG " + String.join(" ", options) + " " + relative + " -> " + PeerComparison.compare(
                new TwelveMonkeysJpegDecoder(), compressed, work, lossy ? 45.0 : Double.POSITIVE_INFINITY, null,
                List.of(List.of(dcmdjpeg))));
    }

    private static void assertRefused(Path compressed, String why) throws Exception {
        var ds = org.pdistation.imaging.io.DicomReader.read(compressed, org.pdistation.imaging.io.ReadOptions.IN_MEMORY)
                .dataset();
        byte[] frame = org.pdistation.imaging.codec.EncapsulatedFrames.of(ds, 1).get(0);
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.pdistation.imaging.codec.CodecException.class,
                () -> new TwelveMonkeysJpegDecoder().decode(frame, 0, frame.length,
                        org.pdistation.imaging.codec.ImageDescriptor.of(ds), new org.pdistation.imaging.codec.FrameBuffer()));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}
