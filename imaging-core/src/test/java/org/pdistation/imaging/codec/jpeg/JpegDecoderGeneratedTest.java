package org.pdistation.imaging.codec.jpeg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

/**
 * Streams made by DCMTK's dcmcjpeg from native corpus files with every lossless predictor, point transform,
 * extended 12-bit, progressive, spectral selection, baseline and colour subsampling option, decoded by us and compared with dcmdjpeg.
 */
class JpegDecoderGeneratedTest {
    private static final String CT = "single/pydicom/CT_small.dcm";
    private static final String MR = "single/pydicom/MR_small.dcm";
    private static final String RGB = "single/pydicom-data/SC_rgb.dcm";
    private static final String RGB16 = "single/pydicom-data/SC_rgb_16bit.dcm";
    private static final String US_RGB = "single/dcm4che/US-RGB-8-esopecho";
    private static final String MULTI_RGB = "multiframe/dicomparser/IM00001.implicit_little_endian.dcm";

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (int sv = 1; sv <= 7; sv++) out.add(Arguments.of(CT, "+el +sv " + sv));
        out.add(Arguments.of(CT, "+el +sv 1 +pt 2"));
        out.add(Arguments.of(CT, "+el +sv 7 +pt 3"));
        out.add(Arguments.of(CT, "+ee"));
        out.add(Arguments.of(CT, "+eb"));
        out.add(Arguments.of(CT, "+ep"));
        out.add(Arguments.of(CT, "+es"));
        out.add(Arguments.of(MR, "+el +sv 6"));
        out.add(Arguments.of(MR, "+ee +bt"));
        out.add(Arguments.of(RGB, "+eb"));
        out.add(Arguments.of(RGB, "+eb +s4"));
        out.add(Arguments.of(RGB, "+eb +np"));
        out.add(Arguments.of(RGB, "+eb +cr"));
        out.add(Arguments.of(RGB, "+ee"));
        out.add(Arguments.of(RGB, "+ep"));
        out.add(Arguments.of(RGB, "+es +s4"));
        out.add(Arguments.of(US_RGB, "+ep +q 60"));
        out.add(Arguments.of(MULTI_RGB, "+ep"));
        out.add(Arguments.of(RGB, "+el +sv 1"));
        out.add(Arguments.of(RGB, "+el +sv 5"));
        out.add(Arguments.of(RGB16, "+el +sv 1"));
        out.add(Arguments.of(US_RGB, "+eb +q 75"));
        out.add(Arguments.of(MULTI_RGB, "+eb"));
        out.add(Arguments.of(MULTI_RGB, "+el +sv 2"));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void decodesDcmcjpegOutputLikeDcmdjpeg(String source, String options, @TempDir Path tmp) throws Exception {
        Path in = SharedData.requireDicomFile(source);
        Path encoded = tmp.resolve("enc.dcm");
        List<String> cmd = new ArrayList<>();
        cmd.add(Peers.require("dcmcjpeg").toString());
        cmd.addAll(List.of(options.split(" ")));
        cmd.add(in.toString());
        cmd.add(encoded.toString());
        Peers.run(Duration.ofSeconds(120), cmd).requireSuccess();
        JpegFrames.verifyAgainstDcmdjpeg(encoded, tmp, options.contains("+el"));
    }
}
