package org.pdistation.imaging.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.codec.imageio.TwelveMonkeysJpegDecoder;
import org.pdistation.imaging.codec.opencv.OpenCvJpeg2000Decoder;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.Peers;

/**
 * Single-thread decode throughput of 512x512 16-bit synthetic CT frames: JPEG lossless (dcmcjpeg +el) through
 * TwelveMonkeys and JPEG 2000 lossless (gdcmconv --j2k) through OpenCV. Prints MP/s, asserts only that the pixels
 * hash the same as the peer's native output (no timing assertions: the machine is shared).
 */
class LibraryCodecBenchmark {
    static final int SLICES = 6;
    static final int ROUNDS = 5;

    @TempDir
    Path work;

    @Test
    void jpegLosslessThroughTwelveMonkeys() throws Exception {
        String dcmcjpeg = Peers.require("dcmcjpeg").toString();
        String dcmdjpeg = Peers.require("dcmdjpeg").toString();
        run("JPEG lossless (TwelveMonkeys)", new TwelveMonkeysJpegDecoder(), List.of(dcmcjpeg, "+el"), List.of(dcmdjpeg));
    }

    @Test
    void j2kLosslessThroughOpenCv() throws Exception {
        String gdcmconv = Peers.require("gdcmconv").toString();
        run("J2K lossless (OpenCV)", new OpenCvJpeg2000Decoder(), List.of(gdcmconv, "--j2k"), List.of(gdcmconv, "--raw"));
    }

    private void run(String name, FrameDecoder decoder, List<String> encode, List<String> decode) throws Exception {
        List<Path> sources = new SyntheticCtStudy(512, SLICES, 20261120L).write(work.resolve("src"), SLICES);
        List<byte[]> frames = new ArrayList<>();
        List<String> peerHashes = new ArrayList<>();
        ImageDescriptor desc = null;
        long compressedBytes = 0;
        for (int i = 0; i < sources.size(); i++) {
            Path c = work.resolve("c" + i + ".dcm");
            Path n = work.resolve("n" + i + ".dcm");
            Peers.run(Duration.ofMinutes(1), with(encode, sources.get(i), c)).requireSuccess();
            Peers.run(Duration.ofMinutes(1), with(decode, c, n)).requireSuccess();
            Dataset ds = DicomReader.read(c, ReadOptions.IN_MEMORY).dataset();
            desc = ImageDescriptor.of(ds);
            byte[] frame = EncapsulatedFrames.of(ds, 1).get(0);
            frames.add(frame);
            compressedBytes += frame.length;
            peerHashes.add(sha256(DicomReader.read(n, ReadOptions.IN_MEMORY).dataset().getBytes(Tag.PixelData)));
        }
        FrameBuffer buf = new FrameBuffer();
        for (int i = 0; i < frames.size(); i++) { // warm-up and correctness
            decoder.decode(frames.get(i), 0, frames.get(i).length, desc, buf);
            assertEquals(peerHashes.get(i), sha256(littleEndian(buf)), name + ": pixel hash of slice " + i);
        }
        long t0 = System.nanoTime();
        for (int r = 0; r < ROUNDS; r++) {
            for (byte[] f : frames) decoder.decode(f, 0, f.length, desc, buf);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double mp = (double) ROUNDS * frames.size() * desc.pixels() / 1e6;
        System.out.printf("BENCH %s: %d decodes of 512x512x16-bit in %.2f s = %.1f MP/s (%.1f ms/frame), ratio %.2f:1, "
                        + "pixel hashes equal to the peer's%n", name, ROUNDS * frames.size(), seconds, mp / seconds,
                seconds * 1000 / (ROUNDS * frames.size()), (double) frames.size() * desc.nativeFrameLength() / compressedBytes);
    }

    private static List<String> with(List<String> cmd, Path in, Path out) {
        List<String> c = new ArrayList<>(cmd);
        c.add(in.toString());
        c.add(out.toString());
        return c;
    }

    private static byte[] littleEndian(FrameBuffer buf) {
        ByteBuffer bb = ByteBuffer.allocate(buf.sampleCount() * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < buf.sampleCount(); i++) bb.putShort(buf.shorts()[i]);
        return bb.array();
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
