package org.pdistation.imaging.codec.jpeg;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pdistation.imaging.testing.SharedData;

/**
 * Every JPEG (baseline, extended, lossless) file of the shared corpus, every frame, decoded by {@link JpegDecoder}
 * and compared with DCMTK's dcmdjpeg: lossless bit-exact, lossy PSNR ≥ 45 dB.
 */
class JpegDecoderSharedDataTest {
    private static final List<String> SYNTAXES = List.of("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51",
            "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70");

    static Stream<String> jpegFiles() throws IOException {
        Path root = SharedData.require().resolve("dicomdata");
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("MANIFEST.tsv"))) {
            String[] cols = line.split("\t", -1);
            if (cols.length < 7 || cols[0].startsWith("broken/")) continue;
            String ts = cols[6].split(" ")[0];
            if (SYNTAXES.contains(ts)) out.add(cols[0]);
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("jpegFiles")
    void decodesLikeDcmdjpeg(String relative, @TempDir Path tmp) throws Exception {
        Path file = SharedData.requireDicomFile(relative);
        String ts = org.pdistation.imaging.io.DicomReader.read(file,
                org.pdistation.imaging.io.ReadOptions.HEADER_ONLY).transferSyntax().uid();
        JpegFrames.verifyAgainstDcmdjpeg(file, tmp, ts.endsWith(".57") || ts.endsWith(".70"));
    }
}
