package org.pdistation.importer.send;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * What the journal keeps to tell "the same instance again" (a duplicate) from "another instance under the same SOP
 * Instance UID" (a conflict, PDI-REQUIREMENTS 32): a fingerprint of the source file's bytes, computed while the file
 * is streamed to the PACS, so that no import reads a file only to hash it. SHA-256 over the first 16 KiB (where the
 * header and its identifying attributes are), the file length, and CRC32C (hardware-assisted, ~30x cheaper than
 * SHA-256) over the rest (the pixel data): any accidental difference is found; no adversary is assumed, the medium
 * is not authenticated by it. Journals written before carry a whole-file SHA-256, still understood.
 */
public final class ContentHash {
    static final String PREFIX = "fp1:";
    private static final int HEAD = 16 * 1024;

    private final MessageDigest sha;
    private final CRC32C crc = new CRC32C();
    private long count;

    public ContentHash() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JCA algorithm", e);
        }
    }

    public void update(byte[] b, int off, int len) {
        if (count < HEAD) {
            int h = (int) Math.min(len, HEAD - count);
            sha.update(b, off, h);
            off += h;
            len -= h;
            count += h;
        }
        if (len > 0) {
            crc.update(b, off, len);
            count += len;
        }
    }

    /** Bytes seen so far. */
    public long count() {
        return count;
    }

    /** The fingerprint of the bytes seen; call once, at the end. */
    public String finish() {
        sha.update(ByteBuffer.allocate(16).putLong(count).putLong(crc.getValue()).array());
        return PREFIX + HexFormat.of().formatHex(sha.digest());
    }

    /** The fingerprint of a whole file (a second import of a UID already stored; a resume's medium check). */
    public static String of(Path file) throws IOException {
        ContentHash h = new ContentHash();
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                h.update(buf, 0, n);
            }
        }
        return h.finish();
    }

    /** Whether {@code file} has the content journalled as {@code journalled} (either form). */
    public static boolean matches(String journalled, Path file) throws IOException {
        if (journalled.startsWith(PREFIX)) {
            return journalled.equals(of(file));
        }
        return journalled.equals(sha256(file));
    }

    /** The form journals before the fingerprint held: SHA-256 of the whole file. */
    static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An input stream that feeds what passes through it into a {@link ContentHash}. */
    static final class Hashing extends FilterInputStream {
        private final ContentHash hash;

        Hashing(InputStream in, ContentHash hash) {
            super(in);
            this.hash = hash;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                hash.update(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                hash.update(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipped bytes must be hashed too: read them.
            byte[] buf = new byte[(int) Math.min(n, 8192)];
            long done = 0;
            while (done < n) {
                int r = read(buf, 0, (int) Math.min(buf.length, n - done));
                if (r < 0) {
                    break;
                }
                done += r;
            }
            return done;
        }
    }
}
