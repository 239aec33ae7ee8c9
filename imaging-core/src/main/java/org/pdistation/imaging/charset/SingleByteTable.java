package org.pdistation.imaging.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * The right half (bytes 0x80 to 0xFF) of an 8-bit code table, taken once from a JDK charset, as an immutable lookup
 * table in both directions.
 *
 * <p>ISO 8859 parts, TIS 620 and JIS X 0201 all agree with ASCII in the left half (PS3.5 6.1.2.3 notes 2 and 3), so
 * only the G1 part needs a table. Tables make decoding a byte an array access and need no per-call decoder.
 */
final class SingleByteTable {

    /** Marks a byte the charset leaves undefined. */
    static final char UNDEFINED = '\uFFFD';

    private final char[] high = new char[128];
    /** Sorted characters of the right half (C1 controls left out) and the byte for each, for encoding. */
    private final char[] sortedChars;
    private final byte[] bytesOfSorted;

    private SingleByteTable(Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int defined = 0;
        for (int b = 0x80; b <= 0xFF; b++) {
            char c = UNDEFINED;
            try {
                CharBuffer out = decoder.reset().decode(ByteBuffer.wrap(new byte[] {(byte) b}));
                if (out.length() == 1) {
                    c = out.get(0);
                }
            } catch (CharacterCodingException e) {
                // left undefined: the byte is not part of this code table
            }
            high[b - 0x80] = c;
            // C1 controls (0x80-0x9F) must not be used in DICOM strings (PS3.5 6.1.1), so never encode to them.
            if (c != UNDEFINED && b >= 0xA0) {
                defined++;
            }
        }
        long[] pairs = new long[defined];
        int n = 0;
        for (int b = 0xA0; b <= 0xFF; b++) {
            char c = high[b - 0x80];
            if (c != UNDEFINED) {
                pairs[n++] = ((long) c << 8) | b;
            }
        }
        Arrays.sort(pairs);
        sortedChars = new char[defined];
        bytesOfSorted = new byte[defined];
        for (int i = 0; i < defined; i++) {
            sortedChars[i] = (char) (pairs[i] >>> 8);
            bytesOfSorted[i] = (byte) pairs[i];
        }
    }

    /** The table of the charset with the first supported name, or {@code null} if this runtime has none of them. */
    static SingleByteTable forFirstSupported(String... charsetNames) {
        Charset charset = Charsets.firstSupported(charsetNames);
        return charset == null ? null : new SingleByteTable(charset);
    }

    /** The character for byte {@code b} (0x80 to 0xFF), or {@link #UNDEFINED}. */
    char decode(int b) {
        return high[b - 0x80];
    }

    /** The byte (0xA0 to 0xFF) for {@code c}, or -1 if the table does not hold it. */
    int encode(int c) {
        if (c < 0xA0 || c > 0xFFFF) {
            return -1;
        }
        int i = Arrays.binarySearch(sortedChars, (char) c);
        return i < 0 ? -1 : bytesOfSorted[i] & 0xFF;
    }
}
