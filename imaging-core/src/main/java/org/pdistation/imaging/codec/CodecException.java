package org.pdistation.imaging.codec;

/**
 * A frame could not be decoded or encoded: corrupt or truncated stream, unsupported feature, or a stream that
 * does not fit the image description. The message says what and, where known, at which byte offset of the frame.
 */
public class CodecException extends Exception {
    public CodecException(String message) {
        super(message);
    }

    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
