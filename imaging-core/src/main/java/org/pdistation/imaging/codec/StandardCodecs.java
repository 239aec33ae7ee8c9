package org.pdistation.imaging.codec;

import java.util.List;

import org.pdistation.imaging.codec.imageio.TwelveMonkeysJpegDecoder;
import org.pdistation.imaging.codec.opencv.OpenCvJpeg2000Decoder;
import org.pdistation.imaging.codec.rle.RleDecoder;
import org.pdistation.imaging.codec.rle.RleEncoder;
import org.pdistation.imaging.data.UID;

/** The list behind {@link CodecRegistry#standard()}: which implementation serves which transfer syntax. */
final class StandardCodecs {
    private StandardCodecs() {
    }

    static List<CodecRegistry.Codec> all() {
        return List.of(
                new CodecRegistry.Codec(UID.RLELossless, false, RleDecoder::new, RleEncoder::new),
                new CodecRegistry.Codec(UID.JPEGBaseline8Bit, true, TwelveMonkeysJpegDecoder::new, null),
                new CodecRegistry.Codec(UID.JPEGLossless, false, TwelveMonkeysJpegDecoder::new, null),
                new CodecRegistry.Codec(UID.JPEGLosslessSV1, false, TwelveMonkeysJpegDecoder::new, null),
                // OpenCV's OpenJPEG; registered on every platform: where the native library cannot load, each frame
                // fails with a message saying so, and listing and browsing still work.
                new CodecRegistry.Codec(UID.JPEG2000Lossless, false, OpenCvJpeg2000Decoder::new, null),
                new CodecRegistry.Codec(UID.JPEG2000, true, OpenCvJpeg2000Decoder::new, null),
                new CodecRegistry.Codec("1.2.840.10008.1.2.4.201", false, OpenCvJpeg2000Decoder::new, null),
                new CodecRegistry.Codec("1.2.840.10008.1.2.4.202", false, OpenCvJpeg2000Decoder::new, null),
                new CodecRegistry.Codec("1.2.840.10008.1.2.4.203", true, OpenCvJpeg2000Decoder::new, null),
                new CodecRegistry.Codec(UID.EncapsulatedUncompressedExplicitVRLittleEndian, false,
                        EncapsulatedUncompressedCodec::new, EncapsulatedUncompressedCodec::new),
                new CodecRegistry.Codec("1.2.840.10008.1.2.8.1", false,
                        DeflateFrameCodec::new, DeflateFrameCodec::new));
    }
}
