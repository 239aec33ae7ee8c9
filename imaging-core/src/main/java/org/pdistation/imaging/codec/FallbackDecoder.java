package org.pdistation.imaging.codec;

/**
 * Tries a first decoder and, when it refuses the stream, a second one: a vendor's odd stream that one
 * implementation rejects may still decode with the other. When both refuse, the first one's reason is reported
 * (with the second's appended), since the first is the one we answer for.
 */
public final class FallbackDecoder implements FrameDecoder {
    private final FrameDecoder first;
    private final java.util.function.Supplier<FrameDecoder> makeSecond;
    private FrameDecoder second;

    /** {@code second} is made only when first needed: most streams never need it. */
    public FallbackDecoder(FrameDecoder first, java.util.function.Supplier<FrameDecoder> second) {
        this.first = first;
        this.makeSecond = second;
    }

    @Override
    public Photometric decode(byte[] src, int offset, int length, ImageDescriptor desc, FrameBuffer dst)
            throws CodecException {
        try {
            return first.decode(src, offset, length, desc, dst);
        } catch (CodedSizeException e) {
            throw e; // the stream is fine, its size is not: frame access deals with that
        } catch (CodecException e) {
            try {
                if (second == null) second = makeSecond.get();
                return second.decode(src, offset, length, desc, dst);
            } catch (CodecException e2) {
                CodecException both = new CodecException(e.getMessage() + " (also refused by the fallback decoder: "
                        + e2.getMessage() + ")", e);
                both.addSuppressed(e2);
                throw both;
            }
        }
    }
}
