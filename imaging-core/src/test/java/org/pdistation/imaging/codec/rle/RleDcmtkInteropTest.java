package org.pdistation.imaging.codec.rle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Fragments;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

/** RLE decoding and encoding checked against DCMTK (dcmdrle, dcmcrle) and GDCM (gdcmconv --raw). */
class RleDcmtkInteropTest {
    private static final String RLE = "1.2.840.10008.1.2.5";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    static Stream<String> sharedRleFiles() throws Exception {
        Path root = SharedData.require();
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("dicomdata/MANIFEST.tsv"))) {
            String[] f = line.split("\t", -1);
            if (f.length > 6 && f[6].startsWith(RLE + " ") && !f[0].startsWith("broken/")) out.add(f[0]);
        }
        assertFalse(out.isEmpty(), "no RLE files in MANIFEST.tsv");
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("sharedRleFiles")
    void everyFrameOfSharedRleFileEqualsDcmdrleOutput(String relative) throws Exception {
        Path file = SharedData.requireDicomFile(relative);
        assertDecodesLikeDcmdrle(file);
    }

    /** Native files compressed by dcmcrle, also split into 1000-byte fragments to exercise the offset table. */
    @ParameterizedTest
    @ValueSource(strings = {"single/pydicom/examples_palette.dcm", "single/pydicom/CT_small.dcm",
            "single/pydicom-data/SC_rgb.dcm", "single/pydicom-data/SC_rgb_16bit.dcm",
            "single/pydicom-data/color-pl.dcm", "single/pydicom/SC_rgb_small_odd.dcm",
            "multiframe/pydicom-data/emri_small.dcm", "multiframe/dcm4che/NM-MONO2-16-13x-heart",
            "single/dcm4che/test16signed.dcm"})
    void dcmcrleOutputDecodesToTheSourcePixels(String relative) throws Exception {
        Path source = SharedData.requireDicomFile(relative);
        Path dcmcrle = Peers.require("dcmcrle");
        Path dir = RleFrames.tempDir();
        try {
            for (String[] opts : new String[][] {{}, {"+fs", "1"}}) {
                Path rle = dir.resolve("rle.dcm");
                List<String> cmd = new ArrayList<>(List.of(dcmcrle.toString()));
                cmd.addAll(List.of(opts));
                cmd.addAll(List.of(source.toString(), rle.toString()));
                Peers.run(TIMEOUT, cmd).requireSuccess();
                DicomFile src = DicomReader.read(source, ReadOptions.IN_MEMORY);
                ImageDescriptor sd = ImageDescriptor.of(src.dataset());
                byte[] pixels = src.dataset().getBytes(Tag.PixelData);
                List<byte[]> decoded = decodeAll(rle);
                assertEquals(sd.frames(), decoded.size());
                FrameBuffer expected = new FrameBuffer();
                for (int i = 0; i < sd.frames(); i++) {
                    RleFrames.fromNative(pixels, i, sd, expected);
                    assertArrayEquals(RleFrames.nativeBytes(expected), decoded.get(i), relative + " frame " + i);
                }
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** Our encoder's output: dcmdrle and gdcmconv --raw give back the source samples; our decoder round-trips. */
    @ParameterizedTest
    @ValueSource(strings = {"single/pydicom/examples_palette.dcm", "single/pydicom/CT_small.dcm",
            "single/pydicom-data/SC_rgb.dcm", "single/pydicom-data/SC_rgb_16bit.dcm",
            "single/pydicom-data/color-pl.dcm", "single/pydicom/SC_rgb_small_odd.dcm",
            "multiframe/pydicom-data/emri_small.dcm", "single/dcm4che/test16signed.dcm"})
    void ourEncoderIsReadBackExactlyByDcmdrleAndGdcm(String relative) throws Exception {
        Path source = SharedData.requireDicomFile(relative);
        Path dcmdrle = Peers.require("dcmdrle");
        Path gdcmconv = Peers.require("gdcmconv");
        Path dir = RleFrames.tempDir();
        try {
            DicomFile src = DicomReader.read(source, ReadOptions.IN_MEMORY);
            Dataset ds = src.dataset();
            ImageDescriptor sd = ImageDescriptor.of(ds);
            byte[] pixels = ds.getBytes(Tag.PixelData);
            if (pixels == null) pixels = ds.getBytes(Tag.FloatPixelData);
            FrameBuffer fb = new FrameBuffer();
            RleEncoder encoder = new RleEncoder();
            RleDecoder decoder = new RleDecoder();
            FrameBuffer back = new FrameBuffer();
            Fragments fragments = new Fragments(VR.OB);
            fragments.add(new byte[0]);
            ByteArrayBuilder expected = new ByteArrayBuilder();
            for (int i = 0; i < sd.frames(); i++) {
                RleFrames.fromNative(pixels, i, sd, fb);
                byte[] frame = encoder.encode(fb, sd);
                assertEquals(0, frame.length % 2, "even frame length");
                decoder.decode(frame, 0, frame.length, sd, back);
                assertArrayEquals(RleFrames.nativeBytes(fb), RleFrames.nativeBytes(back), "round trip frame " + i);
                fragments.add(frame);
                expected.add(RleFrames.nativeBytes(fb));
            }
            Dataset out = ds.copy();
            out.remove(Tag.FloatPixelData);
            out.set(Tag.PixelData, VR.OB, fragments);
            // PS3.5 8.2.2: RLE pixel data is described as colour-by-pixel here; segments are planes anyway.
            if (sd.samplesPerPixel() > 1) out.setInt(Tag.PlanarConfiguration, VR.US, 0);
            Path rle = dir.resolve("ours.dcm");
            DicomWriter.write(rle, out, TransferSyntax.of(RLE));

            Path viaDcmtk = dir.resolve("dcmtk.dcm");
            Peers.run(TIMEOUT, dcmdrle.toString(), rle.toString(), viaDcmtk.toString()).requireSuccess();
            assertArrayEquals(expected.bytes(), nativeSamples(viaDcmtk), "dcmdrle of our RLE");

            if (sd.samplesPerPixel() > 1 && sd.containerBytes() > 1) {
                // GDCM 3 reorders the segments of 16-bit colour RLE (it does the same on dcmcrle's output), so it
                // is no reference there; DCMTK and pydicom's SC_rgb_rle_16bit.dcm agree with us.
                return;
            }
            Path viaGdcm = dir.resolve("gdcm.dcm");
            Peers.run(TIMEOUT, gdcmconv.toString(), "--raw", rle.toString(), viaGdcm.toString()).requireSuccess();
            assertArrayEquals(expected.bytes(), nativeSamples(viaGdcm), "gdcmconv --raw of our RLE");
        } finally {
            deleteTree(dir);
        }
    }

    private static void assertDecodesLikeDcmdrle(Path file) throws Exception {
        Path dcmdrle = Peers.require("dcmdrle");
        Path dir = RleFrames.tempDir();
        try {
            Path raw = dir.resolve("raw.dcm");
            Peers.run(TIMEOUT, dcmdrle.toString(), file.toString(), raw.toString()).requireSuccess();
            byte[] expected = nativeSamples(raw);
            ByteArrayBuilder actual = new ByteArrayBuilder();
            for (byte[] f : decodeAll(file)) actual.add(f);
            byte[] got = actual.bytes();
            // native pixel data is padded to even length (PS3.5 A.4 / 8.1.1)
            assertEquals(expected.length + (expected.length & 1), got.length + (got.length & 1), "decoded length");
            assertArrayEquals(java.util.Arrays.copyOf(expected, got.length), got, file.toString());
        } finally {
            deleteTree(dir);
        }
    }

    /** Every frame of an RLE file decoded with {@link RleDecoder}, as native little-endian bytes. */
    static List<byte[]> decodeAll(Path file) throws Exception {
        DicomFile df = DicomReader.read(file, ReadOptions.IN_MEMORY);
        ImageDescriptor d = ImageDescriptor.of(df.dataset());
        RleDecoder decoder = new RleDecoder();
        FrameBuffer fb = new FrameBuffer();
        List<byte[]> out = new ArrayList<>();
        for (byte[] frame : RleFrames.frames(df.dataset(), d.frames())) {
            decoder.decode(frame, 0, frame.length, d, fb);
            out.add(RleFrames.nativeBytes(fb));
        }
        return out;
    }

    /** The native pixel data of a file, re-ordered to colour-by-pixel when the file is colour-by-plane. */
    static byte[] nativeSamples(Path file) throws Exception {
        DicomFile df = DicomReader.read(file, ReadOptions.IN_MEMORY);
        ImageDescriptor d = ImageDescriptor.of(df.dataset());
        byte[] pixels = df.dataset().getBytes(Tag.PixelData);
        if (pixels == null) pixels = df.dataset().getBytes(Tag.FloatPixelData);
        if (d.planarConfiguration() == 0 || d.samplesPerPixel() == 1) {
            return java.util.Arrays.copyOf(pixels, (int) (d.nativeFrameLength() * d.frames()));
        }
        ByteArrayBuilder out = new ByteArrayBuilder();
        FrameBuffer fb = new FrameBuffer();
        for (int i = 0; i < d.frames(); i++) {
            RleFrames.fromNative(pixels, i, d, fb);
            out.add(RleFrames.nativeBytes(fb));
        }
        return out.bytes();
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    static final class ByteArrayBuilder {
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        void add(byte[] b) { out.writeBytes(b); }

        byte[] bytes() { return out.toByteArray(); }
    }
}
