package org.pdistation.imaging.codec;

/**
 * The instance has no Pixel Data (7FE0,0010), Float Pixel Data or Double Float Pixel Data: it is not an image
 * (a structured report, a presentation state, a key object selection) or its pixels were left out. A kind of its
 * own so that a viewer can say so in words instead of showing the technical message.
 */
public final class NoPixelDataException extends FrameException {
    public NoPixelDataException(String instance, int frameIndex) {
        super(instance, frameIndex, "no pixel data", null);
    }
}
