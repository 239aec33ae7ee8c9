package org.pdistation.viewer.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;

import org.pdistation.imaging.codec.CodecRegistry;
import org.pdistation.imaging.codec.FrameDecoder;
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
 *
 * <p>JPEG 2000 has three lines: the lossless phantom (which also feeds the transcode line), the phantom at 20:1
 * irreversible, and Weasis's own test file from the shared data, each with its megabytes of codestream per
 * CPU-second (OpenJPEG's cost follows the codestream size, so MP/s follows the compression ratio) and placed
 * against the published Weasis range.
 */
public final class DecodeBenchmark {
    /** A codec under test: how the peer makes the files and how it decodes them. */
    record Case(String name, String family, String transferSyntax, List<String> encode, List<String> decode,
                double weasisMPps, boolean twelveBit, boolean transcode) {
        boolean jpeg2000() { return family.equals("jpeg2000"); }
    }

    private static final List<Case> CASES = List.of(
            new Case("jpeg-lossless", "jpeg-lossless", "1.2.840.10008.1.2.4.70", List.of("dcmcjpeg", "+e1"), List.of("dcmdjpeg"), 89, false, true),
            new Case("jpeg-ls", "jpeg-ls", "1.2.840.10008.1.2.4.80", List.of("dcmcjpls", "+el"), List.of("dcmdjpls"), 44, false, true),
            new Case("jpeg2000", "jpeg2000", "1.2.840.10008.1.2.4.90", List.of("gdcmconv", "--j2k"), List.of("gdcmconv", "--raw"), 77, false, true),
            // Irreversible 9-7 at 20:1 (gdcmconv -r 20), the kind of JPEG 2000 most archives hold: OpenJPEG's time
            // grows with the codestream size, so the lossless phantom (5.5:1) alone understates the decoder.
            new Case("jpeg2000-lossy", "jpeg2000", "1.2.840.10008.1.2.4.91",
                    List.of("gdcmconv", "--j2k", "--lossy", "--irreversible", "-r", "20"), List.of("gdcmconv", "--raw"), 77, false, false),
            new Case("rle", "rle", "1.2.840.10008.1.2.5", List.of("dcmcrle"), List.of("dcmdrle"), 300, false, true),
            new Case("jpeg-12bit", "jpeg-12bit", "1.2.840.10008.1.2.4.51", List.of("dcmcjpeg", "+ee"), List.of("dcmdjpeg"), 217, true, true));

    /** Weasis's own JPEG 2000 test file (19 frames of 256², 12-bit, several fragments a frame), under dicomdata. */
    static final String WEASIS_FILE = "multiframe/weasis/jpeg2000-multiframe-multifragments.dcm";

    /** The published Weasis JPEG 2000 range (PERFORMANCE.md), MP/s. */
    private static final double WEASIS_J2K_LOW = 17;

    private DecodeBenchmark() {}

    public static void run(BenchData data, int warmup, int pairs, List<String> only, PrintWriter out) throws Exception {
        run(data, warmup, pairs, only, null, out);
    }

    /**
     * As {@link #run(BenchData, int, int, List, PrintWriter)}; {@code shared} is the shared reference folder
     * (holding {@code dicomdata}) for the JPEG 2000 line on Weasis's own file, null to skip that line.
     */
    public static void run(BenchData data, int warmup, int pairs, List<String> only, Path shared, PrintWriter out)
            throws Exception {
        if (System.getenv("OPJ_NUM_THREADS") != null) {
            out.println("# OPJ_NUM_THREADS is set: OpenJPEG may decode with several threads; the JPEG 2000 figures"
                    + " below are then not single-thread figures");
        }
        for (Case c : CASES) {
            if (!only.isEmpty() && !only.contains(c.name()) && !only.contains(c.family())) continue;
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
        if (only.isEmpty() || only.contains("jpeg2000") || only.contains("jpeg2000-weasis-file")) {
            weasisFile(data, shared, warmup, pairs, out);
            out.flush();
        }
    }

    /** Our decoder on Weasis's own JPEG 2000 test file, checked against {@code gdcmconv --raw} of it. */
    private static void weasisFile(BenchData data, Path shared, int warmup, int pairs, PrintWriter out) throws Exception {
        String name = "decode-jpeg2000-weasis-file-MPps";
        Path file = shared == null ? null : shared.resolve("dicomdata").resolve(WEASIS_FILE);
        if (file == null || !Files.isRegularFile(file)) {
            out.printf("%s - - -   (%s not found; give the shared folder with --shared DIR)%n", name,
                    file == null ? "dicomdata/" + WEASIS_FILE : file);
            return;
        }
        if (PeerProcess.find("gdcmconv") == null) {
            out.printf("%s - - -   (gdcmconv not installed)%n", name);
            return;
        }
        Path dir = Files.createDirectories(data.work().resolve("decode-jpeg2000-weasis-file"));
        Path ref = dir.resolve("raw.dcm");
        peer(dir, List.of("gdcmconv", "--raw"), file, ref);
        InProcessDecode d = InProcessDecode.of(List.of(file), List.of(ref));
        String ts;
        try (ImageFrames f = ImageFrames.open(file)) {
            ts = f.transferSyntax().uid();
        }
        FrameDecoder decoder = CodecRegistry.standard().codec(ts).orElseThrow(
                () -> new IOException(file + ": no codec for transfer syntax " + ts)).decoder().get();
        printLine(name, d, decoder, 77, true, warmup, pairs, out);
    }

    private static void printLine(String name, InProcessDecode d, FrameDecoder decoder, double weasis, boolean jpeg2000,
                                  int warmup, int pairs, PrintWriter out) throws Exception {
        String agreement = d.agreement(decoder);
        InProcessDecode.Rates r = d.measure(decoder, warmup, pairs);
        String where = "";
        if (jpeg2000) {
            // OpenJPEG's time is about proportional to the codestream size: its MB per CPU-second is the figure
            // to compare across files; MP/s depends mostly on the compression ratio.
            String against = r.mpps() < WEASIS_J2K_LOW ? "below" : r.mpps() <= weasis ? "within" : "above";
            where = String.format(Locale.ROOT, "%s the Weasis range %.0f-%.0f; %.1f MB of codestream per CPU-second; "
                    + "%d frames %dx%d %d-bit, %.1f:1; ", against, WEASIS_J2K_LOW, weasis, r.mbPerCpuSecond(),
                    d.frames().size(), d.desc().columns(), d.desc().rows(), d.desc().bitsStored(), d.compressionRatio());
        }
        out.printf(Locale.ROOT, "%s %.1f %.1f %.3f   (%sWeasis upper figure; ratio = Weasis/ours; one thread; "
                + "%.1f MP per CPU-second; %s)%n", name, r.mpps(), weasis, weasis / r.mpps(), where,
                r.mpPerCpuSecond(), agreement);
    }

    private static void runCase(Case c, BenchData data, int warmup, int pairs, PrintWriter out) throws Exception {
        Path dir = data.work().resolve("decode-" + c.name());
        Path src = Files.createDirectories(dir.resolve("src"));
        Path enc = Files.createDirectories(dir.resolve("enc"));
        Path ref = Files.createDirectories(dir.resolve("ref"));
        List<Path> encoded = new ArrayList<>();
        List<Path> refs = new ArrayList<>();
        for (int i = 0; i < data.files().size(); i++) {
            Path in = data.files().get(i);
            if (c.twelveBit()) in = twelveBitCopy(in, src.resolve(i + ".dcm"));
            Path e = enc.resolve(i + ".dcm");
            peer(dir, c.encode(), in, e);
            peer(dir, c.decode(), e, ref.resolve(i + ".dcm"));
            encoded.add(e);
            refs.add(ref.resolve(i + ".dcm"));
        }
        // (1) in-process decode throughput with a pixel hash against the peer's output
        InProcessDecode d = InProcessDecode.of(encoded, refs);
        FrameDecoder decoder = CodecRegistry.standard().codec(c.transferSyntax()).orElseThrow().decoder().get();
        printLine("decode-" + c.name() + "-MPps", d, decoder, c.weasisMPps(), c.jpeg2000(), warmup, pairs, out);
        if (!c.transcode()) return;

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
}
