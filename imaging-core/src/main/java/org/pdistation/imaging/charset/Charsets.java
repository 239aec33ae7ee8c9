package org.pdistation.imaging.charset;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;

/** Looks up JDK charsets without failing when a runtime lacks one (a jlinked image may omit jdk.charsets). */
final class Charsets {

    private Charsets() {
    }

    /** The first of {@code names} this runtime supports, or {@code null}. */
    static Charset firstSupported(String... names) {
        for (String name : names) {
            try {
                if (Charset.isSupported(name)) {
                    return Charset.forName(name);
                }
            } catch (IllegalCharsetNameException e) {
                // a name we spelled is never illegal; skip it anyway rather than fail class initialisation
            }
        }
        return null;
    }
}
