package org.pdistation.imaging.codec.jpeg;

import org.pdistation.imaging.codec.CodecException;

/** Restart interval handling (T.81 B.2.4.4, E.2.4): after every Ri MCUs the coder resyncs at an RSTn marker. */
final class Restarts {
    private int interval;
    private int expected;
    private byte[] buf;
    private int end;

    void reset(byte[] buf, int end) {
        this.buf = buf;
        this.end = end;
        this.interval = 0;
    }

    void setInterval(int ri) { this.interval = ri; }

    int interval() { return interval; }

    /** Called at the start of each scan: RST numbering restarts at 0. */
    void startScan() { expected = 0; }

    boolean due(int mcusDone) {
        return interval > 0 && mcusDone % interval == 0;
    }

    /** Skips the padding and the RSTn marker and restarts the bit reader after it. */
    void restart(BitReader in) throws CodecException {
        int p = in.syncToMarker();
        if (p + 1 >= end) throw new CodecException("data ends where RST" + expected + " marker was expected");
        int m = buf[p + 1] & 0xFF;
        if (m < 0xD0 || m > 0xD7) {
            throw new CodecException(String.format("expected RST%d marker at byte offset %d, found 0xFF%02X",
                    expected, p, m));
        }
        // B.2.1: RSTm counts modulo 8; a wrong number means a lost interval, which is tolerated like decoders do.
        expected = (m - 0xD0 + 1) & 7;
        in.start(buf, p + 2, end);
    }
}
