package org.pdistation.imaging.codec;

import java.util.List;

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
                new CodecRegistry.Codec(UID.EncapsulatedUncompressedExplicitVRLittleEndian, false,
                        EncapsulatedUncompressedCodec::new, EncapsulatedUncompressedCodec::new),
                new CodecRegistry.Codec("1.2.840.10008.1.2.8.1", false,
                        DeflateFrameCodec::new, DeflateFrameCodec::new));
    }
}
