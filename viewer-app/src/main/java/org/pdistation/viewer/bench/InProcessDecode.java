package org.pdistation.viewer.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.FrameDecoder;
import org.pdistation.imaging.codec.FrameException;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.codec.ImageFrames;

/**
 * One decode-throughput figure: our decoder, on this thread, in process, over compressed frames held in memory;
 * megapixels per second (wall clock) beside a published Weasis figure, megapixels and megabytes of compressed
 * input per CPU-second of this thread, and the decoded stored values compared with the peer's decompressed files.
 *
 * @param frames   the compressed frames, in the order of the reference files' frames
 * @param desc     the image the frames belong to
 * @param refs     the peer's decompressed files (native pixel data), frames in the same order
 */
record InProcessDecode(List<byte[]> frames, ImageDescriptor desc, List<Path> refs) {

    /** The compressed frames of {@code files}, in order (one image layout for all of them). */
    static InProcessDecode of(List<Path> files, List<Path> refs) throws IOException, FrameException {
        List<byte[]> frames = new ArrayList<>();
        ImageDescriptor desc = null;
        for (Path e : files) {
            try (ImageFrames f = ImageFrames.open(e)) {
                desc = f.descriptor();
                for (int k = 0; k < f.frameCount(); k++) frames.add(f.compressedFrame(k));
            }
        }
        return new InProcessDecode(frames, desc, refs);
    }

    long compressedBytes() {
        long n = 0;
        for (byte[] f : frames) n += f.length;
        return n;
    }

    double megapixels() { return frames.size() * desc.pixels() / 1e6; }

    /** Bytes of the decoded stored values (Bits Allocated) over bytes of compressed frames. */
    double compressionRatio() {
        return frames.size() * desc.pixels() * desc.samplesPerPixel() * Math.max(1, desc.bitsAllocated() / 8)
                / (double) compressedBytes();
    }

    /** Agreement with the peer: "pixels == peer, md5 …" or the largest difference and the PSNR. */
    String agreement(FrameDecoder decoder) throws IOException, CodecException, FrameException {
        FrameBuffer buf = new FrameBuffer();
        FrameBuffer peerBuf = new FrameBuffer();
        MessageDigest ours;
        try {
            ours = MessageDigest.getInstance("MD5");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long maxDiff = 0;
        long beyond = 0;
        double sumSq = 0;
        long samples = 0;
        int frameNo = 0;
        for (Path ref : refs) {
            try (ImageFrames f = ImageFrames.open(ref)) {
                for (int k = 0; k < f.frameCount(); k++, frameNo++) {
                    byte[] bytes = frames.get(frameNo);
                    decoder.decode(bytes, 0, bytes.length, desc, buf);
                    // Masked to the peer's Bits Stored: gdcmconv --raw writes the codestream's precision as Bits
                    // Stored where it exceeds the header's (Weasis's file: 16-bit samples under Bits Stored 12),
                    // so the decoders are compared sample for sample; the line counts the samples that differ.
                    f.readFrame(k, peerBuf);
                    if (f.descriptor().bitsStored() != desc.bitsStored()) {
                        for (int s = 0; s < buf.sampleCount(); s++) if (buf.sample(s) >>> desc.bitsStored() != 0) beyond++;
                    }
                    buf.normalize(f.descriptor());
                    digest(ours, buf);
                    if (peerBuf.sampleCount() != buf.sampleCount()) {
                        throw new IOException(ref + " frame " + k + ": " + peerBuf.sampleCount()
                                + " samples from the peer, " + buf.sampleCount() + " from ours");
                    }
                    for (int s = 0; s < buf.sampleCount(); s++) {
                        long d = Math.abs((long) buf.sample(s) - peerBuf.sample(s));
                        maxDiff = Math.max(maxDiff, d);
                        sumSq += (double) d * d;
                    }
                    samples += buf.sampleCount();
                }
            }
        }
        if (frameNo != frames.size()) {
            throw new IOException(frames.size() + " compressed frames but " + frameNo + " reference frames");
        }
        String oursHash = HexFormat.of().formatHex(ours.digest());
        double peak = (1 << desc.bitsStored()) - 1;
        String note = beyond == 0 ? "" : String.format(Locale.ROOT, " (%d samples above Bits Stored %d, as the peer keeps them)",
                beyond, desc.bitsStored());
        return (maxDiff == 0 ? "pixels == peer, md5 " + oursHash.substring(0, 12)
                : String.format(Locale.ROOT, "max diff %d, PSNR %.1f dB against the peer", maxDiff,
                        10 * Math.log10(peak * peak / (sumSq / samples)))) + note;
    }

    /** Median rates over {@code rounds} rounds of at least 300 ms each, after {@code warmup} rounds. */
    record Rates(double mpps, double mpPerCpuSecond, double mbPerCpuSecond) {}

    Rates measure(FrameDecoder decoder, int warmup, int rounds) throws CodecException {
        FrameBuffer buf = new FrameBuffer();
        double[] rates = new double[Math.max(3, rounds)];
        double[] cpuRates = new double[rates.length];
        // This thread's CPU time beside the wall clock: on a shared 2-core machine the wall-clock rate mostly
        // measures the other processes; per CPU-second is what the decoder itself costs on one thread.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double mp = megapixels();
        for (int r = -warmup; r < rates.length; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            int reps = 0;
            do {
                for (byte[] f : frames) decoder.decode(f, 0, f.length, desc, buf);
                reps++;
            } while (System.nanoTime() - t0 < 300_000_000L);
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            if (r >= 0) {
                rates[r] = mp * reps / s;
                cpuRates[r] = cpu > 0 ? mp * reps / cpu : Double.NaN;
            }
        }
        double cpuMp = AlternatingRunner.median(cpuRates);
        return new Rates(AlternatingRunner.median(rates), cpuMp, cpuMp / mp * compressedBytes() / 1e6);
    }

    private static void digest(MessageDigest md, FrameBuffer b) {
        int n = b.sampleCount();
        ByteBuffer bb = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) bb.putInt(b.sample(i));
        md.update(bb.array());
    }
}
