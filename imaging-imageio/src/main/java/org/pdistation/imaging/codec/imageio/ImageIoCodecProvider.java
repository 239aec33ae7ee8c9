package org.pdistation.imaging.codec.imageio;

import java.util.List;

import org.pdistation.imaging.codec.CodecProvider;
import org.pdistation.imaging.codec.CodecRegistry;
import org.pdistation.imaging.data.UID;

/**
 * Contributes TwelveMonkeys {@code imageio-jpeg} for JPEG baseline and lossless process 14: imaging-core's own
 * decoder stays first, this one decodes what it refuses (see {@link CodecRegistry#withContributed}).
 */
public final class ImageIoCodecProvider implements CodecProvider {
    @Override
    public List<CodecRegistry.Codec> codecs() {
        return List.of(
                new CodecRegistry.Codec(UID.JPEGBaseline8Bit, true, TwelveMonkeysJpegDecoder::new, null),
                new CodecRegistry.Codec(UID.JPEGLossless, false, TwelveMonkeysJpegDecoder::new, null),
                new CodecRegistry.Codec(UID.JPEGLosslessSV1, false, TwelveMonkeysJpegDecoder::new, null));
    }
}
