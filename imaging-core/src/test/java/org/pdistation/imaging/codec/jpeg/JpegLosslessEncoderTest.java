package org.pdistation.imaging.codec.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
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
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

/**
 * {@link JpegLosslessEncoder} output wrapped as JPEG Lossless SV1 DICOM must decode with DCMTK's dcmdjpeg to the
 * source samples masked to Bits Stored, and round-trip through our own {@link JpegDecoder}.
 */
class JpegLosslessEncoderTest {
    private static final String SV1 = "1.2.840.10008.1.2.4.70";

    @ParameterizedTest
    @ValueSource(strings = {"single/pydicom/CT_small.dcm", "single/pydicom/MR_small.dcm",
            "single/pydicom-data/SC_rgb.dcm", "single/pydicom-data/SC_rgb_16bit.dcm"})
    void encodedFileDecodesWithDcmdjpegToTheSource(String source, @TempDir Path tmp) throws Exception {
        Path native_ = tmp.resolve("native.dcm");
        Peers.run(Duration.ofSeconds(60), Peers.require("dcmconv").toString(), "+te",
                SharedData.requireDicomFile(source).toString(), native_.toString()).requireSuccess();
        Dataset ds = DicomReader.read(native_, ReadOptions.IN_MEMORY).dataset();
        ImageDescriptor desc = ImageDescriptor.of(ds);
        FrameBuffer src = fromLittleEndian(ds.getBytes(Tag.PixelData), desc);

        byte[] stream = new JpegLosslessEncoder().encode(src, desc);
        Fragments frags = new Fragments(VR.OB);
        frags.add(new byte[0]);
        frags.add(stream.length % 2 == 0 ? stream : java.util.Arrays.copyOf(stream, stream.length + 1));
        ds.set(Tag.PixelData, VR.OB, frags);
        Path encoded = tmp.resolve("sv1.dcm");
        DicomWriter.write(encoded, ds, TransferSyntax.of(SV1));

        JpegFrames.Reference ref = JpegFrames.dcmdjpeg(encoded, tmp.resolve("back.dcm"));
        int mask = (1 << desc.bitsStored()) - 1;
        int n = (int) desc.samples();
        for (int i = 0; i < n; i++) {
            assertEquals(raw(src, i) & mask, JpegFrames.refSample(ref, n, 0, i) & mask, "sample " + i);
        }
        FrameBuffer ours = new FrameBuffer();
        assertEquals(desc.photometric(), new JpegDecoder().decode(stream, 0, stream.length, desc, ours));
        for (int i = 0; i < n; i++) assertEquals(raw(src, i) & mask, raw(ours, i), "own decoder, sample " + i);
        System.out.printf("%s: %d bytes -> %d bytes (%.2f:1)%n", source, desc.nativeFrameLength(), stream.length,
                (double) desc.nativeFrameLength() / stream.length);
    }

    @ParameterizedTest(name = "{0} bits stored, {1} samples")
    @CsvSource({"2,1", "8,1", "12,1", "15,1", "16,1", "8,3", "16,3"})
    void randomSamplesRoundTripMaskedToBitsStored(int bits, int spp) throws Exception {
        ImageDescriptor desc = new ImageDescriptor(37, 53, spp, bits <= 8 ? 8 : 16, bits, bits - 1, false, 0,
                spp == 1 ? Photometric.MONOCHROME2 : Photometric.RGB, 1);
        FrameBuffer src = new FrameBuffer();
        src.reset(desc);
        SplittableRandom rnd = new SplittableRandom(bits * 31L + spp);
        // Pure noise over the whole container: garbage above Bits Stored, every difference size incl. 32768.
        for (int i = 0; i < src.sampleCount(); i++) {
            if (src.kind() == FrameBuffer.Kind.BYTE) src.bytes()[i] = (byte) rnd.nextInt(256);
            else src.shorts()[i] = (short) (i % 7 == 0 ? (i % 2) * 0x8000 : rnd.nextInt(65536));
        }
        byte[] stream = new JpegLosslessEncoder().encode(src, desc);
        FrameBuffer out = new FrameBuffer();
        new JpegDecoder().decode(stream, 0, stream.length, desc, out);
        int mask = (1 << bits) - 1;
        for (int i = 0; i < src.sampleCount(); i++) assertEquals(raw(src, i) & mask, raw(out, i), "sample " + i);
    }

    @Test
    void constantImageUsesASingleCode() throws Exception {
        ImageDescriptor desc = new ImageDescriptor(64, 64, 1, 16, 12, 11, false, 0, Photometric.MONOCHROME2, 1);
        FrameBuffer src = new FrameBuffer();
        src.reset(desc);
        java.util.Arrays.fill(src.shorts(), 0, 4096, (short) 2048);
        byte[] stream = new JpegLosslessEncoder().encode(src, desc);
        FrameBuffer out = new FrameBuffer();
        new JpegDecoder().decode(stream, 0, stream.length, desc, out);
        for (int i = 0; i < 4096; i++) assertEquals(2048, out.shorts()[i]);
        assertEquals(true, stream.length < 600, "4096 one-bit codes plus headers, was " + stream.length);
    }

    @Test
    void refusesUnsupportedLayouts() {
        FrameBuffer src = new FrameBuffer();
        assertThrows(CodecException.class, () -> new JpegLosslessEncoder().encode(src,
                new ImageDescriptor(4, 4, 1, 8, 1, 0, false, 0, Photometric.MONOCHROME2, 1)));
        assertThrows(CodecException.class, () -> new JpegLosslessEncoder().encode(src,
                new ImageDescriptor(4, 4, 4, 8, 8, 7, false, 0, Photometric.CMYK, 1)));
        assertThrows(CodecException.class, () -> new JpegLosslessEncoder().encode(src,
                new ImageDescriptor(4, 4, 1, 8, 8, 7, false, 0, Photometric.MONOCHROME2, 1)));
    }

    static FrameBuffer fromLittleEndian(byte[] px, ImageDescriptor desc) throws CodecException {
        FrameBuffer b = new FrameBuffer();
        b.reset(desc);
        int n = b.sampleCount();
        for (int i = 0; i < n; i++) {
            if (b.kind() == FrameBuffer.Kind.BYTE) b.bytes()[i] = px[i];
            else b.shorts()[i] = (short) ((px[2 * i] & 0xFF) | (px[2 * i + 1] & 0xFF) << 8);
        }
        return b;
    }

    static int raw(FrameBuffer b, int i) {
        return b.kind() == FrameBuffer.Kind.BYTE ? b.bytes()[i] & 0xFF : b.shorts()[i] & 0xFFFF;
    }
}
