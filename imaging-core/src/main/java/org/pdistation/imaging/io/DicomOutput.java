package org.pdistation.imaging.io;

import java.io.IOException;
import java.io.OutputStream;

import org.pdistation.imaging.data.ByteUtils;

/** A buffered output that counts its position, for offsets (DICOMDIR) and lengths. */
final class DicomOutput {
    private final OutputStream out;
    private final byte[] buf;
    private int pos;
    private long flushed;

    DicomOutput(OutputStream out) {
        this.out = out;
        // Into memory a large buffer only adds a copy (and 64 KiB to clear per command set or file header encoded
        // by a Storage SCP); to a file or socket it saves system calls.
        this.buf = new byte[out instanceof java.io.ByteArrayOutputStream ? 512 : 64 * 1024];
    }

    long position() { return flushed + pos; }

    void u16(int v, boolean be) throws IOException {
        room(2);
        ByteUtils.put16(buf, pos, v, be);
        pos += 2;
    }

    void u32(long v, boolean be) throws IOException {
        room(4);
        ByteUtils.put32(buf, pos, (int) v, be);
        pos += 4;
    }

    void tag(int tag, boolean be) throws IOException {
        room(4);
        ByteUtils.putTag(buf, pos, tag, be);
        pos += 4;
    }

    void write(int b) throws IOException {
        room(1);
        buf[pos++] = (byte) b;
    }

    void write(byte[] b, int off, int len) throws IOException {
        if (len > buf.length - pos) {
            flush();
            if (len > buf.length) {
                out.write(b, off, len);
                flushed += len;
                return;
            }
        }
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    void zeros(int n) throws IOException {
        room(n);
        java.util.Arrays.fill(buf, pos, pos + n, (byte) 0);
        pos += n;
    }

    private void room(int n) throws IOException {
        if (buf.length - pos < n) {
            flush();
        }
    }

    void flush() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            flushed += pos;
            pos = 0;
        }
    }
}
