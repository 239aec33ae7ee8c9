package org.pdistation.imaging.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.net.dimse.Status;
import org.pdistation.imaging.net.pdu.AssociateRj;
import org.pdistation.imaging.net.pdu.PresentationContextRq;

/**
 * The SCP serves at most {@code maxAssociations} associations at once: one more is rejected as transient with
 * "local-limit-exceeded" (PS3.8 9.3.4: source 3, reason 2), and a freed slot is taken by the next requestor.
 */
class DicomServerLimitTest {

    private static Association open(RemoteAe target, NetOptions opts) throws Exception {
        return Association.connect(target.host(), target.port(), Requests.associateRq("HOLDER", target.aet(),
                List.of(new PresentationContextRq(1, UID.Verification,
                        List.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid()))), opts, null), opts);
    }

    @ParameterizedTest
    @EnumSource(AssociationThreads.class)
    void oneAssociationOverTheLimitIsRejectedTransientlyAndAFreedSlotIsReused(AssociationThreads threads,
            @TempDir Path dir) throws Exception {
        NetOptions opts = NetOptions.DEFAULT.withReadTimeout(Duration.ofSeconds(5));
        try (DicomServer server = DicomServer.start(new DicomServer.Config("LIMITSCP", "127.0.0.1", 0, Set.of(), 2,
                opts).withThreads(threads), new FolderSink(dir))) {
            RemoteAe target = new RemoteAe("LIMITSCP", "127.0.0.1", server.port());
            List<Association> held = new ArrayList<>();
            try {
                held.add(open(target, opts));
                held.add(open(target, opts));
                AssociationRejectedException e = assertThrows(AssociationRejectedException.class,
                        () -> EchoScu.echo(target, "THIRD", opts));
                assertEquals(AssociateRj.of(AssociateRj.Result.TRANSIENT, AssociateRj.Reason.LOCAL_LIMIT_EXCEEDED),
                        e.rejection(), e.getMessage());
                held.remove(0).release();
                // The slot is released when the association's thread ends, just after the A-RELEASE-RP.
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (server.activeAssociations() > 1 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertEquals(Status.SUCCESS, EchoScu.echo(target, "NEXT", opts));
            } finally {
                for (Association a : held) {
                    a.release();
                }
            }
        }
    }
}
