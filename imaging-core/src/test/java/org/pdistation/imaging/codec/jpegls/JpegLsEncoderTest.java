package org.pdistation.imaging.codec.jpegls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.codec.Photometric;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Fragments;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.testing.SharedData;

/**
 * Our lossless encoder's output decodes, by our decoder and by DCMTK dcmdjpls (GDCM gdcmconv for streams with
 * restart markers, which dcmdjpls 3.6.7 does not support), to exactly the source samples.
 */
class JpegLsEncoderTest {
    private static final List<String> SOURCES = List.of(
            "single/pydicom/CT_small.dcm",
            "multiframe/pydicom-data/emri_small.dcm",
            "single/pydicom-data/vlut_04.dcm",
            "single/pydicom-data/SC_rgb.dcm",
            "single/pydicom-data/SC_rgb_16bit.dcm",
            "single/dcm4che/US-RGB-8-esopecho");

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> encodedFramesDecodeToTheSourceSamples() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String source : SOURCES) {
            for (int ilv : new int[] {0, 2}) {
                tests.add(DynamicTest.dynamicTest(source + " ILV " + ilv, () -> roundTrip(source, ilv, 0)));
            }
            tests.add(DynamicTest.dynamicTest(source + " ILV 2, restart every 7 lines",
                    () -> roundTrip(source, 2, 7)));
        }
        return tests.stream();
    }

    private void roundTrip(String rel, int ilv, int restartInterval) throws Exception {
        Path sourceFile = SharedData.requireDicomFile(rel);
        Dataset ds = DicomReader.read(sourceFile, ReadOptions.IN_MEMORY).dataset();
        ImageDescriptor desc = ImageDescriptor.of(ds);
        assertEquals(0, desc.planarConfiguration());
        byte[] nativePixels = ds.getBytes(Tag.PixelData);
        int frameBytes = (int) desc.nativeFrameLength();
        JpegLsEncoder encoder = new JpegLsEncoder(ilv, restartInterval);
        JpegLsDecoder decoder = new JpegLsDecoder();
        FrameBuffer src = new FrameBuffer();
        FrameBuffer back = new FrameBuffer();
        Fragments fragments = new Fragments(VR.OB);
        fragments.add(new byte[0]);
        for (int f = 0; f < desc.frames(); f++) {
            fill(src, desc, nativePixels, f * frameBytes);
            byte[] encoded = encoder.encode(src, desc);
            decoder.decode(encoded, 0, encoded.length, desc, back);
            assertSameSamples(src, back, rel + " frame " + f);
            fragments.add(encoded.length % 2 == 0 ? encoded : Arrays.copyOf(encoded, encoded.length + 1));
        }
        ds.set(Tag.PixelData, VR.OB, fragments);
        Path jls = work.resolve("ours-" + ilv + "-" + restartInterval + "-" + sourceFile.getFileName() + ".dcm");
        DicomWriter.write(jls, ds, TransferSyntax.of("1.2.840.10008.1.2.4.80"));
        // dcmdjpls 3.6.7 does not support restart markers; gdcmconv decodes those streams.
        byte[] dcmtk = JpegLsFixtures.dcmtkPixels(jls, work, restartInterval > 0);
        assertArrayEquals(Arrays.copyOf(nativePixels, frameBytes * desc.frames()),
                Arrays.copyOf(dcmtk, frameBytes * desc.frames()), "dcmdjpls decoding of our " + rel);
    }

    @Test
    void noiseAndFlatAreasRoundTripInEveryMode() throws Exception {
        Random random = new Random(5);
        for (int bits : new int[] {2, 8, 12, 16}) {
            for (int spp : new int[] {1, 3}) {
                int allocated = bits <= 8 ? 8 : 16;
                ImageDescriptor desc = new ImageDescriptor(37, 53, spp, allocated, bits, bits - 1, false, 0,
                        spp == 1 ? Photometric.MONOCHROME2 : Photometric.RGB, 1);
                FrameBuffer src = new FrameBuffer();
                src.reset(desc);
                for (int i = 0; i < src.sampleCount(); i++) {
                    int row = i / (53 * spp);
                    // Flat bands (runs), ramps and noise, so every coding path is taken.
                    int v = row % 3 == 0 ? 5 : row % 3 == 1 ? i % 50 : random.nextInt(1 << bits);
                    v &= (1 << bits) - 1;
                    if (allocated == 8) src.bytes()[i] = (byte) v;
                    else src.shorts()[i] = (short) v;
                }
                for (int ilv : new int[] {0, 2}) {
                    byte[] encoded = new JpegLsEncoder(ilv).encode(src, desc);
                    FrameBuffer back = new FrameBuffer();
                    new JpegLsDecoder().decode(encoded, 0, encoded.length, desc, back);
                    assertSameSamples(src, back, bits + "-bit x" + spp + " ILV " + ilv);
                }
            }
        }
    }

    @Test
    void frameBufferNotMatchingTheDescriptionIsRejected() throws Exception {
        ImageDescriptor desc = new ImageDescriptor(4, 4, 1, 16, 16, 15, false, 0, Photometric.MONOCHROME2, 1);
        FrameBuffer src = new FrameBuffer();
        src.reset(5, 4, 1, FrameBuffer.Kind.SHORT);
        assertThrows(CodecException.class, () -> new JpegLsEncoder().encode(src, desc));
    }

    private static void fill(FrameBuffer buffer, ImageDescriptor desc, byte[] pixels, int offset) throws Exception {
        buffer.reset(desc);
        int n = buffer.sampleCount();
        if (buffer.kind() == FrameBuffer.Kind.BYTE) {
            System.arraycopy(pixels, offset, buffer.bytes(), 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                buffer.shorts()[i] = (short) ((pixels[offset + 2 * i] & 0xFF) | (pixels[offset + 2 * i + 1] & 0xFF) << 8);
            }
        }
    }

    private static void assertSameSamples(FrameBuffer expected, FrameBuffer actual, String what) {
        assertEquals(expected.sampleCount(), actual.sampleCount(), what);
        assertEquals(expected.kind(), actual.kind(), what);
        for (int i = 0; i < expected.sampleCount(); i++) {
            if (expected.sample(i) != actual.sample(i)) {
                throw new AssertionError(what + ": sample " + i + " expected " + expected.sample(i) + " but was "
                        + actual.sample(i));
            }
        }
    }
}
