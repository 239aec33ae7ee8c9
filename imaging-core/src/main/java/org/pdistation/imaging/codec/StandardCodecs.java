package org.pdistation.imaging.codec;

import java.util.List;

import org.pdistation.imaging.codec.jpeg.JpegDecoder;
import org.pdistation.imaging.codec.jpeg.JpegLosslessEncoder;
import org.pdistation.imaging.codec.jpegls.JpegLsDecoder;
import org.pdistation.imaging.codec.jpegls.JpegLsEncoder;
import org.pdistation.imaging.codec.opencv.OpenCvJpeg2000Decoder;
import org.pdistation.imaging.codec.rle.RleDecoder;
import org.pdistation.imaging.codec.rle.RleEncoder;
import org.pdistation.imaging.data.UID;

/** The list behind {@link CodecRegistry#standard()}: which implementation serves which transfer syntax. */
final class StandardCodecs {
    private StandardCodecs() {
    }

    private static CodecRegistry.Codec jpeg(String uid, boolean lossy, java.util.function.Supplier<FrameEncoder> encoder) {
        return new CodecRegistry.Codec(uid, lossy, JpegDecoder::new, encoder);
    }

    static List<CodecRegistry.Codec> all() {
        return List.of(
                new CodecRegistry.Codec(UID.RLELossless, false, RleDecoder::new, RleEncoder::new),
                // JPEG: our decoder (T.81 processes 1, 2/4, 10/12, 14; about ten times faster than TwelveMonkeys
                // 3.14 here, and exact where TwelveMonkeys returns wrong pixels for 8-bit lossless with predictor 6
                // or refuses 16-bit colour lossless). imaging-imageio contributes TwelveMonkeys as the second opinion.
                jpeg(UID.JPEGBaseline8Bit, true, null),
                jpeg(UID.JPEGExtended12Bit, true, null),
                jpeg(UID.JPEGFullProgressionNonHierarchical1012, true, null),
                jpeg(UID.JPEGLossless, false, null),
                jpeg(UID.JPEGLosslessSV1, false, JpegLosslessEncoder::new),
                // JPEG-LS (ITU-T T.87): our own codec
                new CodecRegistry.Codec(UID.JPEGLSLossless, false, JpegLsDecoder::new, JpegLsEncoder::new),
                new CodecRegistry.Codec(UID.JPEGLSNearLossless, true, JpegLsDecoder::new, null),
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
