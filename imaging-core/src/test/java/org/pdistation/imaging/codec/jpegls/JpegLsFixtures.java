package org.pdistation.imaging.codec.jpegls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Fragments;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.testing.Peers;

/** Reads JPEG-LS codestreams out of DICOM files and the DCMTK reference decoding of the same files. */
final class JpegLsFixtures {
    private JpegLsFixtures() {
    }

    record Encoded(ImageDescriptor desc, List<byte[]> frames) {
    }

    /** The codestream of each frame (PS3.5 A.4): fragments after the Basic Offset Table, grouped per frame. */
    static Encoded read(Path file) throws IOException {
        DicomFile df = DicomReader.read(file, ReadOptions.IN_MEMORY);
        Dataset ds = df.dataset();
        ImageDescriptor desc = ImageDescriptor.of(ds);
        Fragments fragments = ds.getFragments(Tag.PixelData);
        assertNotNull(fragments, "encapsulated pixel data in " + file);
        List<byte[]> items = new ArrayList<>();
        for (int i = 1; i < fragments.size(); i++) items.add((byte[]) fragments.get(i));
        List<byte[]> frames = new ArrayList<>();
        if (desc.frames() == 1) {
            frames.add(concat(items));
        } else if (items.size() == desc.frames()) {
            frames.addAll(items);
        } else {
            List<byte[]> current = new ArrayList<>();
            for (byte[] item : items) {
                boolean soi = item.length >= 2 && (item[0] & 0xFF) == 0xFF && (item[1] & 0xFF) == 0xD8;
                if (soi && !current.isEmpty()) {
                    frames.add(concat(current));
                    current.clear();
                }
                current.add(item);
            }
            if (!current.isEmpty()) frames.add(concat(current));
        }
        return new Encoded(desc, frames);
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    /**
     * Native pixel data of {@code file} decoded by DCMTK dcmdjpls, colour-by-pixel. DCMTK 3.6.7 refuses a few
     * valid streams (7-bit precision); with {@code gdcmFallback} those are decoded by GDCM's gdcmconv instead.
     */
    static byte[] dcmtkPixels(Path file, Path workDir) throws IOException {
        return dcmtkPixels(file, workDir, false);
    }

    static byte[] dcmtkPixels(Path file, Path workDir, boolean gdcmFallback) throws IOException {
        Path dcmdjpls = Peers.require("dcmdjpls");
        Path out = workDir.resolve(file.getFileName() + ".dcmtk.dcm");
        Peers.Result r = Peers.run(Duration.ofSeconds(60), dcmdjpls.toString(), "+px", file.toString(),
                out.toString());
        if (r.exitCode() != 0) {
            if (!gdcmFallback) r.requireSuccess();
            Path gdcmconv = Peers.require("gdcmconv");
            Peers.run(Duration.ofSeconds(60), gdcmconv.toString(), "--raw", file.toString(), out.toString())
                    .requireSuccess();
        }
        byte[] pixels = DicomReader.read(out, ReadOptions.IN_MEMORY).dataset().getBytes(Tag.PixelData);
        assertNotNull(pixels, "native pixel data from dcmdjpls for " + file);
        return pixels;
    }

    /** Compresses {@code source} with DCMTK dcmcjpls and the given options. */
    static Path dcmcjpls(Path source, Path target, String... options) {
        Path dcmcjpls = Peers.require("dcmcjpls");
        List<String> cmd = new ArrayList<>();
        cmd.add(dcmcjpls.toString());
        cmd.addAll(List.of(options));
        cmd.add(source.toString());
        cmd.add(target.toString());
        Peers.run(Duration.ofSeconds(60), cmd).requireSuccess();
        return target;
    }

    /** Decodes every frame of {@code file} and asserts it equals DCMTK's decoding sample for sample. */
    static int assertDecodesLikeDcmtk(Path file, Path workDir, boolean gdcmFallback)
            throws IOException, CodecException {
        Encoded enc = read(file);
        byte[] expected = dcmtkPixels(file, workDir, gdcmFallback);
        ImageDescriptor desc = enc.desc();
        assertEquals(desc.frames(), enc.frames().size(), "frames found in " + file);
        JpegLsDecoder decoder = new JpegLsDecoder();
        FrameBuffer buffer = new FrameBuffer();
        int frameBytes = (int) desc.nativeFrameLength();
        for (int f = 0; f < enc.frames().size(); f++) {
            byte[] stream = enc.frames().get(f);
            decoder.decode(stream, 0, stream.length, desc, buffer);
            int base = f * frameBytes;
            int n = buffer.sampleCount();
            for (int i = 0; i < n; i++) {
                int want;
                int got;
                if (buffer.kind() == FrameBuffer.Kind.BYTE) {
                    want = expected[base + i] & 0xFF;
                    got = buffer.bytes()[i] & 0xFF;
                } else {
                    want = (expected[base + 2 * i] & 0xFF) | (expected[base + 2 * i + 1] & 0xFF) << 8;
                    got = buffer.shorts()[i] & 0xFFFF;
                }
                if (want != got) {
                    int pixel = i / desc.samplesPerPixel();
                    fail(file.getFileName() + " frame " + f + " sample " + i + " (row " + pixel / desc.columns()
                            + ", column " + pixel % desc.columns() + "): expected " + want + " but decoded " + got);
                }
            }
        }
        return enc.frames().size();
    }
}
