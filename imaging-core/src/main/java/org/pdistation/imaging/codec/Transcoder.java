package org.pdistation.imaging.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Fragments;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.io.WriteOptions;

/**
 * Rewrites an image in another transfer syntax: every frame decoded to its stored bit patterns and written native
 * or re-encoded. Lossless unless the caller allows loss; Lossy Image Compression (0028,2110) keeps saying 01 once
 * an image has been lossy compressed (PS3.3 C.7.6.1.1.5), and is set to 01 when this transcoding loses data.
 *
 * <p>One instance per thread: it keeps a frame buffer and encoders between files.
 */
public final class Transcoder {
    private final CodecRegistry registry;
    private final boolean allowLossy;
    private final FrameBuffer buffer = new FrameBuffer();

    public Transcoder(CodecRegistry registry, boolean allowLossy) {
        this.registry = registry;
        this.allowLossy = allowLossy;
    }

    public Transcoder() {
        this(CodecRegistry.standard(), false);
    }

    /** Reads {@code in}, writes it to {@code out} in {@code target}; {@code out} is replaced atomically. */
    public void transcode(Path in, Path out, TransferSyntax target) throws IOException, FrameException {
        DicomFile file = DicomReader.read(in, ReadOptions.BULK_BY_REFERENCE);
        if (file.hasErrors()) {
            throw new IOException(in + ": not transcoded, the file is damaged: " + file.problems().stream()
                    .filter(p -> p.severity() == org.pdistation.imaging.io.ReadProblem.Severity.ERROR)
                    .findFirst().map(Object::toString).orElse(""));
        }
        Dataset ds = transcode(file, target);
        DicomWriter.write(out, file.fileMeta().isEmpty() ? null : file.fileMeta(), ds, target, WriteOptions.DEFAULT);
    }

    /** The dataset of {@code file} with its pixel data in {@code target} (the file's dataset is modified). */
    public Dataset transcode(DicomFile file, TransferSyntax target) throws IOException, FrameException {
        Dataset ds = file.dataset();
        if (target.uid().equals(file.transferSyntax().uid()) || !ds.contains(Tag.PixelData)) return ds;
        if (target.deflated() && !target.encapsulated() && file.transferSyntax().isNative()) return ds;
        try (ImageFrames frames = ImageFrames.of(file, registry)) {
            if (!frames.hasPixelData()) return ds;
            CodecRegistry.Codec codec = null;
            if (target.encapsulated()) {
                codec = registry.codec(target.uid()).filter(CodecRegistry.Codec::canEncode).orElseThrow(() ->
                        new IOException("cannot encode " + CodecRegistry.nameOf(target.uid())));
                if (codec.lossy() && !allowLossy) {
                    throw new IOException(CodecRegistry.nameOf(target.uid()) + " is lossy; not used unless asked for");
                }
            }
            boolean sourceLossy = registry.codec(file.transferSyntax().uid()).map(CodecRegistry.Codec::lossy)
                    .orElse(false) || "01".equals(ds.getString(Tag.LossyImageCompression));
            if (codec == null) {
                writeNative(frames, ds, target);
            } else {
                writeEncapsulated(frames, ds, codec.encoder().get());
            }
            if (sourceLossy || (codec != null && codec.lossy())) {
                ds.setString(Tag.LossyImageCompression, VR.CS, "01");
            }
        }
        return ds;
    }

    private void writeNative(ImageFrames frames, Dataset ds, TransferSyntax target) throws FrameException, IOException {
        ImageDescriptor d = frames.descriptor();
        int n = frames.frameCount();
        long total = d.bitsAllocated() == 1 ? (d.samples() * n + 7) / 8 : d.nativeFrameLength() * n;
        if (total > Integer.MAX_VALUE - 8) throw new IOException("pixel data of " + total + " bytes is too large to rewrite");
        byte[] all = new byte[(int) (total + (total & 1))];
        Photometric out = d.photometric();
        int pos = 0;
        for (int f = 0; f < n; f++) {
            out = frames.readRawFrame(f, buffer);
            if (d.bitsAllocated() == 1) {
                packBits(all, f * (long) d.samples());
            } else {
                pos = copyNative(all, pos, target.bigEndian());
            }
        }
        describeDecoded(ds, out);
        ds.remove(Tag.ExtendedOffsetTable);
        ds.remove(Tag.ExtendedOffsetTableLengths);
        ds.setBytes(Tag.PixelData, d.bitsAllocated() > 8 ? VR.OW : VR.OB, all);
    }

    private int copyNative(byte[] dst, int pos, boolean bigEndian) {
        int n = buffer.sampleCount();
        switch (buffer.kind()) {
            case BYTE -> {
                System.arraycopy(buffer.bytes(), 0, dst, pos, n);
                return pos + n;
            }
            case SHORT -> {
                ByteBuffer.wrap(dst, pos, 2 * n).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                        .asShortBuffer().put(buffer.shorts(), 0, n);
                return pos + 2 * n;
            }
            default -> {
                ByteBuffer.wrap(dst, pos, 4 * n).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                        .asIntBuffer().put(buffer.ints(), 0, n);
                return pos + 4 * n;
            }
        }
    }

    private void packBits(byte[] dst, long firstBit) {
        byte[] in = buffer.bytes();
        int n = buffer.sampleCount();
        for (int i = 0; i < n; i++) {
            long bit = firstBit + i;
            if ((in[i] & 1) != 0) dst[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
        }
    }

    private void writeEncapsulated(ImageFrames frames, Dataset ds, FrameEncoder encoder)
            throws FrameException, IOException {
        ImageDescriptor d = frames.descriptor();
        int n = frames.frameCount();
        Fragments fragments = new Fragments(VR.OB);
        ByteBuffer bot = ByteBuffer.allocate(n > 1 ? 4 * n : 0).order(ByteOrder.LITTLE_ENDIAN);
        long offset = 0;
        Photometric decoded = d.photometric();
        java.util.List<byte[]> encoded = new java.util.ArrayList<>(n);
        for (int f = 0; f < n; f++) {
            decoded = frames.readRawFrame(f, buffer);
            ImageDescriptor frameDesc = d.withPhotometric(decoded).withPlanarConfiguration(0);
            byte[] bytes;
            try {
                bytes = encoder.encode(buffer, frameDesc);
            } catch (CodecException e) {
                throw new FrameException(frames.instance(), f, "cannot encode: " + e.getMessage(), e);
            }
            if ((bytes.length & 1) != 0) bytes = java.util.Arrays.copyOf(bytes, bytes.length + 1); // PS3.5 A.4: even
            if (n > 1) bot.putInt((int) offset);
            offset += 8 + bytes.length;
            encoded.add(bytes);
        }
        if (offset > 0xFFFFFFFFL) bot = ByteBuffer.allocate(0); // offsets beyond 4 GiB cannot be in the BOT
        fragments.add(bot.array());
        encoded.forEach(fragments::add);
        describeDecoded(ds, encoder.encodedPhotometric(decoded));
        ds.remove(Tag.ExtendedOffsetTable);
        ds.remove(Tag.ExtendedOffsetTableLengths);
        ds.set(Tag.PixelData, VR.OB, fragments);
    }

    /** Photometric and planar configuration of the rewritten pixels: colour-by-pixel, as decoders leave it. */
    private static void describeDecoded(Dataset ds, Photometric p) {
        ds.setString(Tag.PhotometricInterpretation, VR.CS, p.term());
        if (ds.getInt(Tag.SamplesPerPixel, 1) > 1) ds.setInt(Tag.PlanarConfiguration, VR.US, 0);
    }
}
