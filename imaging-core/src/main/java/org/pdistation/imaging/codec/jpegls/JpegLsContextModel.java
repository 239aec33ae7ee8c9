package org.pdistation.imaging.codec.jpegls;

import java.util.Arrays;

/**
 * The adaptive state shared by the JPEG-LS decoder and encoder (T.87 A.2–A.7): gradient quantisation, context
 * counters A, B, C, N (and Nn of the run interruption contexts), prediction with bias correction, the Golomb
 * parameter and the context updates. Both sides must evolve it identically, so it lives in one place.
 */
final class JpegLsContextModel {
    /** T.87 A.2.1 Table A.1 (J): run-length order per RUNindex. */
    static final int[] J = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3,
            4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    /** 365 regular contexts and the two run interruption contexts 365 (RItype 0) and 366 (RItype 1). */
    private static final int CONTEXTS = 367;
    private static final int MIN_C = -128;
    private static final int MAX_C = 127;
    /** Beyond this Golomb parameter the counters only come from corrupt data; bounds the k search. */
    private static final int MAX_K = 24;

    final int[] a = new int[CONTEXTS];
    final int[] b = new int[CONTEXTS];
    final int[] c = new int[CONTEXTS];
    final int[] n = new int[CONTEXTS];
    /** Nn of T.87 A.7.2.3 for contexts 365 and 366. */
    final int[] nn = new int[2];

    int[] quant = new int[0];
    int quantOffset;
    private int quantMaxval = -1;
    private int quantT1, quantT2, quantT3, quantNear;
    int maxval, near, range, qbpp, limit, reset, qstep, wrap;

    void setParameters(JpegLsParameters p) {
        maxval = p.maxval();
        near = p.near();
        range = p.range();
        qbpp = p.qbpp();
        limit = p.limit();
        reset = p.reset();
        qstep = 2 * near + 1;
        wrap = range * qstep;
        if (quantMaxval != maxval || quantT1 != p.t1() || quantT2 != p.t2() || quantT3 != p.t3()
                || quantNear != near) {
            buildQuantTable(p);
        }
    }

    /** T.87 A.3.3: maps every gradient in [−MAXVAL, MAXVAL] to its region −4..4. */
    private void buildQuantTable(JpegLsParameters p) {
        int size = 2 * maxval + 1;
        if (quant.length < size) quant = new int[size];
        quantOffset = maxval;
        for (int d = -maxval; d <= maxval; d++) {
            int q;
            if (d <= -p.t3()) q = -4;
            else if (d <= -p.t2()) q = -3;
            else if (d <= -p.t1()) q = -2;
            else if (d < -near) q = -1;
            else if (d <= near) q = 0;
            else if (d < p.t1()) q = 1;
            else if (d < p.t2()) q = 2;
            else if (d < p.t3()) q = 3;
            else q = 4;
            quant[d + maxval] = q;
        }
        quantMaxval = maxval;
        quantT1 = p.t1();
        quantT2 = p.t2();
        quantT3 = p.t3();
        quantNear = near;
    }

    /** T.87 A.2.1: context initialisation at the start of a scan and at each restart marker. */
    void reset() {
        Arrays.fill(a, Math.max(2, (range + 32) >> 6));
        Arrays.fill(b, 0);
        Arrays.fill(c, 0);
        Arrays.fill(n, 1);
        nn[0] = 0;
        nn[1] = 0;
    }

    /** T.87 A.3: signed context number 81·Q1 + 9·Q2 + Q3 of the gradients D1 = Rd − Rb, D2 = Rb − Rc, D3 = Rc − Ra. */
    int context(int ra, int rb, int rc, int rd) {
        int qo = quantOffset;
        return 81 * quant[qo + rd - rb] + 9 * quant[qo + rb - rc] + quant[qo + rc - ra];
    }

    /** T.87 A.4.1 median edge detector and A.4.2 bias correction for context {@code q} (non-negative). */
    int predict(int q, int sign, int ra, int rb, int rc) {
        int px;
        int mx = Math.max(ra, rb);
        int mn = Math.min(ra, rb);
        if (rc >= mx) px = mn;
        else if (rc <= mn) px = mx;
        else px = ra + rb - rc;
        px += sign * c[q];
        if (px < 0) return 0;
        return Math.min(px, maxval);
    }

    /** T.87 A.5.1: the least k with N·2^k ≥ A. */
    int golombK(int q) {
        int aq = a[q];
        int nq = n[q];
        int k = 0;
        while ((nq << k) < aq && k < MAX_K) k++;
        return k;
    }

    /** T.87 A.5.2: whether the lossless k = 0 special error mapping applies to context {@code q}. */
    boolean invertedMapping(int q, int k) {
        return near == 0 && k == 0 && 2 * b[q] <= -n[q];
    }

    /** T.87 A.6.1 and A.6.2: counter update with RESET halving, then bias correction update of C. */
    void updateRegular(int q, int err) {
        int aq = a[q] + Math.abs(err);
        int bq = b[q] + err * qstep;
        int nq = n[q];
        if (nq == reset) {
            aq >>= 1;
            bq >>= 1;
            nq >>= 1;
        }
        nq++;
        a[q] = aq;
        n[q] = nq;
        if (bq <= -nq) {
            bq += nq;
            if (c[q] > MIN_C) c[q]--;
            if (bq <= -nq) bq = -nq + 1;
        } else if (bq > 0) {
            bq -= nq;
            if (c[q] < MAX_C) c[q]++;
            if (bq > 0) bq = 0;
        }
        b[q] = bq;
    }

    /** T.87 A.7.2.1: Golomb parameter of run interruption context 365 + {@code riType}. */
    int runInterruptionK(int riType) {
        int q = 365 + riType;
        int nq = n[q];
        int temp = riType == 0 ? a[q] : a[q] + (nq >> 1);
        int k = 0;
        while ((nq << k) < temp && k < MAX_K) k++;
        return k;
    }

    /** T.87 A.7.2.2: whether a mapped run interruption error with map bit 1 stands for a positive Errval. */
    boolean mappedIsPositive(int riType, int k) {
        return k == 0 && 2 * nn[riType] < n[365 + riType];
    }

    /** T.87 A.7.2.3: update of the run interruption context after coding EMErrval {@code em}. */
    void updateRunInterruption(int riType, int err, int em) {
        int q = 365 + riType;
        if (err < 0) nn[riType]++;
        int aq = a[q] + ((em + 1 - riType) >> 1);
        int nq = n[q];
        if (nq == reset) {
            aq >>= 1;
            nq >>= 1;
            nn[riType] >>= 1;
        }
        a[q] = aq;
        n[q] = nq + 1;
    }

    /** T.87 A.4.4 / A.6: dequantises the error and reduces the result modulo RANGE into [0, MAXVAL]. */
    int reconstruct(int px, int err) {
        int rx = px + err * qstep;
        if (rx < -near) rx += wrap;
        else if (rx > maxval + near) rx -= wrap;
        if (rx < 0) return 0;
        return Math.min(rx, maxval);
    }

    /** T.87 A.4.4 / A.4.5: quantised prediction error (near-lossless) reduced modulo RANGE. */
    int reduceError(int err) {
        if (near > 0) err = err > 0 ? (near + err) / qstep : -((near - err) / qstep);
        if (err < 0) err += range;
        if (err >= (range + 1) / 2) err -= range;
        return err;
    }
}
