package org.pdistation.imaging.charset;

import java.io.ByteArrayOutputStream;

/** Byte literals written the way the standard prints them, so test vectors can be compared with its text. */
final class Bytes {

    private Bytes() {
    }

    /**
     * Parses space-separated tokens: "05/09" (column/row notation of PS3.5 Annexes H and I), "0x57" (Annex J),
     * "ESC", or a quoted ASCII run such as {@code 'Yamada^'}.
     */
    static byte[] of(String tokens) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < tokens.length()) {
            char c = tokens.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            if (c == '\'') {
                int close = tokens.indexOf('\'', i + 1);
                for (int k = i + 1; k < close; k++) {
                    out.write(tokens.charAt(k));
                }
                i = close + 1;
                continue;
            }
            int end = tokens.indexOf(' ', i);
            if (end < 0) {
                end = tokens.length();
            }
            String token = tokens.substring(i, end);
            if (token.equals("ESC")) {
                out.write(0x1B);
            } else if (token.startsWith("0x")) {
                out.write(Integer.parseInt(token.substring(2), 16));
            } else {
                int slash = token.indexOf('/');
                out.write(Integer.parseInt(token.substring(0, slash)) * 16 + Integer.parseInt(token.substring(slash + 1)));
            }
            i = end;
        }
        return out.toByteArray();
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02X ", b & 0xFF));
        }
        return sb.toString().trim();
    }
}
