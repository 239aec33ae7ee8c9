package org.pdistation.imaging.codec.jpeg;

/**
 * Optimal Huffman code lengths for given symbol frequencies, limited to 16 bits, as T.81 Annex K.2 lays out:
 * code sizes by repeatedly merging the two least frequent entries (Figure K.1) with one reserved symbol so that no
 * code is all ones, counts per size (K.2), length limiting (K.3) and symbols sorted by code size (K.4).
 */
final class HuffmanCodeBuilder {
    /** BITS (index 1..16) and HUFFVAL of a DHT table, plus the code and size for each symbol (C.2, C.3). */
    record Table(int[] bits, int[] huffval, int[] code, int[] size) {
    }

    private HuffmanCodeBuilder() {
    }

    /** @param freq occurrence counts of symbols 0..freq.length−1 (at most 256 symbols); at least one non-zero */
    static Table build(long[] freq) {
        int n = freq.length;
        int reserved = n; // K.2: one extra symbol with count 1 keeps the all-ones code unused
        long[] f = new long[n + 1];
        System.arraycopy(freq, 0, f, 0, n);
        f[reserved] = 1;
        int[] codeSize = new int[n + 1];
        int[] others = new int[n + 1];
        java.util.Arrays.fill(others, -1);
        while (true) {
            // Figure K.1: v1 = least frequent (largest index on ties), v2 = next least frequent.
            int v1 = -1;
            int v2 = -1;
            for (int i = 0; i <= n; i++) {
                if (f[i] == 0) continue;
                if (v1 < 0 || f[i] <= f[v1]) {
                    v2 = v1;
                    v1 = i;
                } else if (v2 < 0 || f[i] <= f[v2]) {
                    v2 = i;
                }
            }
            if (v2 < 0) break;
            f[v1] += f[v2];
            f[v2] = 0;
            for (int i = v1; ; i = others[i]) {
                codeSize[i]++;
                if (others[i] < 0) {
                    others[i] = v2;
                    break;
                }
            }
            for (int i = v2; i >= 0; i = others[i]) codeSize[i]++;
        }
        int[] bits = new int[33];
        for (int i = 0; i <= n; i++) if (codeSize[i] > 0) bits[codeSize[i]]++;
        // Figure K.3: move pairs of over-long codes up, taking a prefix from a shorter length each time.
        for (int i = 32; i > 16; i--) {
            while (bits[i] > 0) {
                int j = i - 2;
                while (bits[j] == 0) j--;
                bits[i] -= 2;
                bits[i - 1]++;
                bits[j + 1] += 2;
                bits[j]--;
            }
        }
        int longest = 16;
        while (bits[longest] == 0) longest--;
        bits[longest]--; // drop the reserved code point
        // K.4 / Figure K.4: HUFFVAL ordered by code size, then by symbol value.
        int count = 0;
        int[] order = new int[n];
        for (int size = 1; size <= 32; size++) {
            for (int s = 0; s < n; s++) if (codeSize[s] == size) order[count++] = s;
        }
        int[] huffval = java.util.Arrays.copyOf(order, count);
        int[] bits16 = java.util.Arrays.copyOf(bits, 17);
        // C.2 / C.3: canonical codes from BITS and HUFFVAL.
        int[] code = new int[n];
        int[] size = new int[n];
        int c = 0;
        int k = 0;
        for (int len = 1; len <= 16; len++) {
            for (int i = 0; i < bits16[len]; i++) {
                code[huffval[k]] = c++;
                size[huffval[k]] = len;
                k++;
            }
            c <<= 1;
        }
        return new Table(bits16, huffval, code, size);
    }
}
