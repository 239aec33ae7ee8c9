package org.pdistation.imaging.net;

import java.io.IOException;
import java.io.InputStream;

import org.pdistation.imaging.net.dimse.Status;

/** Where a Storage SCP puts the instances it receives. Called from many association threads at once. */
public interface StorageSink {

    /** What the C-STORE-RQ and its presentation context say about the instance. */
    record StoreRequest(String callingAet, String calledAet, String sopClassUid, String sopInstanceUid,
                        String transferSyntaxUid) {
    }

    /**
     * Consumes the data set bytes (encoded in the request's transfer syntax) and answers the C-STORE status. An
     * IOException from {@code data} means the association broke: the sink must discard what it wrote and rethrow.
     */
    Status store(StoreRequest request, InputStream data) throws IOException;
}
