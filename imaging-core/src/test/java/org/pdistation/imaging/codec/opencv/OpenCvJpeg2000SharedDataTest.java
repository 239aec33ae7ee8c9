package org.pdistation.imaging.codec.opencv;

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

/** Every shared JPEG 2000 / HTJ2K file, frame by frame, against gdcmconv --raw. */
class OpenCvJpeg2000SharedDataTest {
    static final Set<String> LOSSLESS = Set.of("1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.201",
            "1.2.840.10008.1.2.4.202");

    static Stream<String> files() {
        return SharedCodecFiles.withSyntax(Set.of("1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91",
                "1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.203"));
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
                LOSSLESS.contains(uid) ? Double.POSITIVE_INFINITY : 45.0, gdcmconv, "--raw"));
    }
}
