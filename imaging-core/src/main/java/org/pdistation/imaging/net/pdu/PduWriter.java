package org.pdistation.imaging.net.pdu;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Encodes PDUs to their PS3.8 9.3 byte form (all integers big-endian, PS3.8 9.3.1). */
public final class PduWriter {
    private PduWriter() {
    }

    public static byte[] encode(Pdu pdu) {
        Buf b = new Buf();
        switch (pdu) {
            case AssociateRq rq -> {
                associateHeader(b, Pdu.ASSOCIATE_RQ, rq.protocolVersion(), rq.calledAet(), rq.callingAet());
                uidItem(b, 0x10, rq.applicationContext());
                for (PresentationContextRq pc : rq.presentationContexts()) {
                    Buf item = new Buf();
                    item.u8(pc.id()).u8(0).u8(0).u8(0);
                    uidItem(item, 0x30, pc.abstractSyntax());
                    for (String ts : pc.transferSyntaxes()) {
                        uidItem(item, 0x40, ts);
                    }
                    b.item(0x20, item.bytes());
                }
                b.item(0x50, userInfo(rq.userInfo()));
            }
            case AssociateAc ac -> {
                associateHeader(b, Pdu.ASSOCIATE_AC, ac.protocolVersion(), ac.calledAet(), ac.callingAet());
                uidItem(b, 0x10, ac.applicationContext());
                for (PresentationContextAc pc : ac.presentationContexts()) {
                    Buf item = new Buf();
                    item.u8(pc.id()).u8(0).u8(pc.result().code()).u8(0);
                    // PS3.8 9.3.3.2: the transfer syntax sub-item is present but not significant when rejected.
                    uidItem(item, 0x40, pc.transferSyntax() == null ? "" : pc.transferSyntax());
                    b.item(0x21, item.bytes());
                }
                b.item(0x50, userInfo(ac.userInfo()));
            }
            case AssociateRj rj -> b.u8(0).u8(rj.result()).u8(rj.source()).u8(rj.reason());
            case PDataTf p -> {
                for (Pdv pdv : p.pdvs()) {
                    byte[] d = pdv.data();
                    b.u32(d.length + 2).u8(pdv.contextId()).u8(pdv.controlHeader()).raw(d);
                }
            }
            case ReleaseRq r -> b.u32(0);
            case ReleaseRp r -> b.u32(0);
            case Abort a -> b.u8(0).u8(0).u8(a.source()).u8(a.reason());
        }
        byte[] body = b.bytes();
        Buf out = new Buf();
        out.u8(typeOf(pdu)).u8(0).u32(body.length).raw(body);
        return out.bytes();
    }

    static int typeOf(Pdu pdu) {
        return switch (pdu) {
            case AssociateRq x -> Pdu.ASSOCIATE_RQ;
            case AssociateAc x -> Pdu.ASSOCIATE_AC;
            case AssociateRj x -> Pdu.ASSOCIATE_RJ;
            case PDataTf x -> Pdu.P_DATA_TF;
            case ReleaseRq x -> Pdu.RELEASE_RQ;
            case ReleaseRp x -> Pdu.RELEASE_RP;
            case Abort x -> Pdu.ABORT;
        };
    }

    /** PS3.8 9.3.2: protocol version, reserved, 16-byte space-padded AE titles, 32 reserved bytes. */
    private static void associateHeader(Buf b, int type, int version, String called, String calling) {
        b.u16(version).u16(0).raw(aet(called)).raw(aet(calling)).raw(new byte[32]);
    }

    static byte[] aet(String title) {
        byte[] a = new byte[16];
        java.util.Arrays.fill(a, (byte) ' ');
        byte[] t = title.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, a, 0, Math.min(16, t.length));
        return a;
    }

    private static void uidItem(Buf b, int type, String uid) {
        b.item(type, uid.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] userInfo(UserInfo u) {
        Buf b = new Buf();
        b.item(0x51, new Buf().u32(u.maxPduLength()).bytes());
        uidItem(b, 0x52, u.implementationClassUid());
        if (u.hasAsyncOpsWindow()) {
            b.item(0x53, new Buf().u16(u.maxOpsInvoked()).u16(u.maxOpsPerformed()).bytes());
        }
        for (RoleSelection r : u.roleSelections()) {
            byte[] uid = r.sopClassUid().getBytes(StandardCharsets.US_ASCII);
            b.item(0x54, new Buf().u16(uid.length).raw(uid).u8(r.scu() ? 1 : 0).u8(r.scp() ? 1 : 0).bytes());
        }
        if (u.implementationVersionName() != null) {
            b.item(0x55, u.implementationVersionName().getBytes(StandardCharsets.US_ASCII));
        }
        for (ExtendedNegotiation e : u.extendedNegotiations()) {
            byte[] uid = e.sopClassUid().getBytes(StandardCharsets.US_ASCII);
            b.item(0x56, new Buf().u16(uid.length).raw(uid).raw(e.info()).bytes());
        }
        UserIdentity id = u.identity();
        if (id != null) {
            byte[] p = id.primary();
            byte[] s = id.secondary();
            b.item(0x58, new Buf().u8(id.type()).u8(id.positiveResponseRequested() ? 1 : 0).u16(p.length).raw(p)
                    .u16(s.length).raw(s).bytes());
        }
        if (u.identityResponse() != null) {
            byte[] r = u.identityResponse();
            b.item(0x59, new Buf().u16(r.length).raw(r).bytes());
        }
        return b.bytes();
    }

    /** A growable big-endian byte buffer. */
    private static final class Buf {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        Buf u8(int v) {
            out.write(v);
            return this;
        }

        Buf u16(int v) {
            out.write(v >>> 8);
            out.write(v);
            return this;
        }

        Buf u32(long v) {
            return u16((int) (v >>> 16) & 0xFFFF).u16((int) v & 0xFFFF);
        }

        Buf raw(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        /** PS3.8 9.3.2: item type, reserved byte, 16-bit length, value. */
        Buf item(int type, byte[] value) {
            if (value.length > 0xFFFF) {
                throw new IllegalArgumentException("item 0x" + Integer.toHexString(type) + " of " + value.length
                        + " bytes exceeds the 16-bit item length");
            }
            return u8(type).u8(0).u16(value.length).raw(value);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

}
