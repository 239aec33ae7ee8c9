package org.pdistation.viewer.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.pdistation.imaging.codec.CodecRegistry;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.FrameDecoder;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.codec.ImageFrames;
import org.pdistation.imaging.codec.Transcoder;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.io.TransferSyntax;

/**
 * Decode throughput per codec, and batch decompression against DCMTK/GDCM.
 *
 * <p>For each codec the generated CT slices are compressed by the peer's encoder and decompressed by the peer's
 * decoder (the reference pixels). Then: (1) our decoder, single thread, in process, over the compressed frames
 * held in memory: megapixels per second beside the published upper Weasis figure (PERFORMANCE.md), and an MD5 of
 * all decoded stored values checked against the peer's; (2) the whole batch rewritten to Explicit VR Little
 * Endian: our {@link Transcoder} in this process against the peer decoder run once per file (DCMTK's tools take
 * one file per run), alternately.
 */
public final class DecodeBenchmark {
    /** A codec under test: how the peer makes the files and how it decodes them. */
    record Case(String name, String transferSyntax, List<String> encode, List<String> decode, double weasisMPps,
                boolean twelveBit) {}

    private static final List<Case> CASES = List.of(
            new Case("jpeg-lossless", "1.2.840.10008.1.2.4.70", List.of("dcmcjpeg", "+e1"), List.of("dcmdjpeg"), 89, false),
            new Case("jpeg-ls", "1.2.840.10008.1.2.4.80", List.of("dcmcjpls", "+el"), List.of("dcmdjpls"), 44, false),
            new Case("jpeg2000", "1.2.840.10008.1.2.4.90", List.of("gdcmconv", "--j2k"), List.of("gdcmconv", "--raw"), 77, false),
            new Case("rle", "1.2.840.10008.1.2.5", List.of("dcmcrle"), List.of("dcmdrle"), 300, false),
            new Case("jpeg-12bit", "1.2.840.10008.1.2.4.51", List.of("dcmcjpeg", "+ee"), List.of("dcmdjpeg"), 217, true));

    private DecodeBenchmark() {}

    public static void run(BenchData data, int warmup, int pairs, List<String> only, PrintWriter out) throws Exception {
        for (Case c : CASES) {
            if (!only.isEmpty() && !only.contains(c.name())) continue;
            if (PeerProcess.find(c.encode().get(0)) == null || PeerProcess.find(c.decode().get(0)) == null) {
                out.printf("decode-%s - - -   (%s not installed)%n", c.name(), c.encode().get(0));
                continue;
            }
            if (CodecRegistry.standard().codec(c.transferSyntax()).isEmpty()) {
                out.printf("decode-%s - - -   (no codec registered)%n", c.name());
                continue;
            }
            runCase(c, data, warmup, pairs, out);
            out.flush();
        }
    }

    private static void runCase(Case c, BenchData data, int warmup, int pairs, PrintWriter out) throws Exception {
        Path dir = data.work().resolve("decode-" + c.name());
        Path src = Files.createDirectories(dir.resolve("src"));
        Path enc = Files.createDirectories(dir.resolve("enc"));
        Path ref = Files.createDirectories(dir.resolve("ref"));
        List<Path> encoded = new ArrayList<>();
        for (int i = 0; i < data.files().size(); i++) {
            Path in = data.files().get(i);
            if (c.twelveBit()) in = twelveBitCopy(in, src.resolve(i + ".dcm"));
            Path e = enc.resolve(i + ".dcm");
            peer(dir, c.encode(), in, e);
            peer(dir, c.decode(), e, ref.resolve(i + ".dcm"));
            encoded.add(e);
        }
        // (1) in-process decode throughput with a pixel hash against the peer's output
        List<byte[]> frames = new ArrayList<>();
        ImageDescriptor desc = null;
        for (Path e : encoded) {
            try (ImageFrames f = ImageFrames.open(e)) {
                desc = f.descriptor();
                for (int k = 0; k < f.frameCount(); k++) frames.add(f.compressedFrame(k));
            }
        }
        FrameDecoder decoder = CodecRegistry.standard().codec(c.transferSyntax()).orElseThrow().decoder().get();
        FrameBuffer buf = new FrameBuffer();
        FrameBuffer peerBuf = new FrameBuffer();
        MessageDigest ours = MessageDigest.getInstance("MD5");
        long maxDiff = 0;
        double sumSq = 0;
        long samples = 0;
        int frameNo = 0;
        for (int i = 0; i < encoded.size(); i++) {
            try (ImageFrames f = ImageFrames.open(ref.resolve(i + ".dcm"))) {
                for (int k = 0; k < f.frameCount(); k++, frameNo++) {
                    byte[] bytes = frames.get(frameNo);
                    decoder.decode(bytes, 0, bytes.length, desc, buf);
                    buf.normalize(desc);
                    digest(ours, buf);
                    f.readFrame(k, peerBuf);
                    for (int s = 0; s < buf.sampleCount(); s++) {
                        long d = Math.abs((long) buf.sample(s) - peerBuf.sample(s));
                        maxDiff = Math.max(maxDiff, d);
                        sumSq += (double) d * d;
                    }
                    samples += buf.sampleCount();
                }
            }
        }
        String oursHash = HexFormat.of().formatHex(ours.digest());
        double peak = (1 << desc.bitsStored()) - 1;
        String agreement = maxDiff == 0 ? "pixels == peer, md5 " + oursHash.substring(0, 12)
                : String.format("max diff %d, PSNR %.1f dB against the peer", maxDiff,
                        10 * Math.log10(peak * peak / (sumSq / samples)));
        double megapixels = frames.size() * desc.pixels() / 1e6;
        double[] rates = new double[Math.max(3, pairs)];
        double[] cpuRates = new double[rates.length];
        // Process CPU time beside the wall clock: on a shared 2-core machine the wall-clock rate mostly measures
        // the other processes; megapixels per CPU-second is what the decoder itself costs (all decoder threads,
        // e.g. OpenJPEG's pool when OPJ_NUM_THREADS is set, are counted).
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int r = -warmup; r < rates.length; r++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            int reps = 0;
            do {
                for (byte[] f : frames) decoder.decode(f, 0, f.length, desc, buf);
                reps++;
            } while (System.nanoTime() - t0 < 300_000_000L);
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - c0) / 1e9;
            if (r >= 0) {
                rates[r] = megapixels * reps / s;
                cpuRates[r] = cpu > 0 ? megapixels * reps / cpu : Double.NaN;
            }
        }
        double mpps = AlternatingRunner.median(rates);
        out.printf("decode-%s-MPps %.1f %.1f %.3f   (Weasis upper figure; ratio = Weasis/ours; %.1f MP per CPU-second; %s)%n",
                c.name(), mpps, c.weasisMPps(), c.weasisMPps() / mpps, AlternatingRunner.median(cpuRates), agreement);

        // (2) batch to Explicit VR Little Endian: our transcoder vs the peer decoder per file
        Path oursOut = Files.createDirectories(dir.resolve("ours"));
        Path peerOut = Files.createDirectories(dir.resolve("peer"));
        Transcoder transcoder = new Transcoder();
        AlternatingRunner.Trial oursTrial = () -> {
            long t0 = System.nanoTime();
            for (int i = 0; i < encoded.size(); i++) {
                transcoder.transcode(encoded.get(i), oursOut.resolve(i + ".dcm"), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            }
            return (System.nanoTime() - t0) / 1e9;
        };
        AlternatingRunner.Trial peerTrial = () -> {
            double total = 0;
            for (int i = 0; i < encoded.size(); i++) total += peer(dir, c.decode(), encoded.get(i), peerOut.resolve(i + ".dcm"));
            return total;
        };
        AlternatingRunner.Result r = new AlternatingRunner(warmup, pairs).run(oursTrial, peerTrial);
        out.printf("transcode-%s-%d %.3f %.3f %.3f   (to Explicit VR LE; ours in process, %s once per file)%n",
                c.name(), encoded.size(), r.ours(), r.peer(), r.ratio(), c.decode().get(0));
    }

    private static double peer(Path dir, List<String> tool, Path in, Path out) throws Exception {
        List<String> cmd = new ArrayList<>(tool);
        cmd.set(0, PeerProcess.find(tool.get(0)).toString());
        cmd.add(in.toString());
        cmd.add(out.toString());
        PeerProcess.Outcome o = PeerProcess.run(dir, cmd, 120);
        if (o.exitCode() != 0 || !Files.exists(out)) throw new IOException(String.join(" ", cmd) + " failed: " + o.output());
        return o.seconds();
    }

    /** A 12-bit unsigned copy of a generated slice, for JPEG extended process 4 (T.81: at most 12 bits). */
    private static Path twelveBitCopy(Path in, Path out) throws IOException {
        DicomFile f = DicomReader.read(in, ReadOptions.IN_MEMORY);
        Dataset ds = f.dataset();
        byte[] px = ds.getBytes(Tag.PixelData);
        ByteBuffer b = ByteBuffer.wrap(px).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 1 < px.length; i += 2) {
            int v = Math.max(0, Math.min(4095, b.getShort(i) + 1024));
            b.putShort(i, (short) v);
        }
        ds.setInt(Tag.BitsStored, VR.US, 12);
        ds.setInt(Tag.HighBit, VR.US, 11);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        ds.setString(Tag.RescaleIntercept, VR.DS, "-2048");
        DicomWriter.write(out, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        return out;
    }

    private static void digest(MessageDigest md, FrameBuffer b) {
        int n = b.sampleCount();
        ByteBuffer bb = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) bb.putInt(b.sample(i));
        md.update(bb.array());
    }
}
