package org.pdistation.imaging.codec.imageio;

import java.nio.file.Path;
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

/** Every shared JPEG baseline / lossless file, frame by frame, against DCMTK dcmdjpeg. */
class TwelveMonkeysJpegSharedDataTest {
    static final String BASELINE = "1.2.840.10008.1.2.4.50";

    static Stream<String> files() {
        return SharedCodecFiles.withSyntax(Set.of(BASELINE, "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70"));
    }

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void decodesLikeDcmdjpeg(String relative) throws Exception {
        Path file = SharedData.requireDicomFile(relative);
        String dcmdjpeg = Peers.require("dcmdjpeg").toString();
        boolean lossy = DicomReader.read(file, ReadOptions.HEADER_ONLY).transferSyntax().uid().equals(BASELINE);
        System.out.println("JPEG " + PeerComparison.compare(new TwelveMonkeysJpegDecoder(), file, work,
                lossy ? 45.0 : Double.POSITIVE_INFINITY, dcmdjpeg));
    }
}
