package org.pdistation.imaging.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.net.dimse.Commands;
import org.pdistation.imaging.net.dimse.Status;
import org.pdistation.imaging.net.pdu.AssociateRq;
import org.pdistation.imaging.net.pdu.PDataTf;
import org.pdistation.imaging.net.pdu.Pdv;
import org.pdistation.imaging.net.pdu.PresentationContextRq;

/** Misbehaving peers end only their own association, within the timeouts, and leave nothing behind. */
class DicomServerBadPeerTest {
    @TempDir
    Path dir;
    DicomServer server;
    RemoteAe target;

    @BeforeEach
    void start() throws Exception {
        NetOptions opts = NetOptions.DEFAULT.withArtimTimeout(Duration.ofSeconds(1))
                .withReadTimeout(Duration.ofSeconds(2));
        server = DicomServer.start(new DicomServer.Config("PDISCP", "127.0.0.1", 0, Set.of(), 8, opts),
                new FolderSink(dir));
        target = new RemoteAe("PDISCP", "127.0.0.1", server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void serverStillServesAndNothingLeaks() throws Exception {
        assertEquals(Status.SUCCESS, EchoScu.echo(target, "AFTER", NetOptions.DEFAULT));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (server.activeAssociations() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, server.activeAssociations(), "associations still open");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "temporary file left");
        }
    }

    /** Sends bytes, returns what the server answered until it closed (at most 5 s). */
    private byte[] exchange(byte[] send) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(send);
            return s.getInputStream().readAllBytes();
        }
    }

    @Test
    void garbageIsAbortedAsUnrecognizedPdu() throws Exception {
        byte[] answer = exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
        // PS3.8 9.3.8: A-ABORT, source 2 (service-provider), reason 1 (unrecognized-PDU).
        assertArrayEquals(new byte[] {7, 0, 0, 0, 0, 4, 0, 0, 2, 1}, answer);
        serverStillServesAndNothingLeaks();
    }

    @Test
    void pduLengthOf4GiBIsAbortedAsInvalidParameterWithoutAllocating() throws Exception {
        byte[] answer = exchange(new byte[] {1, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        assertArrayEquals(new byte[] {7, 0, 0, 0, 0, 4, 0, 0, 2, 6}, answer);
        serverStillServesAndNothingLeaks();
    }

    @Test
    void silentPeerIsDisconnectedByArtim() throws Exception {
        long t0 = System.nanoTime();
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            assertEquals(-1, in.read(), "server closes the connection");
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 900 && ms < 5000, "closed after " + ms + " ms, ARTIM is 1 s");
        serverStillServesAndNothingLeaks();
    }

    @Test
    void peerVanishingMidStoreLeavesNoFile() throws Exception {
        String ct = UID.CTImageStorage;
        AssociateRq rq = Requests.associateRq("QUITTER", "PDISCP", List.of(new PresentationContextRq(1, ct,
                List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()))), NetOptions.DEFAULT, null);
        Association a = Association.connect("127.0.0.1", server.port(), rq, NetOptions.DEFAULT);
        a.sendCommand(1, Commands.storeRq(1, ct, "1.2.3.4.5", 0));
        // Half a data set: not the last fragment, then the connection drops.
        a.send(new PDataTf(List.of(new Pdv(1, false, false, new byte[2000]))));
        a.close();
        serverStillServesAndNothingLeaks();
        assertTrue(Files.notExists(dir.resolve("1.2.3.4.5.dcm")));
    }

    @Test
    void thousandPresentationContextsAreNegotiated() throws Exception {
        List<PresentationContextRq> pcs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            pcs.add(new PresentationContextRq((2 * i + 1) & 0xFF, i == 0 ? UID.Verification : "1.2.3." + i,
                    List.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid())));
        }
        AssociateRq rq = Requests.associateRq("MANY", "PDISCP", pcs, NetOptions.DEFAULT, null);
        Association a = Association.connect("127.0.0.1", server.port(), rq, NetOptions.DEFAULT);
        try {
            assertEquals(1000, a.acceptance().presentationContexts().size());
            assertEquals(UID.Verification, a.contexts().get(1).abstractSyntax());
            a.sendCommand(1, Commands.echoRq(1, UID.Verification));
            assertEquals(Status.SUCCESS, Commands.status(a.readCommand().command()));
            a.release();
        } finally {
            a.close();
        }
        serverStillServesAndNothingLeaks();
    }

    @Test
    void associationsBeyondTheLimitAreRejectedTransiently() throws Exception {
        server.close();
        server = DicomServer.start(new DicomServer.Config("PDISCP", "127.0.0.1", 0, Set.of(), 1, NetOptions.DEFAULT),
                new FolderSink(dir));
        target = new RemoteAe("PDISCP", "127.0.0.1", server.port());
        AssociateRq rq = Requests.associateRq("FIRST", "PDISCP", List.of(new PresentationContextRq(1,
                UID.Verification, List.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid()))), NetOptions.DEFAULT, null);
        Association first = Association.connect("127.0.0.1", server.port(), rq, NetOptions.DEFAULT);
        try {
            AssociationRejectedException e = org.junit.jupiter.api.Assertions.assertThrows(
                    AssociationRejectedException.class, () -> EchoScu.echo(target, "SECOND", NetOptions.DEFAULT));
            assertEquals(2, e.rejection().result());
            assertEquals(3, e.rejection().source());
            assertEquals(2, e.rejection().reason());
        } finally {
            first.release();
        }
        serverStillServesAndNothingLeaks();
    }
}
