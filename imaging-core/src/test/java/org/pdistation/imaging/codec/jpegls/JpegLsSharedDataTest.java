package org.pdistation.imaging.codec.jpegls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.testing.SharedData;

/**
 * Every JPEG-LS file of the shared test data decodes exactly as DCMTK's dcmdjpls decodes it (GDCM's gdcmconv
 * for the one DCMTK 3.6.7 refuses, the 7-bit JLSL_08_07_0_1F.dcm).
 */
class JpegLsSharedDataTest {
    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everySharedJpegLsFileDecodesLikeDcmtk() throws IOException {
        Path root = SharedData.require().resolve("dicomdata");
        List<String> files = Files.readAllLines(root.resolve("MANIFEST.tsv")).stream()
                .skip(1)
                .map(line -> line.split("\t", -1))
                .filter(cols -> cols.length > 6 && !cols[0].startsWith("broken/"))
                .filter(cols -> cols[6].startsWith("1.2.840.10008.1.2.4.80 ")
                        || cols[6].startsWith("1.2.840.10008.1.2.4.81 "))
                .map(cols -> cols[0])
                .toList();
        if (files.size() < 10) throw new AssertionError("expected the JPEG-LS files of the manifest, found " + files);
        return files.stream().map(rel -> DynamicTest.dynamicTest(rel,
                () -> JpegLsFixtures.assertDecodesLikeDcmtk(root.resolve(rel), work, true)));
    }
}
