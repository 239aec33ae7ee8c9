package org.pdistation.imaging.codec.opencv;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pdistation.imaging.codec.PeerComparison;
import org.pdistation.imaging.codec.SharedCodecFiles;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

/** Every shared JPEG 2000 / HTJ2K file, frame by frame, against gdcmconv --raw. */
class OpenCvJpeg2000SharedDataTest {
    static final Set<String> LOSSLESS = Set.of("1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.201",
            "1.2.840.10008.1.2.4.202");

    static Stream<String> files() {
        return SharedCodecFiles.withSyntax(Set.of("1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91",
                "1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.203"))
                .filter(f -> !f.contains("HTJ2K")); // gdcmconv cannot read HTJ2K: see decodesHtj2kLossyCloseToHtj2kLossless
    }

    /** Files under broken/ whose frames are JP2 files instead of raw codestreams (PS3.5 A.4.4 wants raw). */
    static Stream<String> jp2Wrapped() {
        return Stream.of("broken/pydicom/GDCMJ2K_TextGBR.dcm", "broken/pylibjpeg-data/ELSCINT1_JP2vsJ2K.dcm",
                "broken/pylibjpeg-data/MAROTECH_CT_JP2Lossy.dcm");
    }

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void decodesLikeGdcm(String relative) throws Exception {
        Path file = SharedData.requireDicomFile(relative);
        String gdcmconv = Peers.require("gdcmconv").toString();
        String uid = DicomReader.read(file, ReadOptions.HEADER_ONLY).transferSyntax().uid();
        System.out.println("J2K " + PeerComparison.compare(new OpenCvJpeg2000Decoder(), file, work,
                LOSSLESS.contains(uid) ? Double.POSITIVE_INFINITY : 45.0, null, List.of(List.of(gdcmconv, "--raw"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jp2Wrapped")
    void decodesJp2WrappedFramesLikeGdcm(String relative) throws Exception {
        decodesLikeGdcm(relative);
    }

    /**
     * No installed peer decodes HTJ2K (gdcmconv cannot read it), so the two pydicom-data samples, which hold the
     * same image, check each other: the lossless one decodes, and the lossy one is close to it.
     */
    @org.junit.jupiter.api.Test
    void decodesHtj2kLossyCloseToHtj2kLossless() throws Exception {
        var lossless = decodeFirst(SharedData.requireDicomFile("single/pydicom-data/HTJ2KLossless_08_RGB.dcm"));
        var lossy = decodeFirst(SharedData.requireDicomFile("single/pydicom-data/HTJ2K_08_RGB.dcm"));
        org.junit.jupiter.api.Assertions.assertEquals(640 * 480 * 3, lossless.sampleCount());
        long max = 0;
        double se = 0;
        for (int i = 0; i < lossless.sampleCount(); i++) {
            long d = Math.abs(lossless.sample(i) - lossy.sample(i));
            max = Math.max(max, d);
            se += d * d;
        }
        double psnr = 10 * Math.log10(255.0 * 255.0 / (se / lossless.sampleCount()));
        System.out.printf("HTJ2K lossy vs lossless: max diff %d, PSNR %.1f dB%n", max, psnr);
        org.junit.jupiter.api.Assertions.assertTrue(psnr >= 30, "PSNR " + psnr);
    }

    private static org.pdistation.imaging.codec.FrameBuffer decodeFirst(Path file) throws Exception {
        var ds = DicomReader.read(file, ReadOptions.IN_MEMORY).dataset();
        var desc = org.pdistation.imaging.codec.ImageDescriptor.of(ds);
        byte[] frame = org.pdistation.imaging.codec.EncapsulatedFrames.of(ds, 1).get(0);
        var buf = new org.pdistation.imaging.codec.FrameBuffer();
        org.junit.jupiter.api.Assertions.assertEquals(org.pdistation.imaging.codec.Photometric.RGB,
                new OpenCvJpeg2000Decoder().decode(frame, 0, frame.length, desc, buf));
        return buf;
    }
}
