package org.pdistation.imaging.archive.service;

import java.util.Map;
import java.util.Set;

import org.pdistation.imaging.net.RemoteAe;

/**
 * Who may do what (issue 7 item 7, like common PACS defaults): C-ECHO and C-STORE from any calling AE unless an
 * allow-list is set (then DicomServer's negotiation refuses others); C-FIND/C-MOVE/C-GET only from AEs on the
 * allow-list or in the peer table, which is also where C-MOVE destinations are looked up.
 *
 * @param allowed calling AE titles allowed (empty: any, for echo and store)
 * @param peers   known AEs by title
 */
public record AccessPolicy(Set<String> allowed, Map<String, RemoteAe> peers) {
    public AccessPolicy {
        allowed = Set.copyOf(allowed);
        peers = Map.copyOf(peers);
    }

    public boolean mayQuery(String callingAet) {
        return callingAet != null && (allowed.contains(callingAet) || peers.containsKey(callingAet));
    }

    public RemoteAe destination(String aet) {
        return aet == null ? null : peers.get(aet.strip());
    }
}
