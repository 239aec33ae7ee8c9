package org.pdistation.viewer.cli;

import org.pdistation.imaging.net.pdu.UserIdentity;

import picocli.CommandLine.Option;

/** {@code --user} and {@code --passcode}: the User Identity sent in the A-ASSOCIATE-RQ (PS3.7 D.3.3.7). */
final class UserOptions {
    @Option(names = "--user", paramLabel = "NAME", description = "user identity: user name (PS3.7 D.3.3.7)")
    String user;

    @Option(names = "--passcode", paramLabel = "PASSCODE", arity = "1",
            description = "user identity: passcode, sent with --user (username and passcode, type 2)")
    String passcode;

    /** Type 1 with only a user name, type 2 with a passcode, null without {@code --user}. */
    UserIdentity identity() {
        if (user == null) {
            if (passcode != null) {
                throw new IllegalArgumentException("--passcode needs --user");
            }
            return null;
        }
        return passcode == null ? UserIdentity.username(user, false)
                : UserIdentity.usernamePassword(user, passcode, false);
    }
}
