package org.pdistation.imaging.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.AsynchronousCloseException;

import org.junit.jupiter.api.Test;

/** Log lines about an ended association say what happened even when the exception carries no message. */
class AssociationWhyTest {
    @Test
    void anExceptionWithoutAMessageIsNamedByItsKind() {
        assertEquals("AsynchronousCloseException", Association.why(new AsynchronousCloseException()));
        assertEquals("peer reset", Association.why(new IOException("peer reset")));
        assertEquals("IOException", Association.why(new IOException(" ")));
    }
}
