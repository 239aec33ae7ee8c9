package org.pdistation.viewer.view;

import org.pdistation.imaging.codec.ImageDescriptor;
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
 * have no single modality value per pixel; they get none (null).
 */
final class ModalityValues {
    private ModalityValues() {}

    static RoiStatistics statistics(RenderEngine engine, InstanceRef ref, RoiShape shape, Measurement spacing) {
        try {
            Dataset ds = DicomReader.read(ref.path(), ReadOptions.HEADER_ONLY).dataset();
            ImageDescriptor desc = ImageDescriptor.of(ds);
            if (!desc.photometric().isMonochrome() || desc.samplesPerPixel() != 1) return null;
            ModalityLut lut = GreyscaleRenderer.of(ds, desc, new LutCache()).modality(ref.frame());
            try (CachedFrame f = engine.cache().acquire(ref, engine.loader())) {
                int columns = f.columns();
                return RoiStatistics.of(shape, columns, f.rows(), (c, r) -> lut.apply(f.sample(r * columns + c)), spacing);
            }
        } catch (Exception e) {
            return null; // the image could be drawn a moment ago; a failure now leaves the region without numbers
        }
    }
}
