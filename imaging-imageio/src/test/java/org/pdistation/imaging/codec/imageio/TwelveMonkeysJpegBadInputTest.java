package org.pdistation.imaging.codec.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.EncapsulatedFrames;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.codec.MutationRunner;
import org.pdistation.imaging.codec.Photometric;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.testing.SharedData;

/** Corrupt, truncated and mismatching JPEG input. */
class TwelveMonkeysJpegBadInputTest {
    static final String LOSSLESS = "single/dcm4che/MR-JPEGLosslessSV1.dcm";

    @ParameterizedTest(name = "{0} seed {1}")
    @CsvSource({"single/dcm4che/MR-JPEGLosslessSV1.dcm, 11, 300", "single/pydicom/SC_rgb_jpeg_dcmtk.dcm, 12, 300",
            "single/pylibjpeg-data/JPEGBaseline_1s_1f_u_08_08.dcm, 13, 300", "single/fo-dicom/GH184.dcm, 14, 300"})
    void mutatedStreamsDecodeOrThrowCodecException(String relative, long seed, int count) throws Exception {
        MutationRunner.Outcome o = MutationRunner.run(new TwelveMonkeysJpegDecoder(), SharedData.requireDicomFile(relative),
                seed, count);
        System.out.println("JPEG mutations of " + relative + ": " + o);
        assertEquals(count, o.decoded() + o.refused());
    }

    @Test
    void truncatedHeaderIsACodecException() throws Exception {
        byte[][] f = new byte[1][];
        ImageDescriptor desc = frame(LOSSLESS, f);
        for (int len : new int[] {0, 1, 2, 10, 100}) {
            assertThrows(CodecException.class,
                    () -> new TwelveMonkeysJpegDecoder().decode(f[0], 0, len, desc, new FrameBuffer()));
        }
    }

    @Test
    void sizeMismatchWithTheDescriptorIsRefusedBeforeDecoding() throws Exception {
        byte[][] f = new byte[1][];
        ImageDescriptor desc = frame(LOSSLESS, f);
        ImageDescriptor wrong = new ImageDescriptor(desc.rows() + 1, desc.columns(), 1, 16, 16, 15, false, 0,
                Photometric.MONOCHROME2, 1);
        CodecException e = assertThrows(CodecException.class,
                () -> new TwelveMonkeysJpegDecoder().decode(f[0], 0, f[0].length, wrong, new FrameBuffer()));
        assertTrue(e.getMessage().contains("JPEG frame header says 256x256"), e.getMessage());
    }

    @Test
    void decoderRecoversAfterAFailure() throws Exception {
        byte[][] f = new byte[1][];
        ImageDescriptor desc = frame(LOSSLESS, f);
        TwelveMonkeysJpegDecoder d = new TwelveMonkeysJpegDecoder();
        FrameBuffer buf = new FrameBuffer();
        d.decode(f[0], 0, f[0].length, desc, buf);
        short[] first = Arrays.copyOf(buf.shorts(), buf.sampleCount());
        assertThrows(CodecException.class, () -> d.decode(f[0], 0, f[0].length / 3, desc, buf));
        d.decode(f[0], 0, f[0].length, desc, buf);
        assertArrayEquals(first, Arrays.copyOf(buf.shorts(), buf.sampleCount()));
    }

    static ImageDescriptor frame(String relative, byte[][] out) throws Exception {
        Dataset ds = DicomReader.read(SharedData.requireDicomFile(relative), ReadOptions.IN_MEMORY).dataset();
        ImageDescriptor desc = ImageDescriptor.of(ds);
        out[0] = EncapsulatedFrames.of(ds, desc.frames()).get(0);
        return desc;
    }
}
