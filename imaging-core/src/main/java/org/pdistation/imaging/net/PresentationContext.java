package org.pdistation.imaging.net;

/**
 * A negotiated presentation context: the abstract syntax proposed and the transfer syntax the acceptor chose.
 */
public record PresentationContext(int id, String abstractSyntax, String transferSyntax) {
}
