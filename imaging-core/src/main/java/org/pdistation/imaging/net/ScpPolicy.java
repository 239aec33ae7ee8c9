package org.pdistation.imaging.net;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.io.Implementation;
import org.pdistation.imaging.net.pdu.AssociateAc;
import org.pdistation.imaging.net.pdu.AssociateRj;
import org.pdistation.imaging.net.pdu.AssociateRq;
import org.pdistation.imaging.net.pdu.PresentationContextAc;
import org.pdistation.imaging.net.pdu.PresentationContextRq;
import org.pdistation.imaging.net.pdu.Pdu;
import org.pdistation.imaging.net.pdu.RoleSelection;
import org.pdistation.imaging.net.pdu.UserInfo;

/**
 * The acceptor decision of the Storage SCP: called AE title, calling AE allow-list, application context, then
 * per presentation context Verification or a storage SOP class with a transfer syntax we can store.
 *
 * @param aet         our AE title (the called AE title must equal it)
 * @param allowed     calling AE titles allowed; empty allows all
 * @param maxPduLength the max PDU length we announce
 * @param commitmentScu whether the Storage Commitment Push Model is accepted with the requestor as SCU (we serve
 *                      N-ACTION as its SCP)
 * @param commitmentScp whether it is accepted with the requestor as SCP (we receive N-EVENT-REPORTs as its SCU)
 * @param authenticator checks the requestor's User Identity (PS3.7 D.3.3.7); null accepts any or none
 * @param alsoCalled    further called AE titles accepted besides {@code aet} (e.g. an archive's auto-burn title
 *                      {@code BURN_CD}), answered under the title called
 */
public record ScpPolicy(String aet, Set<String> allowed, int maxPduLength, boolean commitmentScu,
                        boolean commitmentScp, UserAuthenticator authenticator, Set<String> alsoCalled)
        implements AssociationAcceptor {
    public ScpPolicy {
        RemoteAe.checkAet(aet);
        allowed = Set.copyOf(allowed);
        alsoCalled = Set.copyOf(alsoCalled);
        alsoCalled.forEach(RemoteAe::checkAet);
    }

    public ScpPolicy(String aet, Set<String> allowed, int maxPduLength, boolean commitmentScu, boolean commitmentScp,
                     UserAuthenticator authenticator) {
        this(aet, allowed, maxPduLength, commitmentScu, commitmentScp, authenticator, Set.of());
    }

    /** Verification and Storage only. */
    public ScpPolicy(String aet, Set<String> allowed, int maxPduLength) {
        this(aet, allowed, maxPduLength, false, false, null);
    }

    @Override
    public Pdu negotiate(AssociateRq rq) {
        // PS3.8 9.3.2: bit 0 of the protocol version must be set.
        if ((rq.protocolVersion() & 1) == 0) {
            return AssociateRj.of(AssociateRj.Result.PERMANENT, AssociateRj.Reason.PROTOCOL_VERSION_NOT_SUPPORTED);
        }
        if (!AssociateRq.DICOM_APPLICATION_CONTEXT.equals(rq.applicationContext())) {
            return AssociateRj.of(AssociateRj.Result.PERMANENT,
                    AssociateRj.Reason.APPLICATION_CONTEXT_NOT_SUPPORTED);
        }
        if (!aet.equals(rq.calledAet()) && !alsoCalled.contains(rq.calledAet())) {
            return AssociateRj.of(AssociateRj.Result.PERMANENT, AssociateRj.Reason.CALLED_AE_NOT_RECOGNIZED);
        }
        if (!allowed.isEmpty() && !allowed.contains(rq.callingAet())) {
            return AssociateRj.of(AssociateRj.Result.PERMANENT, AssociateRj.Reason.CALLING_AE_NOT_RECOGNIZED);
        }
        if (authenticator != null && !authenticator.accepts(rq.userInfo().identity())) {
            // PS3.7 D.3.3.7.3: an identity the acceptor does not accept is answered with A-ASSOCIATE-RJ.
            return AssociateRj.of(AssociateRj.Result.PERMANENT, AssociateRj.Reason.NO_REASON);
        }
        List<PresentationContextAc> answers = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (PresentationContextRq pc : rq.presentationContexts()) {
            answers.add(answer(pc, seen));
        }
        List<RoleSelection> roles = new ArrayList<>();
        for (RoleSelection r : rq.userInfo().roleSelections()) {
            // PS3.7 D.3.3.4: we answer for the Storage Commitment class only; for others the default roles hold.
            if (StorageCommitment.SOP_CLASS.equals(r.sopClassUid()) && (commitmentScu || commitmentScp)) {
                roles.add(new RoleSelection(r.sopClassUid(), r.scu() && commitmentScu, r.scp() && commitmentScp));
            }
        }
        UserInfo mine = new UserInfo(maxPduLength, Implementation.CLASS_UID, Implementation.VERSION_NAME,
                // PS3.7 D.3.3.3: we perform one operation at a time; answer the window only when proposed.
                rq.userInfo().hasAsyncOpsWindow() ? 1 : -1, rq.userInfo().hasAsyncOpsWindow() ? 1 : -1,
                roles, List.of(), null,
                // PS3.7 D.3.3.7.2: a positive response was requested; username identities carry no server token.
                rq.userInfo().identity() != null && rq.userInfo().identity().positiveResponseRequested()
                        ? new byte[0] : null);
        return new AssociateAc(1, rq.calledAet(), rq.callingAet(), rq.applicationContext(), answers, mine);
    }

    private PresentationContextAc answer(PresentationContextRq pc, Set<Integer> seen) {
        String first = pc.transferSyntaxes().isEmpty() ? null : pc.transferSyntaxes().get(0);
        // PS3.8 9.3.2.2: ids are odd 1..255 and unique within the association.
        if ((pc.id() & 1) == 0 || !seen.add(pc.id())) {
            return new PresentationContextAc(pc.id(), PresentationContextAc.Result.NO_REASON, first);
        }
        boolean commitment = StorageCommitment.SOP_CLASS.equals(pc.abstractSyntax());
        if (commitment ? !(commitmentScu || commitmentScp) : !isSupported(pc.abstractSyntax())) {
            return new PresentationContextAc(pc.id(), PresentationContextAc.Result.ABSTRACT_SYNTAX_NOT_SUPPORTED,
                    first);
        }
        // Verification and Storage Commitment exchange small data sets: the native little endian syntaxes only.
        boolean verification = commitment || UID.Verification.equals(pc.abstractSyntax());
        for (String ts : pc.transferSyntaxes()) {
            // Verification needs no data set; for storage any registered syntax is stored bytes-as-received.
            if (verification ? isNativeLittleEndian(ts) : UID.isTransferSyntax(ts)) {
                return new PresentationContextAc(pc.id(), PresentationContextAc.Result.ACCEPTANCE, ts);
            }
        }
        return new PresentationContextAc(pc.id(), PresentationContextAc.Result.TRANSFER_SYNTAXES_NOT_SUPPORTED,
                first);
    }

    private static boolean isNativeLittleEndian(String ts) {
        return UID.ImplicitVRLittleEndian.equals(ts) || UID.ExplicitVRLittleEndian.equals(ts);
    }

    /** Verification, and every storage SOP class of PS3.6 Annex A (their keywords end in "Storage"). */
    static boolean isSupported(String sopClass) {
        if (UID.Verification.equals(sopClass)) {
            return true;
        }
        if (UID.typeOf(sopClass) != UID.Type.SOP_CLASS || UID.MediaStorageDirectoryStorage.equals(sopClass)) {
            return false;
        }
        String keyword = UID.keywordOf(sopClass);
        return keyword != null && keyword.endsWith("Storage");
    }
}
