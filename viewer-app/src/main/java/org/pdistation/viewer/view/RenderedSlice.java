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
 */
public record RenderedSlice(int index, int columns, int rows, WindowLevel window, double pixelAspect,
                            OverlayInfo info, String error) {}
