package org.pdistation.imaging.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.net.dimse.Status;
import org.pdistation.imaging.net.pdu.UserIdentity;
import org.pdistation.imaging.synth.SyntheticCtStudy;

/** The User Identity (PS3.7 D.3.3.7) sent by every SCU through the shared {@link Requestor}. */
class ScuUserIdentityTest {

    private static DicomServer server(Path dir) throws Exception {
        return DicomServer.start(new DicomServer.Config("AUTHSCP", "127.0.0.1", 0, Set.of(), 4, NetOptions.DEFAULT,
                UserAuthenticator.usernamePasswords(Map.of("clerk", "s3cret"))), new FolderSink(dir));
    }

    private static Requestor to(DicomServer s) {
        return new Requestor(new RemoteAe("AUTHSCP", "127.0.0.1", s.port()), "PDI", NetOptions.DEFAULT);
    }

    @Test
    void storeWithTheRightPasscodeIsStored(@TempDir Path dir) throws Exception {
        List<Path> files = new SyntheticCtStudy(32, 4, 3).write(dir.resolve("in"), 2);
        try (DicomServer s = server(dir.resolve("out"))) {
            List<StoreResult> results = new StoreScu(to(s).withIdentity(UserIdentity.usernamePassword("clerk",
                    "s3cret", true)), StoreScu.Retry.NONE).store(files, 2, r -> { });
            assertEquals(2, results.size());
            results.forEach(r -> assertEquals(StoreResult.Outcome.STORED, r.outcome(), r.describe()));
        }
    }

    @Test
    void storeWithAWrongPasscodeFailsNamingTheIdentityAndIsNotRetried(@TempDir Path dir) throws Exception {
        List<Path> files = new SyntheticCtStudy(32, 4, 4).write(dir.resolve("in"), 1);
        try (DicomServer s = server(dir.resolve("out"))) {
            List<StoreScu.Sent> sent = new java.util.ArrayList<>();
            new StoreScu(to(s).withIdentity(UserIdentity.usernamePassword("clerk", "guess", false)),
                    StoreScu.Retry.DEFAULT).send(List.of(StoreSource.of(files.get(0))), 1, sent::add);
            assertEquals(1, sent.size());
            StoreResult r = sent.get(0).result();
            assertEquals(StoreResult.Outcome.FAILED, r.outcome());
            assertTrue(r.error().contains("user identity 'clerk'"), r.error());
            assertFalse(sent.get(0).transientFailure(), "a permanent rejection is not retried");
        }
    }

    @Test
    void findAndEchoSendTheIdentityToo(@TempDir Path dir) throws Exception {
        try (DicomServer s = server(dir)) {
            assertEquals(Status.SUCCESS, EchoScu.echo(to(s).withIdentity(UserIdentity.usernamePassword("clerk",
                    "s3cret", false))));
            Dataset keys = new Dataset();
            keys.setString(Tag.QueryRetrieveLevel, org.pdistation.imaging.data.VR.CS, "STUDY");
            AssociationRejectedException e = assertThrows(AssociationRejectedException.class,
                    () -> new FindScu(to(s).withIdentity(UserIdentity.username("visitor", false)))
                            .find(QueryModel.STUDY_ROOT, keys));
            assertTrue(e.getMessage().contains("user identity 'visitor'"), e.getMessage());
            assertTrue(e.getMessage().contains("rejected-permanent"), e.getMessage());
        }
    }
}
