package org.pdistation.viewer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.net.DicomServer;
import org.pdistation.imaging.net.FolderSink;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.UserAuthenticator;
import org.pdistation.imaging.testing.SharedData;

/** {@code --user}/{@code --passcode} (PS3.7 D.3.3.7) on store, echo and find against our SCP with an authenticator. */
class UserIdentityCommandsTest extends InProcessCli {
    @TempDir
    Path dir;
    DicomServer server;

    @BeforeEach
    void start() throws Exception {
        server = DicomServer.start(new DicomServer.Config("AUTHSCP", "127.0.0.1", 0, Set.of(), 4,
                NetOptions.DEFAULT, UserAuthenticator.usernamePasswords(Map.of("clerk", "s3cret"))),
                new FolderSink(dir.resolve("in")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String peer() {
        return "AUTHSCP@127.0.0.1:" + server.port();
    }

    @Test
    void storeWithUserAndPasscodeIsStored() {
        Path file = SharedData.requireDicomFile("single/pydicom/CT_small.dcm");
        assertEquals(0, run("store", "--user", "clerk", "--passcode", "s3cret", peer(), file.toString()),
                err.toString());
        assertTrue(out.toString().contains("stored 1, warnings 0, failed 0"), out.toString());
    }

    @Test
    void storeWithAWrongPasscodeSaysTheIdentityWasRefused() {
        Path file = SharedData.requireDicomFile("single/pydicom/CT_small.dcm");
        assertEquals(1, run("store", "--user", "clerk", "--passcode", "guess", "--retries", "0", peer(),
                file.toString()));
        assertTrue(err.toString().contains("user identity 'clerk'"), err.toString());
        assertTrue(out.toString().contains("failed 1"), out.toString());
    }

    @Test
    void echoAndFindSendTheIdentity() {
        assertEquals(0, run("echo", "--user", "clerk", "--passcode", "s3cret", peer()), err.toString());
        assertEquals(1, run("echo", peer()));
        assertTrue(run("find", "--user", "visitor", peer(), "-k", "PatientID=X") != 0);
        assertTrue(err.toString().contains("user identity 'visitor'"), err.toString());
    }

    @Test
    void passcodeWithoutUserIsAUsageError() {
        Path file = SharedData.requireDicomFile("single/pydicom/CT_small.dcm");
        assertEquals(2, run("store", "--passcode", "s3cret", peer(), file.toString()));
        assertTrue(err.toString().contains("--passcode needs --user"), err.toString());
    }
}
