package org.pdistation.viewer.view;

import java.nio.file.Path;

import org.pdistation.imaging.codec.NoPixelDataException;
import org.pdistation.viewer.i18n.Messages;

/**
 * Why a viewport shows no image, as a sentence for the user (with the file's name only, so that a long path on a
 * disc does not break the layout) and the technical text for whoever asks (the viewport's tooltip).
 *
 * @param kind      what went wrong
 * @param file      the file concerned, null when unknown
 * @param technical the engine's own text (English, with the full path), never null
 */
public record ImageProblem(Kind kind, Path file, String technical) {
    public enum Kind {
        /** The instance holds no pixels: a report, a presentation state, a key object selection (PS3.3 A.35, A.33). */
        NO_IMAGE,
        /** The file could not be read or decoded. */
        FAILED
    }

    public ImageProblem {
        technical = technical == null || technical.isBlank() ? kind.name() : technical;
    }

    /** From a render failure: {@link NoPixelDataException} anywhere in the cause chain is {@link Kind#NO_IMAGE}. */
    public static ImageProblem of(Path file, Throwable e) {
        String technical = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NoPixelDataException) return new ImageProblem(Kind.NO_IMAGE, file, t.getMessage());
            if (technical == null || t.getMessage() != null) technical = t.getMessage();
            if (t.getCause() == t) break;
        }
        return new ImageProblem(Kind.FAILED, file, technical != null ? technical : e.getClass().getSimpleName());
    }

    /** The sentence shown in the viewport, in the user's language. */
    public String sentence(Messages messages) {
        String name = file == null || file.getFileName() == null ? "-" : file.getFileName().toString();
        return switch (kind) {
            case NO_IMAGE -> messages.format("viewer.noImage", name);
            case FAILED -> messages.format("viewer.loadFailed", name);
        };
    }
}
