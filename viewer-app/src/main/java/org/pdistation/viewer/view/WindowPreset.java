package org.pdistation.viewer.view;

import java.util.Locale;

/**
 * A named VOI window for the images of one modality (PS3.3 C.11.2.1.2: centre and width in modality units, e.g.
 * Hounsfield units for CT), picked with the digit keys and from the Window menu.
 *
 * @param name     shown to the user; a name starting with {@code preset.} is a message key (the built-in presets,
 *                 shown in the user's language)
 * @param modality the Modality (0008,0060) the preset applies to, e.g. {@code CT}
 */
public record WindowPreset(String name, double centre, double width, String modality) {
    public WindowPreset {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a window preset needs a name");
        if (!(width >= 1) || !Double.isFinite(centre)) {
            // C.11.2.1.2.1: Window Width shall be >= 1
            throw new IllegalArgumentException("window preset " + name + ": width " + width + " must be >= 1 and centre "
                    + centre + " finite");
        }
        modality = modality == null ? "" : modality.strip().toUpperCase(Locale.ROOT);
    }

    public WindowLevel window() { return new WindowLevel(centre, width); }

    /** Whether this preset is for images of {@code imageModality} (case-insensitive). */
    public boolean appliesTo(String imageModality) {
        return imageModality != null && modality.equalsIgnoreCase(imageModality.strip());
    }

    /** The name to show: the message of a {@code preset.} key, else the name as the user typed it. */
    public String displayName(org.pdistation.viewer.i18n.Messages messages) {
        return name.startsWith("preset.") ? messages.get(name) : name;
    }
}
