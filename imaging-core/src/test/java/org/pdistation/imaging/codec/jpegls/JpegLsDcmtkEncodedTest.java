package org.pdistation.imaging.codec.jpegls;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.testing.SharedData;

/**
 * Native images compressed by DCMTK dcmcjpls in every interleave mode, lossless and near-lossless, with default
 * and custom coding parameters, decode exactly as DCMTK's dcmdjpls decodes them. dcmdjpls 3.6.7 rejects some
 * of dcmcjpls' own output (16-bit colour with interleave mode 0, some custom-threshold near-lossless colour
 * streams, "Invalid compressed image data"); those are compared with GDCM's gdcmconv decoding.
 */
class JpegLsDcmtkEncodedTest {
    /** Signed images: dcmcjpls 3.6.7 encodes them lossless only. */
    private static final List<String> SIGNED_SOURCES = List.of(
            "single/pydicom/CT_small.dcm",               // 16-bit signed CT
            "single/pydicom/MR_small.dcm");              // 16-bit signed MR
    private static final List<String> SOURCES = List.of(
            "single/pydicom/CT_small.dcm",
            "single/pydicom/MR_small.dcm",
            "multiframe/pydicom-data/emri_small.dcm",    // 12-bit stored, 10 frames
            "single/pydicom-data/vlut_04.dcm",           // 8-bit monochrome
            "single/pydicom-data/SC_rgb.dcm",            // 8-bit RGB
            "single/pydicom-data/SC_rgb_16bit.dcm",      // 16-bit RGB
            "single/dcm4che/US-RGB-8-esopecho");         // 8-bit RGB ultrasound

    private static final List<List<String>> OPTIONS = options();

    @TempDir
    Path work;

    private static List<List<String>> options() {
        List<List<String>> all = new ArrayList<>();
        for (String ilv : List.of("+il", "+is", "+in")) {
            all.add(List.of("+el", ilv));
            for (int near = 1; near <= 3; near++) all.add(List.of("+en", "+md", String.valueOf(near), ilv));
        }
        all.add(List.of("+el", "+pc", "+il"));
        // dcmcjpls 3.6.7 aborts (heap corruption) with custom parameters and +is on colour images.
        all.add(List.of("+el", "+t1", "5", "+t2", "11", "+t3", "40", "+rs", "32", "+il"));
        all.add(List.of("+en", "+md", "2", "+t1", "6", "+t2", "12", "+t3", "50", "+rs", "100", "+in"));
        all.add(List.of("+el", "+fs", "1", "+in"));
        return all;
    }

    @TestFactory
    Stream<DynamicTest> dcmcjplsOutputDecodesLikeDcmdjpls() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String source : SOURCES) {
            for (List<String> opts : OPTIONS) {
                if (SIGNED_SOURCES.contains(source) && opts.contains("+en")) continue;
                String name = source.substring(source.lastIndexOf('/') + 1) + " " + String.join(" ", opts);
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    Path in = SharedData.requireDicomFile(source);
                    Path encoded = work.resolve(name.replaceAll("[^A-Za-z0-9]+", "_") + ".dcm");
                    JpegLsFixtures.dcmcjpls(in, encoded, opts.toArray(String[]::new));
                    int frames = JpegLsFixtures.assertDecodesLikeDcmtk(encoded, work, true);
                    assertTrue(frames >= 1);
                }));
            }
        }
        return tests.stream();
    }
}
