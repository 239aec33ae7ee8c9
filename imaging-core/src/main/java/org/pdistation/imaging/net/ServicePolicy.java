package org.pdistation.imaging.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.net.pdu.AssociateAc;
import org.pdistation.imaging.net.pdu.AssociateRq;
import org.pdistation.imaging.net.pdu.Pdu;
import org.pdistation.imaging.net.pdu.PresentationContextAc;
import org.pdistation.imaging.net.pdu.PresentationContextRq;
import org.pdistation.imaging.net.pdu.RoleSelection;
import org.pdistation.imaging.net.pdu.UserInfo;

/**
 * {@link ScpPolicy} plus the SOP classes of hosted {@link DimseService}s: their contexts are accepted with an
 * uncompressed syntax, and proposed SCP/SCU roles for storage classes (a C-GET SCU taking the SCP role) are agreed.
 */
final class ServicePolicy implements AssociationAcceptor {
    private final AssociationAcceptor base;
    private final Map<String, DimseService> services;

    ServicePolicy(AssociationAcceptor base, Map<String, DimseService> services) {
        this.base = base;
        this.services = services;
    }

    @Override
    public Pdu negotiate(AssociateRq rq) {
        Pdu answer = base.negotiate(rq);
        if (!(answer instanceof AssociateAc ac) || services.isEmpty()) {
            return answer;
        }
        List<PresentationContextAc> contexts = new ArrayList<>();
        for (int i = 0; i < ac.presentationContexts().size(); i++) {
            PresentationContextAc pcAc = ac.presentationContexts().get(i);
            PresentationContextRq pcRq = rq.presentationContexts().get(i);
            if (pcAc.result() == PresentationContextAc.Result.ABSTRACT_SYNTAX_NOT_SUPPORTED
                    && services.containsKey(pcRq.abstractSyntax())) {
                pcAc = uncompressed(pcRq);
            }
            contexts.add(pcAc);
        }
        UserInfo u = ac.userInfo();
        // The base policy's answers (Storage Commitment roles) stand; storage-class roles are added.
        List<RoleSelection> roles = new ArrayList<>(u.roleSelections());
        for (RoleSelection r : rq.userInfo().roleSelections()) {
            // PS3.7 D.3.3.4: the acceptor answers each proposed role; we agree to whatever was proposed for
            // storage classes, which is how a C-GET SCU asks to receive the sub-operations.
            if (ScpPolicy.isSupported(r.sopClassUid()) && !UID.Verification.equals(r.sopClassUid())) {
                roles.add(new RoleSelection(r.sopClassUid(), r.scu(), r.scp()));
            }
        }
        UserInfo mine = new UserInfo(u.maxPduLength(), u.implementationClassUid(), u.implementationVersionName(),
                u.maxOpsInvoked(), u.maxOpsPerformed(), roles, u.extendedNegotiations(), u.identity(),
                u.identityResponse());
        return new AssociateAc(ac.protocolVersion(), ac.calledAet(), ac.callingAet(), ac.applicationContext(),
                contexts, mine);
    }

    private static PresentationContextAc uncompressed(PresentationContextRq pc) {
        for (String ts : pc.transferSyntaxes()) {
            if (UID.ExplicitVRLittleEndian.equals(ts) || UID.ImplicitVRLittleEndian.equals(ts)) {
                return new PresentationContextAc(pc.id(), PresentationContextAc.Result.ACCEPTANCE, ts);
            }
        }
        return new PresentationContextAc(pc.id(), PresentationContextAc.Result.TRANSFER_SYNTAXES_NOT_SUPPORTED,
                pc.transferSyntaxes().isEmpty() ? null : pc.transferSyntaxes().get(0));
    }
}
