package org.pdistation.viewer.view;

import java.io.IOException;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.codec.Photometric;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.render.FrameAttributes;
import org.pdistation.imaging.render.GreyscaleRenderer;
import org.pdistation.imaging.render.LutCache;
import org.pdistation.imaging.render.Voi;
import org.pdistation.imaging.render.cache.CachedFrame;
import org.pdistation.imaging.render.colour.ColourRenderer;
import org.pdistation.imaging.render.series.InstanceRef;
import org.pdistation.imaging.render.series.SliceInfo;
import org.pdistation.viewer.model.DicomDates;
import org.pdistation.viewer.model.NameFormat;

/**
 * Renders one slice through imaging-core's pipeline (cached decoded frame → modality LUT → VOI → presentation LUT,
 * one table lookup per pixel) into a BGRA-premultiplied staging buffer, or an int array that we scale. One
 * instance per viewport, used by that viewport's render thread only (GreyscaleRenderer keeps per-thread scratch).
 */
final class SliceRenderer {
    /** A file's header and its renderers, kept for the most recently used files. */
    private record Header(Dataset dataset, ImageDescriptor descriptor, GreyscaleRenderer grey, ColourRenderer colour) {}

    private static final int HEADERS_KEPT = 64;

    private final RenderEngine engine;
    private final java.util.Locale locale;
    private final LutCache luts = new LutCache();
    private final FrameBuffer samples = new FrameBuffer();
    private final long[] mark = new long[2];
    private final Map<Path, Header> headers = new LinkedHashMap<>(HEADERS_KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Header> eldest) {
            return size() > HEADERS_KEPT;
        }
    };

    SliceRenderer(RenderEngine engine, java.util.Locale locale) {
        this.engine = engine;
        this.locale = locale;
    }

    /**
     * Renders {@code slice} as ARGB ints (little-endian in a byte buffer: BGRA) into {@code dst} from index 0
     * (capacity at least rows × columns; grown by the caller from the result's size when too small — then nothing is
     * drawn and the result has no overlay texts). A heap buffer when we scale ourselves: the renderer then writes
     * into its array, and the resampler reads that without a buffer access per pixel.
     *
     * @param window the window to apply, or null for the header's default
     */
    RenderedSlice render(int index, SliceInfo slice, WindowLevel window, boolean invert, IntBuffer dst)
            throws Exception {
        InstanceRef ref = slice.ref();
        FrameStages stages = engine.stages();
        stages.begin(mark);
        Header h = header(ref.path());
        try (CachedFrame frame = engine.cache().acquire(ref, engine.loader())) {
            stages.lap(FrameStages.Stage.READ_DECODE, mark);
            int rows = frame.rows();
            int cols = frame.columns();
            int pixels = rows * cols;
            if (dst.capacity() < pixels) {
                return new RenderedSlice(index, cols, rows, window, 1, null, null);
            }
            copySamples(frame);
            // The loader left stored values; normalising again is a no-op on them but restores the buffer's
            // signedness flag, which the min/max default window reads.
            if (h.grey() != null) samples.normalize(h.descriptor());
            stages.lap(FrameStages.Stage.SAMPLES, mark);
            IntBuffer out = dst.clear().limit(pixels);
            WindowLevel used = null;
            List<WindowLevel> headerWindows = List.of();
            FrameAttributes attributes = null;
            if (h.grey() != null) {
                int f = ref.frame();
                attributes = h.grey().frameAttributes(f);
                headerWindows = attributes.windows().stream()
                        .map(w -> new WindowLevel(w.center(), w.width())).toList();
                Voi voi = window != null ? new Voi.Window(window.centre(), window.width()) : h.grey().defaultVoi(f, samples);
                if (voi instanceof Voi.Window w) used = new WindowLevel(w.center(), w.width());
                // Little-endian ints of 0xAARRGGBB are the bytes B, G, R, A: JavaFX's BYTE_BGRA_PRE (opaque).
                h.grey().renderArgb(samples, f, voi, out);
            } else {
                h.colour().toArgb(samples, frame.photometric(), out);
            }
            if (invert && out.hasArray()) {
                int[] a = out.array();
                for (int i = 0, o = out.arrayOffset(); i < pixels; i++) a[o + i] ^= 0x00FFFFFF;
            } else if (invert) {
                for (int i = 0; i < pixels; i++) out.put(i, out.get(i) ^ 0x00FFFFFF);
            }
            stages.lap(FrameStages.Stage.WINDOW, mark);
            double aspect = 1;
            double[] spacing = slice.pixelSpacing();
            if (spacing != null && spacing[0] > 0 && spacing[1] > 0) aspect = spacing[0] / spacing[1];
            RenderedSlice done = new RenderedSlice(index, cols, rows, used, aspect,
                    overlay(h.dataset(), slice, headerWindows), null);
            stages.lap(FrameStages.Stage.OVERLAY_TEXTS, mark);
            return done;
        }
    }

    /** Prefetches the slices around {@code index}, more of them in the direction of travel. */
    void prefetch(List<SliceInfo> slices, int index, int direction) {
        int ahead = 12;
        int behind = 4;
        for (int d = 1; d <= ahead; d++) {
            int i = index + (direction >= 0 ? d : -d);
            if (i >= 0 && i < slices.size()) engine.cache().prefetch(slices.get(i).ref(), engine.loader(), engine.prefetchExecutor());
        }
        for (int d = 1; d <= behind; d++) {
            int i = index + (direction >= 0 ? -d : d);
            if (i >= 0 && i < slices.size()) engine.cache().prefetch(slices.get(i).ref(), engine.loader(), engine.prefetchExecutor());
        }
    }

    private void copySamples(CachedFrame frame) throws CodecException {
        samples.reset(frame.rows(), frame.columns(), frame.samplesPerPixel(), frame.kind());
        switch (frame.kind()) {
            case BYTE -> frame.copyTo(samples.bytes());
            case SHORT -> frame.copyTo(samples.shorts());
            case INT -> frame.copyTo(samples.ints());
        }
    }

    private Header header(Path path) throws IOException, CodecException {
        Header h = headers.get(path);
        if (h != null) return h;
        Dataset ds = DicomReader.read(path, ReadOptions.HEADER_ONLY).dataset();
        ImageDescriptor desc = ImageDescriptor.of(ds);
        Photometric p = desc.photometric();
        h = p.isMonochrome() && desc.samplesPerPixel() == 1
                ? new Header(ds, desc, GreyscaleRenderer.of(ds, desc, luts), null)
                : new Header(ds, desc, null, ColourRenderer.of(ds, desc));
        headers.put(path, h);
        return h;
    }

    private OverlayInfo overlay(Dataset ds, SliceInfo slice, List<WindowLevel> windows) {
        double[] pos = slice.position();
        double[] ori = slice.orientation();
        double position = Double.NaN;
        if (pos != null && ori != null) {
            // Distance along the slice normal (row × column cosines, PS3.3 C.7.6.2.1.1): for axial slices this is z.
            double nx = ori[1] * ori[5] - ori[2] * ori[4];
            double ny = ori[2] * ori[3] - ori[0] * ori[5];
            double nz = ori[0] * ori[4] - ori[1] * ori[3];
            position = pos[0] * nx + pos[1] * ny + pos[2] * nz;
        } else if (slice.sliceLocation() != null) {
            position = slice.sliceLocation();
        }
        double thickness = slice.sliceThickness() != null ? slice.sliceThickness() : Double.NaN;
        return new OverlayInfo(NameFormat.display(ds.getString(Tag.PatientName, "")), ds.getString(Tag.PatientID, ""),
                DicomDates.display(ds.getString(Tag.PatientBirthDate, ""), locale),
                ds.getString(Tag.StudyDescription, ""), DicomDates.display(ds.getString(Tag.StudyDate, ""), locale),
                ds.getString(Tag.InstitutionName, ""), ds.getString(Tag.SeriesNumber, ""),
                ds.getString(Tag.SeriesDescription, ""),
                slice.instanceNumber() == null ? "" : slice.instanceNumber().toString(),
                ds.getString(Tag.Modality, ""), ori, position, thickness, new ArrayList<>(windows));
    }
}
