package org.pdistation.imaging.codec;

import java.util.List;
import java.util.function.Supplier;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.pdistation.imaging.codec.jpeg.JpegDecoder;
import org.pdistation.imaging.codec.jpegls.JpegLsDecoder;
import org.pdistation.imaging.codec.rle.RleDecoder;

/**
 * Coverage-guided fuzzing of the Java decoders with Jazzer: any bytes, under any small image description, end in
 * a frame or a {@link CodecException} — never another throwable, never a hang. (OpenCV's JPEG 2000 decoder is
 * native; its Java pre-checks are exercised by its own mutation tests instead, since a native fault would end
 * the fuzzing JVM rather than report a finding.) Run as in {@code DicomReaderFuzzTest}:
 * <pre>
 *   JAZZER_FUZZ=1 ./mvnw -pl imaging-core test -Dtest='CodecFuzzTest#decodesAnyBytes'
 * </pre>
 */
class CodecFuzzTest {
    private static final List<Supplier<FrameDecoder>> DECODERS = List.of(
            JpegDecoder::new, JpegLsDecoder::new, RleDecoder::new,
            DeflateFrameCodec::new, EncapsulatedUncompressedCodec::new);

    private static final Photometric[] PHOTOMETRICS = {
            Photometric.MONOCHROME2, Photometric.RGB, Photometric.YBR_FULL_422, Photometric.YBR_FULL};

    @FuzzTest(maxDuration = "30s")
    void decodesAnyBytes(FuzzedDataProvider data) {
        FrameDecoder decoder = DECODERS.get(data.consumeInt(0, DECODERS.size() - 1)).get();
        int rows = data.consumeInt(1, 64);
        int columns = data.consumeInt(1, 64);
        int spp = data.consumeBoolean() ? 1 : 3;
        int bitsAllocated = data.pickValue(new int[] {8, 16});
        int bitsStored = data.consumeInt(2, bitsAllocated);
        boolean signed = data.consumeBoolean();
        Photometric pi = spp == 1 ? Photometric.MONOCHROME2 : data.pickValue(PHOTOMETRICS);
        ImageDescriptor desc = new ImageDescriptor(rows, columns, spp, bitsAllocated, bitsStored, bitsStored - 1,
                signed, 0, pi, 1);
        byte[] stream = data.consumeRemainingAsBytes();
        FrameBuffer out = new FrameBuffer();
        try {
            decoder.decode(stream, 0, stream.length, desc, out);
            out.normalize(desc);
        } catch (CodecException expected) {
            // the one allowed outcome besides a frame
        }
    }
}
