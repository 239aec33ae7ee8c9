package org.pdistation.imaging.net;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.net.dimse.Commands;
import org.pdistation.imaging.net.dimse.Status;

/** Reads C-MOVE-RSP / C-GET-RSP fields into a {@link RetrieveResult}. */
final class Retrieves {
    private Retrieves() {
    }

    /** The result of a final response; the identifier (if any) has already been read. */
    static RetrieveResult result(Association.Command rsp, Dataset identifier, int pending) throws IOException {
        Dataset c = rsp.command();
        Status status = Commands.status(c);
        List<String> failedUids = new ArrayList<>();
        if (identifier != null && identifier.getStrings(Tag.FailedSOPInstanceUIDList) != null) {
            for (String u : identifier.getStrings(Tag.FailedSOPInstanceUIDList)) {
                if (u != null && !u.isBlank()) {
                    failedUids.add(u.strip());
                }
            }
        }
        return new RetrieveResult(status, c.getInt(Tag.NumberOfCompletedSuboperations, -1),
                c.getInt(Tag.NumberOfFailedSuboperations, -1), c.getInt(Tag.NumberOfWarningSuboperations, -1),
                c.getInt(Tag.NumberOfRemainingSuboperations, -1), failedUids, c.getString(Tag.ErrorComment),
                pending);
    }
}
