package org.pdistation.imaging.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.pdistation.imaging.codec.jpeg.JpegDecoder;
import org.pdistation.imaging.data.UID;

class FallbackDecoderTest {
    private static final ImageDescriptor DESC =
            new ImageDescriptor(1, 1, 1, 8, 8, 7, false, 0, Photometric.MONOCHROME2, 1);

    private static FrameDecoder refusing(String why) {
        return (src, off, len, desc, dst) -> { throw new CodecException(why); };
    }

    @Test
    void theSecondDecoderIsMadeOnlyWhenTheFirstRefuses() throws Exception {
        AtomicInteger made = new AtomicInteger();
        FrameDecoder ok = (src, off, len, desc, dst) -> Photometric.RGB;
        FallbackDecoder d = new FallbackDecoder(ok, () -> { made.incrementAndGet(); return ok; });
        assertEquals(Photometric.RGB, d.decode(new byte[1], 0, 1, DESC, new FrameBuffer()));
        assertEquals(0, made.get());

        FallbackDecoder f = new FallbackDecoder(refusing("ours"), () -> { made.incrementAndGet(); return ok; });
        assertEquals(Photometric.RGB, f.decode(new byte[1], 0, 1, DESC, new FrameBuffer()));
        assertEquals(1, made.get());
    }

    @Test
    void whenBothRefuseTheFirstReasonLeads() {
        FallbackDecoder d = new FallbackDecoder(refusing("ours"), () -> refusing("theirs"));
        CodecException e = assertThrows(CodecException.class, () -> d.decode(new byte[1], 0, 1, DESC, new FrameBuffer()));
        assertTrue(e.getMessage().startsWith("ours (also refused by the fallback decoder: theirs"), e.getMessage());
    }

    @Test
    void aCodedSizeMismatchIsNotRetried() {
        FrameDecoder size = (src, off, len, desc, dst) -> { throw new CodedSizeException(1, 1, desc, "frame"); };
        FallbackDecoder d = new FallbackDecoder(size, () -> { throw new AssertionError("must not be made"); });
        assertThrows(CodedSizeException.class, () -> d.decode(new byte[1], 0, 1, DESC, new FrameBuffer()));
    }

    @Test
    void contributedDecodersBecomeTheSecondOpinionOrTheDecoder() {
        CodecRegistry base = new CodecRegistry(List.of(
                new CodecRegistry.Codec(UID.JPEGLosslessSV1, false, JpegDecoder::new, null)));
        CodecRegistry with = base.withContributed(List.of(
                new CodecRegistry.Codec(UID.JPEGLosslessSV1, false, () -> refusing("x"), null),
                new CodecRegistry.Codec(UID.MPEG2MPML, true, () -> refusing("y"), null)));
        assertInstanceOf(FallbackDecoder.class, with.codec(UID.JPEGLosslessSV1).orElseThrow().decoder().get());
        assertTrue(with.codec(UID.MPEG2MPML).isPresent());
        // imaging-core alone has no provider on its class path: its own JPEG decoder serves alone
        assertInstanceOf(JpegDecoder.class, CodecRegistry.standard().codec(UID.JPEGLosslessSV1).orElseThrow().decoder().get());
    }
}
