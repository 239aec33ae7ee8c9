package org.pdistation.imaging.codec.imageio;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.pdistation.imaging.codec.CodecRegistry;
import org.pdistation.imaging.codec.FallbackDecoder;
import org.pdistation.imaging.data.UID;

class ImageIoCodecProviderTest {
    @Test
    void theStandardRegistryFindsTwelveMonkeysAsTheJpegSecondOpinion() {
        for (String uid : new String[] {UID.JPEGBaseline8Bit, UID.JPEGLossless, UID.JPEGLosslessSV1}) {
            assertInstanceOf(FallbackDecoder.class, CodecRegistry.standard().codec(uid).orElseThrow().decoder().get(), uid);
        }
    }
}
