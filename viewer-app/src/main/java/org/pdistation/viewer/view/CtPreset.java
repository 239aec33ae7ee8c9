package org.pdistation.viewer.view;

/**
 * The CT window presets on keys 1–8, in Hounsfield units (centre/width as commonly used in radiology reading).
 * Other modalities use the windows of the image header instead.
 */
public enum CtPreset {
    BRAIN("preset.brain", 40, 80),
    SUBDURAL("preset.subdural", 75, 215),
    STROKE("preset.stroke", 40, 40),
    LUNG("preset.lung", -600, 1500),
    MEDIASTINUM("preset.mediastinum", 50, 350),
    ABDOMEN("preset.abdomen", 50, 400),
    LIVER("preset.liver", 60, 160),
    BONE("preset.bone", 400, 1800);

    private final String messageKey;
    private final WindowLevel window;

    CtPreset(String messageKey, double centre, double width) {
        this.messageKey = messageKey;
        this.window = new WindowLevel(centre, width);
    }

    public String messageKey() { return messageKey; }

    public WindowLevel window() { return window; }
}
