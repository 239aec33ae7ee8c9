package org.pdistation.viewer.view;

import java.util.Locale;

import javafx.application.ConditionalFeature;
import javafx.application.Platform;

/**
 * Who scales the image to the viewport. With a GPU, JavaFX's Prism scales and smooths a texture of the image's own
 * size for nothing (ARCHITECTURE decision 3). When Prism renders in software (no GPU, a VM, a remote desktop, CI),
 * smoothing a 512² image up to the viewport costs its renderer ~9 ms a frame, so the render thread then produces the
 * picture at the viewport's output size itself (bilinear, from index tables) and Prism only copies it 1:1.
 */
public enum ScalingMode {
    /** Prism scales, turns and smooths the image (hardware pipelines). */
    PRISM,
    /** Our render thread scales into a viewport-sized buffer; Prism blits it unscaled (software pipeline). */
    OWN;

    /** System property that forces a mode: {@code prism}, {@code own} or {@code auto} (the default). */
    public static final String PROPERTY = "pdistation.scaling";

    /**
     * The mode for this JVM's pipeline (FX toolkit started). Public API only: Prism's software pipeline is the one
     * without 3-D support, so {@code SCENE3D} unsupported means software. A hardware pipeline that is slow anyway
     * (OpenGL on a software rasteriser) is caught later by {@link RendererLoadWatch} measuring Prism's thread.
     */
    public static ScalingMode detect() {
        String forced = property();
        if (forced.equals("prism")) return PRISM;
        if (forced.equals("own")) return OWN;
        return Platform.isSupported(ConditionalFeature.SCENE3D) ? PRISM : OWN;
    }

    /** Whether the user forced a mode (then no measurement overrides it). */
    public static boolean forced() {
        String p = property();
        return p.equals("prism") || p.equals("own");
    }

    private static String property() {
        return System.getProperty(PROPERTY, "auto").strip().toLowerCase(Locale.ROOT);
    }
}
