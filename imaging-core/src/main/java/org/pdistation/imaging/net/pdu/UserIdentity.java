package org.pdistation.imaging.net.pdu;

import java.nio.charset.StandardCharsets;

/**
 * User Identity Negotiation request sub-item (PS3.7 D.3.3.7.1).
 *
 * @param type                      1 username, 2 username and passcode, 3 Kerberos, 4 SAML, 5 JWT
 * @param positiveResponseRequested whether the acceptor must answer with a server response
 * @param primary                   primary field (the username for types 1 and 2)
 * @param secondary                 secondary field (the passcode for type 2), empty otherwise
 */
public record UserIdentity(int type, boolean positiveResponseRequested, byte[] primary, byte[] secondary) {
    public static final int USERNAME = 1;
    public static final int USERNAME_PASSCODE = 2;

    public UserIdentity {
        primary = primary.clone();
        secondary = secondary == null ? new byte[0] : secondary.clone();
    }

    /** Username only (type 1), UTF-8 encoded. */
    public static UserIdentity username(String username, boolean responseRequested) {
        return new UserIdentity(USERNAME, responseRequested, username.getBytes(StandardCharsets.UTF_8), null);
    }

    /** Username and passcode (type 2), UTF-8 encoded. */
    public static UserIdentity usernamePassword(String username, String password, boolean responseRequested) {
        return new UserIdentity(USERNAME_PASSCODE, responseRequested, username.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] primary() {
        return primary.clone();
    }

    @Override
    public byte[] secondary() {
        return secondary.clone();
    }

    public String username() {
        return new String(primary, StandardCharsets.UTF_8);
    }

    public String password() {
        return new String(secondary, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "UserIdentity[type=" + type + ", user=" + (type <= 2 ? username() : "(" + primary.length + " bytes)")
                + "]";
    }
}
