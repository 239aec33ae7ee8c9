package org.pdistation.imaging.net.pdu;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads PDUs from a stream, checking every length before allocating: a peer can declare 4 GiB or send a million
 * items, and must get an A-ABORT for it, not an OutOfMemoryError.
 */
public final class PduReader {
    /** Largest non-P-DATA PDU accepted; an A-ASSOCIATE-RQ with 128 contexts of long UIDs stays far below. */
    public static final int MAX_CONTROL_PDU = 1 << 20;
    /** Most items accepted in one PDU or sub-item list (PS3.8 allows 128 presentation contexts; we tolerate more). */
    public static final int MAX_ITEMS = 4096;

    private final InputStream in;
    private final int maxPDataLength;
    private final byte[] header = new byte[6];

    /**
     * @param maxPDataLength the largest P-DATA-TF PDU body accepted (the max length this side announced; a small
     *                       slack is added for peers that count the header in)
     */
    public PduReader(InputStream in, int maxPDataLength) {
        this.in = in;
        this.maxPDataLength = maxPDataLength;
    }

    /** The next PDU; EOFException when the peer closed the connection cleanly before a header. */
    public Pdu read() throws IOException {
        int n = readUpTo(header, 0, 6);
        if (n == 0) {
            throw new EOFException("connection closed by peer");
        }
        if (n < 6) {
            throw new EOFException("connection closed after " + n + " of 6 bytes of a PDU header");
        }
        int type = header[0] & 0xFF;
        long length = ((long) (header[2] & 0xFF) << 24) | ((header[3] & 0xFF) << 16) | ((header[4] & 0xFF) << 8)
                | (header[5] & 0xFF);
        checkHeader(type, length, maxPDataLength);
        byte[] body = new byte[(int) length];
        int got = readUpTo(body, 0, body.length);
        if (got < body.length) {
            throw new EOFException("connection closed after " + got + " of " + length + " bytes of PDU type 0x0"
                    + type);
        }
        return decode(type, body);
    }

    /**
     * Checks a PDU header before anything is allocated for its body: a known type (PS3.8 9.3.1), and a length
     * within what this side announced for P-DATA-TF (plus slack for peers that count the header in) or
     * {@link #MAX_CONTROL_PDU} for the others.
     */
    public static void checkHeader(int type, long length, int maxPDataLength) throws PduException {
        if (type < Pdu.ASSOCIATE_RQ || type > Pdu.ABORT) {
            throw new PduException(Abort.UNRECOGNIZED_PDU,
                    String.format("unrecognized PDU type 0x%02X (PS3.8 9.3.1 defines 0x01..0x07)", type));
        }
        long limit = type == Pdu.P_DATA_TF ? (long) maxPDataLength + 64 : MAX_CONTROL_PDU;
        if (length > limit) {
            throw new PduException(Abort.INVALID_PDU_PARAMETER_VALUE, "invalid PDU length " + length
                    + " for PDU type 0x0" + type + " (at most " + limit + " accepted)");
        }
    }

    /** Decodes a PDU body (everything after the 6-byte header). */
    public static Pdu decode(int type, byte[] body) throws PduException {
        ByteBuffer b = ByteBuffer.wrap(body);
        return switch (type) {
            case Pdu.ASSOCIATE_RQ, Pdu.ASSOCIATE_AC -> associate(type, b);
            case Pdu.ASSOCIATE_RJ -> {
                fixed(type, body, 4);
                yield new AssociateRj(body[1] & 0xFF, body[2] & 0xFF, body[3] & 0xFF);
            }
            case Pdu.P_DATA_TF -> pData(b);
            case Pdu.RELEASE_RQ -> {
                fixed(type, body, 4);
                yield new ReleaseRq();
            }
            case Pdu.RELEASE_RP -> {
                fixed(type, body, 4);
                yield new ReleaseRp();
            }
            case Pdu.ABORT -> {
                fixed(type, body, 4);
                yield new Abort(body[2] & 0xFF, body[3] & 0xFF);
            }
            default -> throw new PduException(Abort.UNRECOGNIZED_PDU, "unrecognized PDU type 0x"
                    + Integer.toHexString(type));
        };
    }

    private static void fixed(int type, byte[] body, int expected) throws PduException {
        if (body.length != expected) {
            throw new PduException(Abort.INVALID_PDU_PARAMETER_VALUE, "PDU type 0x0" + type + " has length "
                    + body.length + ", PS3.8 9.3 fixes it at " + expected);
        }
    }

    private static PDataTf pData(ByteBuffer b) throws PduException {
        List<Pdv> pdvs = new ArrayList<>(2);
        while (b.hasRemaining()) {
            int at = b.position() + 6;
            if (b.remaining() < 6) {
                throw new PduException(Abort.INVALID_PDU_PARAMETER_VALUE, "truncated PDV item header at PDU offset "
                        + at);
            }
            long len = b.getInt() & 0xFFFFFFFFL;
            if (len < 2 || len > b.remaining()) {
                throw new PduException(Abort.INVALID_PDU_PARAMETER_VALUE, "PDV item at PDU offset " + at
                        + " declares length " + len + " but " + b.remaining() + " bytes remain (minimum 2)");
            }
            int pcid = b.get() & 0xFF;
            int mch = b.get() & 0xFF;
            byte[] data = new byte[(int) len - 2];
            b.get(data);
            pdvs.add(new Pdv(pcid, (mch & 1) != 0, (mch & 2) != 0, data));
            if (pdvs.size() > MAX_ITEMS) {
                throw new PduException(Abort.INVALID_PDU_PARAMETER_VALUE, "more than " + MAX_ITEMS
                        + " PDVs in one P-DATA-TF");
            }
        }
        if (pdvs.isEmpty()) {
            throw new PduException(Abort.INVALID_PDU_PARAMETER_VALUE, "P-DATA-TF without any PDV item (PS3.8 9.3.5)");
        }
        return new PDataTf(pdvs);
    }

    private static Pdu associate(int type, ByteBuffer b) throws PduException {
        String name = type == Pdu.ASSOCIATE_RQ ? "A-ASSOCIATE-RQ" : "A-ASSOCIATE-AC";
        if (b.remaining() < 68) {
            throw new PduException(Abort.INVALID_PDU_PARAMETER_VALUE, name + " of " + b.remaining()
                    + " bytes is shorter than its 68-byte fixed part (PS3.8 9.3.2)");
        }
        int version = b.getShort() & 0xFFFF;
        b.getShort();
        String called = aet(b);
        String calling = aet(b);
        b.position(b.position() + 32);
        String appContext = null;
        List<PresentationContextRq> rqs = new ArrayList<>();
        List<PresentationContextAc> acs = new ArrayList<>();
        UserInfo userInfo = null;
        int count = 0;
        while (b.hasRemaining()) {
            int at = b.position() + 6;
            Item it = item(b, name);
            int itemType = it.type();
            ByteBuffer item = it.value();
            if (++count > MAX_ITEMS) {
                throw new PduException(Abort.INVALID_PDU_PARAMETER_VALUE, name + " has more than " + MAX_ITEMS
                        + " items");
            }
            switch (itemType) {
                case 0x10 -> appContext = uid(item);
                case 0x20 -> {
                    if (type != Pdu.ASSOCIATE_RQ) {
                        throw unexpected(name, itemType, at);
                    }
                    rqs.add(contextRq(item, at));
                }
                case 0x21 -> {
                    if (type != Pdu.ASSOCIATE_AC) {
                        throw unexpected(name, itemType, at);
                    }
                    acs.add(contextAc(item, at));
                }
                case 0x50 -> userInfo = userInfo(item, at);
                default -> throw new PduException(Abort.UNRECOGNIZED_PDU_PARAMETER, String.format(
                        "%s: unrecognized item type 0x%02X at PDU offset %d", name, itemType, at));
            }
        }
        if (appContext == null) {
            throw new PduException(Abort.INVALID_PDU_PARAMETER_VALUE, name + " without application context item");
        }
        if (userInfo == null) {
            throw new PduException(Abort.INVALID_PDU_PARAMETER_VALUE, name + " without user information item");
        }
        return type == Pdu.ASSOCIATE_RQ
                ? new AssociateRq(version, called, calling, appContext, rqs, userInfo)
                : new AssociateAc(version, called, calling, appContext, acs, userInfo);
    }

    /** One item or sub-item: its type and a buffer over exactly its value. */
    private record Item(int type, ByteBuffer value) {
    }

    /** PS3.8 9.3.2: type, reserved byte, 16-bit length, value; the length is checked against what remains. */
    private static Item item(ByteBuffer b, String where) throws PduException {
        int at = b.position() + 6;
        if (b.remaining() < 4) {
            throw new PduException(Abort.INVALID_PDU_PARAMETER_VALUE, where + ": truncated item header at PDU offset "
                    + at);
        }
        int type = b.get() & 0xFF;
        b.get();
        int len = b.getShort() & 0xFFFF;
        if (len > b.remaining()) {
            throw new PduException(Abort.INVALID_PDU_PARAMETER_VALUE, String.format(
                    "%s: item 0x%02X at PDU offset %d declares length %d but only %d bytes remain", where, type, at,
                    len, b.remaining()));
        }
        ByteBuffer value = b.slice(b.position(), len);
        b.position(b.position() + len);
        return new Item(type, value);
    }

    private static PduException unexpected(String name, int itemType, int at) {
        return new PduException(Abort.UNEXPECTED_PDU_PARAMETER, String.format(
                "%s: item type 0x%02X at PDU offset %d does not belong in this PDU", name, itemType, at));
    }

    /** AE titles are 16 bytes, space padded (PS3.8 9.3.2); leading and trailing spaces are not significant. */
    private static String aet(ByteBuffer b) {
        byte[] a = new byte[16];
        b.get(a);
        return new String(a, StandardCharsets.US_ASCII).replace('\0', ' ').strip();
    }

    /** UIDs in items are not padded (PS3.8 9.3.2.2), but some peers add a NUL; it is dropped. */
    private static String uid(ByteBuffer v) {
        byte[] a = new byte[v.remaining()];
        v.get(a);
        return new String(a, StandardCharsets.US_ASCII).replace("\0", "").strip();
    }

    private static String uid(ByteBuffer v, int length, String where) throws PduException {
        if (length > v.remaining()) {
            throw new PduException(Abort.INVALID_PDU_PARAMETER_VALUE, where + ": UID length " + length + " but only "
                    + v.remaining() + " bytes remain");
        }
        return uid(sub(v, length));
    }

    private static ByteBuffer sub(ByteBuffer v, int length) {
        ByteBuffer s = v.slice(v.position(), length);
        v.position(v.position() + length);
        return s;
    }

    private static PresentationContextRq contextRq(ByteBuffer v, int at) throws PduException {
        String where = "presentation context item at PDU offset " + at;
        if (v.remaining() < 4) {
            throw new PduException(Abort.INVALID_PDU_PARAMETER_VALUE, where + " shorter than 4 bytes");
        }
        int id = v.get() & 0xFF;
        v.position(v.position() + 3);
        String abstractSyntax = null;
        List<String> ts = new ArrayList<>(4);
        while (v.hasRemaining()) {
            Item sub = item(v, where);
            switch (sub.type()) {
                case 0x30 -> abstractSyntax = uid(sub.value());
                case 0x40 -> {
                    if (ts.size() >= MAX_ITEMS) {
                        throw new PduException(Abort.INVALID_PDU_PARAMETER_VALUE, where + ": too many transfer syntaxes");
                    }
                    ts.add(uid(sub.value()));
                }
                default -> throw new PduException(Abort.UNRECOGNIZED_PDU_PARAMETER, String.format(
                        "%s: unrecognized sub-item type 0x%02X", where, sub.type()));
            }
        }
        if (abstractSyntax == null) {
            throw new PduException(Abort.INVALID_PDU_PARAMETER_VALUE, where + " (id " + id + ") has no abstract syntax");
        }
        return new PresentationContextRq(id, abstractSyntax, ts);
    }

    private static PresentationContextAc contextAc(ByteBuffer v, int at) throws PduException {
        String where = "presentation context item at PDU offset " + at;
        if (v.remaining() < 4) {
            throw new PduException(Abort.INVALID_PDU_PARAMETER_VALUE, where + " shorter than 4 bytes");
        }
        int id = v.get() & 0xFF;
        v.get();
        int result = v.get() & 0xFF;
        v.get();
        String ts = null;
        while (v.hasRemaining()) {
            Item sub = item(v, where);
            if (sub.type() == 0x40) {
                ts = uid(sub.value());
            } else {
                throw new PduException(Abort.UNRECOGNIZED_PDU_PARAMETER, String.format(
                        "%s: unrecognized sub-item type 0x%02X", where, sub.type()));
            }
        }
        return new PresentationContextAc(id, PresentationContextAc.Result.of(result), ts);
    }

    private static UserInfo userInfo(ByteBuffer v, int at) throws PduException {
        String where = "user information item at PDU offset " + at;
        long maxLength = -1;
        String implUid = null;
        String version = null;
        int invoked = -1;
        int performed = -1;
        List<RoleSelection> roles = new ArrayList<>();
        List<ExtendedNegotiation> ext = new ArrayList<>();
        UserIdentity identity = null;
        byte[] identityResponse = null;
        int count = 0;
        while (v.hasRemaining()) {
            Item sub = item(v, where);
            ByteBuffer s = sub.value();
            if (++count > MAX_ITEMS) {
                throw new PduException(Abort.INVALID_PDU_PARAMETER_VALUE, where + ": more than " + MAX_ITEMS
                        + " sub-items");
            }
            try {
                switch (sub.type()) {
                    case 0x51 -> maxLength = s.getInt() & 0xFFFFFFFFL;
                    case 0x52 -> implUid = uid(s);
                    case 0x53 -> {
                        invoked = s.getShort() & 0xFFFF;
                        performed = s.getShort() & 0xFFFF;
                    }
                    case 0x54 -> {
                        String uid = uid(s, s.getShort() & 0xFFFF, where);
                        roles.add(new RoleSelection(uid, s.get() != 0, s.get() != 0));
                    }
                    case 0x55 -> version = uid(s);
                    case 0x56 -> {
                        String uid = uid(s, s.getShort() & 0xFFFF, where);
                        byte[] info = new byte[s.remaining()];
                        s.get(info);
                        ext.add(new ExtendedNegotiation(uid, info));
                    }
                    case 0x58 -> {
                        int t = s.get() & 0xFF;
                        boolean rsp = s.get() != 0;
                        byte[] p = bytes(s, s.getShort() & 0xFFFF, where);
                        byte[] q = bytes(s, s.getShort() & 0xFFFF, where);
                        identity = new UserIdentity(t, rsp, p, q);
                    }
                    case 0x59 -> identityResponse = bytes(s, s.getShort() & 0xFFFF, where);
                    default -> {
                        // PS3.7 D.3.3: other sub-items (e.g. 0x57 common extended negotiation) are optional for
                        // the acceptor to understand; they are skipped.
                    }
                }
            } catch (java.nio.BufferUnderflowException e) {
                throw new PduException(Abort.INVALID_PDU_PARAMETER_VALUE, String.format(
                        "%s: sub-item 0x%02X too short for its fields", where, sub.type()));
            }
        }
        if (maxLength < 0) {
            // PS3.7 D.3.3.1 requires the item; DCMTK and others always send it. Missing means no limit known.
            maxLength = 0;
        }
        return new UserInfo(maxLength, implUid == null ? "" : implUid, version, invoked, performed, roles, ext,
                identity, identityResponse);
    }

    private static byte[] bytes(ByteBuffer s, int length, String where) throws PduException {
        if (length > s.remaining()) {
            throw new PduException(Abort.INVALID_PDU_PARAMETER_VALUE, where + ": field length " + length
                    + " but only " + s.remaining() + " bytes remain");
        }
        byte[] a = new byte[length];
        s.get(a);
        return a;
    }

    /** Reads until {@code len} bytes or end of stream; the count read. */
    private int readUpTo(byte[] buf, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            int n = in.read(buf, off + done, len - done);
            if (n < 0) {
                break;
            }
            done += n;
        }
        return done;
    }
}
