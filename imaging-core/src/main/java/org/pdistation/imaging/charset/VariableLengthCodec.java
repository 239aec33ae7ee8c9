package org.pdistation.imaging.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decoding and encoding for ISO_IR 192 (UTF-8), GB18030 and GBK: variable-length codes without code extensions
 * (PS3.5 6.1.2.5.4 d), so the whole value goes through one JDK charset. Their single-byte range is ASCII, so the
 * delimiters 05/12, '^' and '=' can only be single-byte characters (PS3.5 6.1.2.3 note 3).
 */
final class VariableLengthCodec {

    private VariableLengthCodec() {
    }

    /** Decodes, replacing each malformed or unmappable sequence by U+FFFD and reporting it. */
    static String decode(Charset charset, byte[] bytes, int offset, int length, DecodeReport report) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(length + 1);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isOverflow()) {
                out = grow(out);
            } else if (result.isError()) {
                int at = in.position();
                report.invalid(at - offset, DecodeReport.hex(bytes, at, at + result.length())
                        + " not valid " + charset.name());
                if (!out.hasRemaining()) {
                    out = grow(out);
                }
                out.put('\uFFFD');
                in.position(at + result.length());
            } else {
                break;
            }
        }
        while (decoder.flush(out).isOverflow()) {
            out = grow(out);
        }
        out.flip();
        return out.toString();
    }

    private static CharBuffer grow(CharBuffer chars) {
        CharBuffer bigger = CharBuffer.allocate(chars.capacity() * 2 + 4);
        chars.flip();
        bigger.put(chars);
        return bigger;
    }

    /**
     * Encodes {@code value}; returns {@code null} and stores the index of the first character that cannot be
     * encoded (a lone surrogate, or for GBK a character outside it) in {@code failedIndex[0]}.
     */
    static byte[] encode(Charset charset, String value, int[] failedIndex) {
        CharsetEncoder encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer in = CharBuffer.wrap(value);
        ByteBuffer out = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16,
                (long) value.length() * (long) Math.ceil(encoder.maxBytesPerChar()) + 4));
        CoderResult result = encoder.encode(in, out, true);
        if (result.isError()) {
            failedIndex[0] = in.position();
            return null;
        }
        encoder.flush(out);
        byte[] bytes = new byte[out.position()];
        out.flip();
        out.get(bytes);
        return bytes;
    }
}
