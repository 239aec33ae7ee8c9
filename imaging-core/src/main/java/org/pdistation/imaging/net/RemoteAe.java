package org.pdistation.imaging.net;

/** A remote application entity: AE title, host and port, written {@code AET@HOST:PORT}. */
public record RemoteAe(String aet, String host, int port) {
    public RemoteAe {
        checkAet(aet);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " outside 1..65535");
        }
    }

    /** Parses {@code AET@HOST:PORT} (an IPv6 host in brackets: {@code AET@[::1]:104}). */
    public static RemoteAe parse(String text) {
        int at = text.indexOf('@');
        int colon = text.lastIndexOf(':');
        if (at <= 0 || colon < at + 2 || colon == text.length() - 1) {
            throw new IllegalArgumentException("expected AET@HOST:PORT, got '" + text + "'");
        }
        String host = text.substring(at + 1, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port in '" + text + "' is not a number");
        }
        return new RemoteAe(text.substring(0, at), host, port);
    }

    /** PS3.5 6.2 (AE): 1 to 16 characters of the default repertoire, no backslash or control characters. */
    public static String checkAet(String aet) {
        if (aet == null || aet.isBlank() || aet.length() > 16) {
            throw new IllegalArgumentException("AE title '" + aet + "' must have 1 to 16 characters");
        }
        for (int i = 0; i < aet.length(); i++) {
            char c = aet.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '\\') {
                throw new IllegalArgumentException("AE title '" + aet + "' has a character not allowed by PS3.5 6.2");
            }
        }
        return aet;
    }

    @Override
    public String toString() {
        return aet + "@" + host + ":" + port;
    }
}
