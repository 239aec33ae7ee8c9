package org.pdistation.imaging.codec.opencv;

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
 * Native shared files (8-bit, 16-bit signed, RGB 8 and 16-bit) compressed by gdcmconv --j2k, lossless and lossy,
 * decoded by us and by gdcmconv --raw: lossless must match exactly, lossy within 45 dB PSNR.
 */
class OpenCvJpeg2000GeneratedTest {
    static final List<String> SOURCES = List.of("single/pydicom-data/vlut_04.dcm", "single/pydicom-data/SC_rgb.dcm",
            "single/pydicom/CT_small.dcm", "single/pydicom/MR_small.dcm", "single/pydicom-data/SC_rgb_16bit.dcm");

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String f : SOURCES) {
            out.add(Arguments.of(f, List.of("--j2k")));
            out.add(Arguments.of(f, List.of("--j2k", "--lossy", "-q", "40")));
        }
        return out.stream();
    }

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void decodesGdcmJ2kLikeGdcm(String relative, List<String> options) throws Exception {
        Path source = SharedData.requireDicomFile(relative);
        String gdcmconv = Peers.require("gdcmconv").toString();
        Path compressed = work.resolve("j2k.dcm");
        List<String> cmd = new ArrayList<>(List.of(gdcmconv));
        cmd.addAll(options);
        cmd.add(source.toString());
        cmd.add(compressed.toString());
        Peers.run(Duration.ofMinutes(1), cmd).requireSuccess();
        boolean lossy = options.contains("--lossy");
        System.out.println("J2K " + String.join(" ", options) + " " + relative + " -> " + PeerComparison.compare(
                new OpenCvJpeg2000Decoder(), compressed, work, lossy ? 45.0 : Double.POSITIVE_INFINITY, null,
                List.of(List.of(gdcmconv, "--raw"))));
    }
}
