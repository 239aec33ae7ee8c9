package org.pdistation.imaging.net.pdu;

import java.util.List;

/**
 * User Information item (PS3.8 9.3.2.3 and PS3.7 Annex D.3.3).
 *
 * @param maxPduLength              the largest P-DATA-TF PDU this side can receive (0 = unlimited)
 * @param implementationClassUid    Implementation Class UID (required)
 * @param implementationVersionName Implementation Version Name or null
 * @param maxOpsInvoked             Asynchronous Operations Window: invoked, or -1 when the sub-item is absent
 * @param maxOpsPerformed           Asynchronous Operations Window: performed, or -1 when absent
 * @param roleSelections            SCP/SCU role selection sub-items
 * @param extendedNegotiations      SOP class extended negotiation sub-items
 * @param identity                  user identity request (in an A-ASSOCIATE-RQ) or null
 * @param identityResponse          user identity server response (in an A-ASSOCIATE-AC) or null
 */
public record UserInfo(long maxPduLength, String implementationClassUid, String implementationVersionName,
                       int maxOpsInvoked, int maxOpsPerformed, List<RoleSelection> roleSelections,
                       List<ExtendedNegotiation> extendedNegotiations, UserIdentity identity,
                       byte[] identityResponse) {
    public UserInfo {
        roleSelections = List.copyOf(roleSelections);
        extendedNegotiations = List.copyOf(extendedNegotiations);
        identityResponse = identityResponse == null ? null : identityResponse.clone();
    }

    /** Only the required sub-items: maximum length and implementation identification. */
    public static UserInfo basic(long maxPduLength, String implementationClassUid, String versionName) {
        return new UserInfo(maxPduLength, implementationClassUid, versionName, -1, -1, List.of(), List.of(), null,
                null);
    }

    public boolean hasAsyncOpsWindow() {
        return maxOpsInvoked >= 0;
    }

    @Override
    public byte[] identityResponse() {
        return identityResponse == null ? null : identityResponse.clone();
    }
}
