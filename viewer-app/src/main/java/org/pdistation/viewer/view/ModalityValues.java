package org.pdistation.viewer.view;

import java.nio.IntBuffer;

import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.render.colour.ColourRenderer;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.render.GreyscaleRenderer;
import org.pdistation.imaging.render.LutCache;
import org.pdistation.imaging.render.ModalityLut;
import org.pdistation.imaging.render.cache.CachedFrame;
import org.pdistation.imaging.render.series.InstanceRef;
import org.pdistation.imaging.render.series.Measurement;
import org.pdistation.viewer.tools.RoiShape;
import org.pdistation.viewer.tools.RoiStatistics;

/**
 * Region statistics in modality units: the frame's stored values from the shared cache (decoded once for display
 * and measuring alike) through the frame's Modality LUT or Rescale Slope/Intercept (PS3.3 C.11.1). Colour images
 * have no single modality value per pixel; they get luminance and per-channel means of their RGB as displayed.
 */
final class ModalityValues {
    private ModalityValues() {}

    static RoiStatistics statistics(RenderEngine engine, InstanceRef ref, RoiShape shape, Measurement spacing) {
        try {
            Dataset ds = DicomReader.read(ref.path(), ReadOptions.HEADER_ONLY).dataset();
            ImageDescriptor desc = ImageDescriptor.of(ds);
            if (!desc.photometric().isMonochrome() || desc.samplesPerPixel() != 1) return colour(engine, ref, ds, desc, shape, spacing);
            ModalityLut lut = GreyscaleRenderer.of(ds, desc, new LutCache()).modality(ref.frame());
            try (CachedFrame f = engine.cache().acquire(ref, engine.loader())) {
                int columns = f.columns();
                return RoiStatistics.of(shape, columns, f.rows(), (c, r) -> lut.apply(f.sample(r * columns + c)), spacing);
            }
        } catch (Exception e) {
            return null; // the image could be drawn a moment ago; a failure now leaves the region without numbers
        }
    }

    /** The frame converted to RGB the way it is displayed (any colour photometric interpretation, PS3.3 C.7.6.3.1.2). */
    private static RoiStatistics colour(RenderEngine engine, InstanceRef ref, Dataset ds, ImageDescriptor desc,
                                        RoiShape shape, Measurement spacing) throws Exception {
        ColourRenderer renderer = ColourRenderer.of(ds, desc);
        try (CachedFrame f = engine.cache().acquire(ref, engine.loader())) {
            FrameBuffer samples = new FrameBuffer();
            samples.reset(f.rows(), f.columns(), f.samplesPerPixel(), f.kind());
            switch (f.kind()) {
                case BYTE -> f.copyTo(samples.bytes());
                case SHORT -> f.copyTo(samples.shorts());
                case INT -> f.copyTo(samples.ints());
            }
            int columns = f.columns();
            IntBuffer argb = IntBuffer.allocate(columns * f.rows());
            renderer.toArgb(samples, f.photometric(), argb);
            return RoiStatistics.ofRgb(shape, columns, f.rows(), (c, r) -> argb.get(r * columns + c) & 0xFFFFFF, spacing);
        }
    }
}
