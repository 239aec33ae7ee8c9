package org.pdistation.imaging.codec.imageio;

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

/** Every shared JPEG baseline / lossless file, frame by frame, against DCMTK dcmdjpeg. */
class TwelveMonkeysJpegSharedDataTest {
    static final String BASELINE = "1.2.840.10008.1.2.4.50";

    /**
     * A whole-slide image whose right-edge tiles are JPEGs narrower than Columns (55 of 240 pixels): the decoder
     * refuses them with a CodecException rather than invent the missing pixels.
     */
    static final Set<String> UNDERSIZED_TILES = Set.of("multiframe/fo-dicom/multiframe.dcm");

    /** Neither dcmdjpeg (bad item delimiter) nor gdcmconv can read it; we only check that every frame decodes. */
    static final Set<String> NO_PEER = Set.of("multiframe/fo-dicom/DIRW0007");

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
        String gdcmconv = Peers.require("gdcmconv").toString();
        boolean lossy = DicomReader.read(file, ReadOptions.HEADER_ONLY).transferSyntax().uid().equals(BASELINE);
        if (NO_PEER.contains(relative)) {
            System.out.println("JPEG " + PeerComparison.decodeOnly(new TwelveMonkeysJpegDecoder(), file));
            return;
        }
        System.out.println("JPEG " + PeerComparison.compare(new TwelveMonkeysJpegDecoder(), file, work,
                lossy ? 45.0 : Double.POSITIVE_INFINITY, UNDERSIZED_TILES.contains(relative) ? "JPEG frame header says" : null,
                List.of(List.of(dcmdjpeg), List.of(gdcmconv, "--raw"))));
    }
}
