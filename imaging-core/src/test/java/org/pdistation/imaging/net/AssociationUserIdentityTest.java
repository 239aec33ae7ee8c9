package org.pdistation.imaging.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.net.SocketFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.net.dimse.Status;
import org.pdistation.imaging.net.pdu.AssociateRq;
import org.pdistation.imaging.net.pdu.PresentationContextRq;
import org.pdistation.imaging.net.pdu.UserIdentity;
import org.pdistation.imaging.net.pdu.UserInfo;

/** User Identity (PS3.7 D.3.3.7) and the Asynchronous Operations Window (D.3.3.3) between our SCU and SCP. */
class AssociationUserIdentityTest {
    private static final List<PresentationContextRq> ECHO = List.of(new PresentationContextRq(1, UID.Verification,
            List.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid())));

    private static DicomServer server(Path dir) throws Exception {
        return DicomServer.start(new DicomServer.Config("AUTHSCP", "127.0.0.1", 0, Set.of(), 4, NetOptions.DEFAULT,
                UserAuthenticator.usernamePasswords(Map.of("clerk", "s3cret"))), new FolderSink(dir));
    }

    @Test
    void rightPasswordIsAcceptedWithThePositiveResponseRequested(@TempDir Path dir) throws Exception {
        try (DicomServer s = server(dir)) {
            AssociateRq rq = Requests.associateRq("PDI", "AUTHSCP", ECHO, NetOptions.DEFAULT,
                    UserIdentity.usernamePassword("clerk", "s3cret", true));
            Association a = Association.connect("127.0.0.1", s.port(), rq, NetOptions.DEFAULT);
            try {
                assertNotNull(a.acceptance().userInfo().identityResponse(), "positive response requested");
            } finally {
                a.release();
            }
            assertEquals(Status.SUCCESS, EchoScu.echo(SocketFactory.getDefault(), new RemoteAe("AUTHSCP",
                    "127.0.0.1", s.port()), "PDI", NetOptions.DEFAULT,
                    UserIdentity.usernamePassword("clerk", "s3cret", false)));
        }
    }

    @Test
    void wrongPasswordOrNoIdentityIsRejected(@TempDir Path dir) throws Exception {
        try (DicomServer s = server(dir)) {
            RemoteAe target = new RemoteAe("AUTHSCP", "127.0.0.1", s.port());
            AssociationRejectedException wrong = assertThrows(AssociationRejectedException.class,
                    () -> EchoScu.echo(SocketFactory.getDefault(), target, "PDI", NetOptions.DEFAULT,
                            UserIdentity.usernamePassword("clerk", "guess", true)));
            assertTrue(wrong.getMessage().contains("permanent"), wrong.getMessage());
            assertThrows(AssociationRejectedException.class, () -> EchoScu.echo(target, "PDI", NetOptions.DEFAULT));
        }
    }

    @Test
    void asyncOperationsWindowIsAnsweredOneByOne(@TempDir Path dir) throws Exception {
        try (DicomServer s = DicomServer.start(new DicomServer.Config("ASYNCSCP", "127.0.0.1", 0, Set.of(), 4,
                NetOptions.DEFAULT), new FolderSink(dir))) {
            UserInfo mine = new UserInfo(NetOptions.DEFAULT.maxPduLength(), "1.2.3", "PDI", 8, 8, List.of(),
                    List.of(), null, null);
            AssociateRq rq = new AssociateRq(1, "ASYNCSCP", "PDI", AssociateRq.DICOM_APPLICATION_CONTEXT, ECHO, mine);
            Association a = Association.connect("127.0.0.1", s.port(), rq, NetOptions.DEFAULT);
            try {
                // We perform operations one at a time: the AC says so (PS3.7 D.3.3.3).
                assertEquals(1, a.acceptance().userInfo().maxOpsInvoked());
                assertEquals(1, a.acceptance().userInfo().maxOpsPerformed());
                assertNull(a.acceptance().userInfo().identityResponse());
            } finally {
                a.release();
            }
        }
    }
}
