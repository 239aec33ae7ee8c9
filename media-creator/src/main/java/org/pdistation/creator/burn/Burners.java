package org.pdistation.creator.burn;

import java.util.Locale;

/** The burner for the platform this runs on. */
public final class Burners {
    private Burners() {
    }

    /** xorriso on Linux and the other Unixes, IMAPI2 on Windows, hdiutil/drutil on macOS. */
    public static Burner forPlatform() {
        return forOs(System.getProperty("os.name", ""));
    }

    static Burner forOs(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return new ImapiBurner();
        }
        if (os.startsWith("mac") || os.contains("darwin")) {
            return new DrutilBurner();
        }
        return new XorrisoBurner();
    }
}
