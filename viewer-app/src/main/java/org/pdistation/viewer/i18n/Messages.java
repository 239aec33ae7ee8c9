package org.pdistation.viewer.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every string the station shows, from {@code messages.properties} (English) and {@code messages_ja.properties}
 * (Japanese). A missing key shows as {@code !key!} so that it is seen in screenshots rather than hidden.
 */
public final class Messages {
    private final ResourceBundle bundle;

    public Messages(Locale locale) {
        // Properties bundles are read as UTF-8 since Java 9 (ResourceBundle), so the Japanese file is plain text.
        this.bundle = ResourceBundle.getBundle("org.pdistation.viewer.i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The bundle for the JVM's default locale. */
    public static Messages forDefaultLocale() {
        return new Messages(Locale.getDefault());
    }

    public Locale locale() {
        return bundle.getLocale();
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** The message with {@link MessageFormat} arguments. */
    public String format(String key, Object... args) {
        return new MessageFormat(get(key), bundle.getLocale()).format(args);
    }
}
