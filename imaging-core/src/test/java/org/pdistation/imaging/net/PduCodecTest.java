package org.pdistation.imaging.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pdistation.imaging.net.pdu.Abort;
import org.pdistation.imaging.net.pdu.AssociateAc;
import org.pdistation.imaging.net.pdu.AssociateRj;
import org.pdistation.imaging.net.pdu.AssociateRq;
import org.pdistation.imaging.net.pdu.ExtendedNegotiation;
import org.pdistation.imaging.net.pdu.PDataTf;
import org.pdistation.imaging.net.pdu.PresentationContextAc;
import org.pdistation.imaging.net.pdu.PresentationContextRq;
import org.pdistation.imaging.net.pdu.Pdu;
import org.pdistation.imaging.net.pdu.PduException;
import org.pdistation.imaging.net.pdu.PduReader;
import org.pdistation.imaging.net.pdu.PduWriter;
import org.pdistation.imaging.net.pdu.Pdv;
import org.pdistation.imaging.net.pdu.ReleaseRp;
import org.pdistation.imaging.net.pdu.ReleaseRq;
import org.pdistation.imaging.net.pdu.RoleSelection;
import org.pdistation.imaging.net.pdu.UserIdentity;
import org.pdistation.imaging.net.pdu.UserInfo;

class PduCodecTest {
    private static Pdu roundTrip(Pdu pdu) throws IOException {
        return new PduReader(new ByteArrayInputStream(PduWriter.encode(pdu)), 1 << 20).read();
    }

    private static PduException readFails(byte[] bytes) {
        return assertThrows(PduException.class, () -> new PduReader(new ByteArrayInputStream(bytes), 1 << 16).read());
    }

    @Test
    void associateRqKeepsEveryUserInformationSubItem() throws IOException {
        UserInfo info = new UserInfo(16384, "1.2.3", "PDI_1", 3, 2, List.of(new RoleSelection("1.2.840.10008.5.1.4.1.1.2",
                true, true)), List.of(new ExtendedNegotiation("1.2.4", new byte[] {1, 0, 1})),
                UserIdentity.usernamePassword("alice", "s3cret", true), null);
        AssociateRq rq = new AssociateRq(1, "CALLED", "CALLING", AssociateRq.DICOM_APPLICATION_CONTEXT,
                List.of(new PresentationContextRq(1, "1.2.840.10008.1.1", List.of("1.2.840.10008.1.2",
                        "1.2.840.10008.1.2.1"))), info);
        AssociateRq back = (AssociateRq) roundTrip(rq);
        assertEquals("CALLED", back.calledAet());
        assertEquals("CALLING", back.callingAet());
        assertEquals(rq.presentationContexts(), back.presentationContexts());
        UserInfo u = back.userInfo();
        assertEquals(16384, u.maxPduLength());
        assertEquals("1.2.3", u.implementationClassUid());
        assertEquals("PDI_1", u.implementationVersionName());
        assertEquals(3, u.maxOpsInvoked());
        assertEquals(2, u.maxOpsPerformed());
        assertEquals(info.roleSelections(), u.roleSelections());
        assertArrayEquals(new byte[] {1, 0, 1}, u.extendedNegotiations().get(0).info());
        assertEquals("alice", u.identity().username());
        assertEquals("s3cret", u.identity().password());
        assertTrue(u.identity().positiveResponseRequested());
    }

    @Test
    void associateAcKeepsResultsAndIdentityResponse() throws IOException {
        UserInfo info = new UserInfo(0, "1.2.3", null, -1, -1, List.of(), List.of(), null, new byte[] {9});
        AssociateAc ac = new AssociateAc(1, "A", "B", AssociateRq.DICOM_APPLICATION_CONTEXT, List.of(
                new PresentationContextAc(1, PresentationContextAc.Result.ACCEPTANCE, "1.2.840.10008.1.2"),
                new PresentationContextAc(3, PresentationContextAc.Result.ABSTRACT_SYNTAX_NOT_SUPPORTED, "")), info);
        AssociateAc back = (AssociateAc) roundTrip(ac);
        assertEquals(ac.presentationContexts(), back.presentationContexts());
        assertArrayEquals(new byte[] {9}, back.userInfo().identityResponse());
        assertEquals(-1, back.userInfo().maxOpsInvoked());
    }

    @Test
    void fixedPdusRoundTrip() throws IOException {
        AssociateRj rj = AssociateRj.of(AssociateRj.Result.PERMANENT, AssociateRj.Reason.CALLING_AE_NOT_RECOGNIZED);
        assertEquals(rj, roundTrip(rj));
        assertEquals("rejected-permanent, DICOM UL service-user: calling-AE-title-not-recognized", rj.describe());
        assertEquals(new ReleaseRq(), roundTrip(new ReleaseRq()));
        assertEquals(new ReleaseRp(), roundTrip(new ReleaseRp()));
        assertEquals(Abort.provider(6), roundTrip(Abort.provider(6)));
    }

    @Test
    void pDataKeepsMessageControlHeaders() throws IOException {
        PDataTf p = new PDataTf(List.of(new Pdv(1, true, true, new byte[] {1, 2}), new Pdv(3, false, false,
                new byte[] {3})));
        PDataTf back = (PDataTf) roundTrip(p);
        assertEquals(2, back.pdvs().size());
        assertTrue(back.pdvs().get(0).command() && back.pdvs().get(0).last());
        assertEquals(3, back.pdvs().get(1).contextId());
        assertArrayEquals(new byte[] {3}, back.pdvs().get(1).data());
        assertEquals(0, back.pdvs().get(1).controlHeader());
    }

    @Test
    void unknownPduTypeIsUnrecognized() {
        assertEquals(Abort.UNRECOGNIZED_PDU, readFails(new byte[] {0x47, 0x45, 0x54, 0x20, 0, 0}).abortReason());
    }

    @Test
    void maximalPduLengthIsRefusedBeforeAllocation() {
        PduException e = readFails(new byte[] {4, 0, -1, -1, -1, -1});
        assertEquals(Abort.INVALID_PDU_PARAMETER_VALUE, e.abortReason());
        assertTrue(e.getMessage().contains("invalid PDU length 4294967295"), e.getMessage());
    }

    @Test
    void itemLongerThanItsPduIsRefusedWithOffset() {
        byte[] rq = PduWriter.encode(new AssociateRq(1, "A", "B", AssociateRq.DICOM_APPLICATION_CONTEXT, List.of(),
                UserInfo.basic(0, "1.2", null)));
        rq[6 + 68 + 2] = (byte) 0xFF; // application context item length high byte
        PduException e = readFails(rq);
        assertTrue(e.getMessage().contains("PDU offset 74"), e.getMessage());
    }

    @Test
    void truncatedPduIsAnEofWithCounts() {
        byte[] whole = PduWriter.encode(new ReleaseRq());
        IOException e = assertThrows(IOException.class, () -> new PduReader(new ByteArrayInputStream(whole, 0, 8),
                1024).read());
        assertTrue(e.getMessage().contains("2 of 4 bytes"), e.getMessage());
    }

    @Test
    void thousandsOfItemsBeyondTheLimitAreRefused() {
        List<PresentationContextRq> many = new ArrayList<>();
        for (int i = 0; i < PduReader.MAX_ITEMS + 10; i++) {
            many.add(new PresentationContextRq(1, "1", List.of("1")));
        }
        byte[] rq = PduWriter.encode(new AssociateRq(1, "A", "B", AssociateRq.DICOM_APPLICATION_CONTEXT, many,
                UserInfo.basic(0, "1.2", null)));
        PduException e = readFails(rq);
        assertTrue(e.getMessage().contains("more than " + PduReader.MAX_ITEMS), e.getMessage());
    }

    @Test
    void aMillionItemsExceedTheControlPduLimit() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int length = 68 + 1_000_000 * 8;
        b.writeBytes(new byte[] {1, 0, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                (byte) length});
        PduException e = readFails(b.toByteArray());
        assertTrue(e.getMessage().contains("invalid PDU length"), e.getMessage());
    }
}
