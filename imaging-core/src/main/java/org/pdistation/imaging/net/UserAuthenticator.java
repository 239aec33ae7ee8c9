package org.pdistation.imaging.net;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import org.pdistation.imaging.net.pdu.UserIdentity;

/**
 * Decides whether the User Identity of an A-ASSOCIATE-RQ (PS3.7 D.3.3.7) is accepted; an SCP with an authenticator
 * rejects associations whose identity it does not accept, including those that send none.
 */
@FunctionalInterface
public interface UserAuthenticator {
    /** @param identity the requestor's identity, or null when it sent none */
    boolean accepts(UserIdentity identity);

    /**
     * Username and passcode (type 2) checked against a fixed table; passcodes compared in constant time so that
     * timing does not reveal a prefix.
     */
    static UserAuthenticator usernamePasswords(Map<String, String> passwords) {
        Map<String, byte[]> table = passwords.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> e.getValue().getBytes(StandardCharsets.UTF_8)));
        return identity -> {
            if (identity == null || identity.type() != UserIdentity.USERNAME_PASSCODE) {
                return false;
            }
            byte[] expected = table.get(identity.username());
            return expected != null && MessageDigest.isEqual(expected, identity.secondary());
        };
    }
}
