package org.pdistation.viewer.view;

/**
 * The result of rendering one slice into a viewport's staging buffer.
 *
 * @param index   the slice index rendered
 * @param columns image width in pixels
 * @param rows    image height in pixels
 * @param window  the window used (the header's default when the request had none); null for colour or VOI LUTs
 * @param pixelAspect row spacing / column spacing (1 when unknown), so that JavaFX scales non-square pixels right
 * @param info    overlay texts
 * @param error   a sentence when the slice could not be shown, else null
 * @param scaled  where the staging buffer's pixels go when the render thread scaled them itself, else null (the
 *                staging buffer then holds the image at its own size, for Prism to scale)
 * @param problem why the slice could not be shown, for the user (with {@code error} as its technical text), else null
 */
public record RenderedSlice(int index, int columns, int rows, WindowLevel window, double pixelAspect,
                            OverlayInfo info, String error, ScaledArea scaled, ImageProblem problem) {
    public RenderedSlice(int index, int columns, int rows, WindowLevel window, double pixelAspect, OverlayInfo info,
                         String error) {
        this(index, columns, rows, window, pixelAspect, info, error, null, null);
    }

    RenderedSlice withScaled(ScaledArea area) {
        return new RenderedSlice(index, columns, rows, window, pixelAspect, info, error, area, problem);
    }

    RenderedSlice withProblem(ImageProblem p) {
        return new RenderedSlice(index, columns, rows, window, pixelAspect, info, error, scaled, p);
    }
}
