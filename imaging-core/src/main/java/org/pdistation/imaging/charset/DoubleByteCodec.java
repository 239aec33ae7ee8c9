package org.pdistation.imaging.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes and encodes the characters of one 94x94 set (JIS X 0208, JIS X 0212, KS X 1001, GB 2312) through the EUC
 * charset of the JDK.
 *
 * <p>ISO 2022 puts such a set in GL (bytes 0x21-0x7E, JIS X 0208/0212 as G0) or GR (0xA1-0xFE, KS X 1001/GB 2312 as
 * G1). The EUC form of the same table is the GR form, so GL bytes only need their high bit set (and the SS3 prefix
 * 0x8F for JIS X 0212). Holds a decoder and an encoder, so it is not thread-safe: one instance per call.
 */
final class DoubleByteCodec {

    private final CodeElement element;
    private CharsetDecoder decoder;
    private CharsetEncoder encoder;
    private final char[] oneChar = new char[1];
    private final CharBuffer oneCharBuffer = CharBuffer.wrap(oneChar);
    private final ByteBuffer encoded = ByteBuffer.allocate(8);

    DoubleByteCodec(CodeElement element) {
        this.element = element;
    }

    CodeElement element() {
        return element;
    }

    /**
     * Decodes {@code bytes[from..to)}, a run of bytes each in 0x21-0x7E (GL) or each in 0xA1-0xFE (GR), appending
     * to {@code out}. An odd last byte or a pair outside the table becomes U+FFFD and is reported with its offset
     * relative to {@code valueStart}.
     */
    void decodeRun(byte[] bytes, int from, int to, int valueStart, StringBuilder out, DecodeReport report) {
        int pairs = (to - from) / 2;
        int prefix = element.eucPrefix();
        int width = prefix == 0 ? 2 : 3;
        byte[] euc = new byte[pairs * width];
        for (int p = 0, i = from, j = 0; p < pairs; p++, i += 2) {
            if (prefix != 0) {
                euc[j++] = (byte) prefix;
            }
            euc[j++] = (byte) (bytes[i] | 0x80);
            euc[j++] = (byte) (bytes[i + 1] | 0x80);
        }
        if (decoder == null) {
            decoder = element.eucCharset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        decoder.reset();
        ByteBuffer in = ByteBuffer.wrap(euc);
        CharBuffer chars = CharBuffer.allocate(pairs + 1);
        while (true) {
            CoderResult result = decoder.decode(in, chars, true);
            if (result.isUnderflow()) {
                break;
            }
            if (result.isOverflow()) {
                chars = grow(chars);
                continue;
            }
            // Skip the whole character (a pair, or prefix + pair) so that one bad character costs one U+FFFD.
            int bad = in.position();
            int character = bad / width;
            int offset = from + character * 2;
            report.invalid(offset - valueStart, DecodeReport.hex(bytes, offset, offset + 2)
                    + " not in " + element.registration());
            if (!chars.hasRemaining()) {
                chars = grow(chars);
            }
            chars.put('\uFFFD');
            in.position(Math.min(euc.length, (character + 1) * width));
        }
        decoder.flush(chars);
        chars.flip();
        out.append(chars);
        if ((to - from) % 2 != 0) {
            report.invalid(to - 1 - valueStart, DecodeReport.hex(bytes, to - 1, to)
                    + ": half a character of " + element.registration());
            out.append('\uFFFD');
        }
    }

    private static CharBuffer grow(CharBuffer chars) {
        CharBuffer bigger = CharBuffer.allocate(chars.capacity() * 2 + 2);
        chars.flip();
        bigger.put(chars);
        return bigger;
    }

    /**
     * The two bytes for {@code c} in the form this element is invoked in (GL for G0, GR for G1), packed as
     * {@code (first << 8) | second}, or -1 if the set does not hold the character.
     */
    int encode(char c) {
        if (c < 0x80 || Character.isSurrogate(c)) {
            return -1;
        }
        if (encoder == null) {
            encoder = element.eucCharset().newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        oneChar[0] = c;
        oneCharBuffer.clear();
        encoded.clear();
        encoder.reset();
        if (encoder.encode(oneCharBuffer, encoded, true).isError() || encoder.flush(encoded).isError()) {
            return -1;
        }
        int length = encoded.position();
        int prefix = element.eucPrefix();
        int first;
        int second;
        // EUC-JP also holds ASCII and half-width katakana (SS2 0x8E); only the code set of this element counts.
        if (prefix == 0 && length == 2) {
            first = encoded.get(0) & 0xFF;
            second = encoded.get(1) & 0xFF;
        } else if (prefix != 0 && length == 3 && (encoded.get(0) & 0xFF) == prefix) {
            first = encoded.get(1) & 0xFF;
            second = encoded.get(2) & 0xFF;
        } else {
            return -1;
        }
        if (first < 0xA1 || first > 0xFE || second < 0xA1 || second > 0xFE) {
            return -1;
        }
        int mask = element.slot() == CodeElement.Slot.G0 ? 0x7F : 0xFF;
        return ((first & mask) << 8) | (second & mask);
    }
}
