package org.pdistation.imaging.net;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The buffered stream an association is negotiated through, which can hand over exactly the bytes it has read
 * ahead (a peer may send its first P-DATA right behind the handshake) without reading more from the socket, so
 * that the channel reader that takes over loses nothing. {@code available()} would not do: it adds what the socket
 * holds, and reading that many through the buffer can pull further bytes into the buffer that is then dropped.
 */
final class ReadAheadStream extends BufferedInputStream {

    ReadAheadStream(InputStream in, int size) {
        super(in, size);
    }

    /** The bytes read from the socket and not yet consumed; afterwards the buffer is empty. */
    synchronized byte[] takeBuffered() {
        if (buf == null || pos >= count) {
            return new byte[0];
        }
        byte[] ahead = Arrays.copyOfRange(buf, pos, count);
        pos = count;
        return ahead;
    }
}
