package org.pdistation.imaging.net.pdu;

import java.util.List;

/**
 * A proposed presentation context (PS3.8 9.3.2.2): an odd id 1..255, one abstract syntax, one or more transfer
 * syntaxes in order of preference.
 */
public record PresentationContextRq(int id, String abstractSyntax, List<String> transferSyntaxes) {
    public PresentationContextRq {
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }
}
