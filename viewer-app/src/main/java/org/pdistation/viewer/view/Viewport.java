package org.pdistation.viewer.view;

import java.nio.ByteBuffer;
import java.text.NumberFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;

import javafx.geometry.Point2D;
import javafx.scene.transform.Affine;

import org.pdistation.imaging.render.series.Measurement;
import org.pdistation.imaging.render.series.SliceInfo;
import org.pdistation.viewer.tools.CineRate;
import org.pdistation.viewer.tools.ImageMapping;
import org.pdistation.viewer.tools.MeasureFormat;
import org.pdistation.viewer.tools.MeasureLayer;
import org.pdistation.viewer.tools.MeasureTool;
import org.pdistation.viewer.tools.RoiShape;
import org.pdistation.viewer.tools.RoiStatistics;
import org.pdistation.viewer.i18n.Messages;
import org.pdistation.viewer.model.SeriesEntry;

/**
 * One image viewport: the current slice of a series in an ImageView backed by a {@code PixelBuffer<ByteBuffer>}
 * (BGRA premultiplied) that JavaFX scales and smooths, with the corner overlay above. Wheel and keys scroll,
 * left-drag windows, middle/right-drag pans, Ctrl+wheel zooms, 1–9 pick presets, I inverts, F fits, O shows 1:1.
 */
public final class Viewport extends StackPane {
    private final Messages messages;
    private final RenderLoop loop;
    private final Pane imageLayer = new Pane();
    private final ImageView imageView = new ImageView();
    private final CornerOverlay overlay;
    private final Label message = new Label();
    private ImageProblem problem; // why no image is shown; null while one is
    private javafx.scene.control.Tooltip problemTip;
    private final ScaleBar scaleBar;
    private final MeasureLayer measures;
    private final CinePlayer cine = new CinePlayer(this);
    private final Affine turn = new Affine();
    private final RenderEngine engine;
    private final ObjectProperty<ViewOrientation> orientation = new SimpleObjectProperty<>(ViewOrientation.IDENTITY);
    private java.util.concurrent.ExecutorService statsThread;

    private final IntegerProperty index = new SimpleIntegerProperty(0);
    private final IntegerProperty count = new SimpleIntegerProperty(0);
    private final ObjectProperty<WindowLevel> window = new SimpleObjectProperty<>();
    private final BooleanProperty invert = new SimpleBooleanProperty();
    /** Screen pixels per image pixel; NaN = fit to the viewport. */
    private final DoubleProperty zoom = new SimpleDoubleProperty(Double.NaN);
    private final IntegerProperty framesShown = new SimpleIntegerProperty();
    private CompletableFuture<Void> firstFrame = new CompletableFuture<>();
    private final long[] fxMark = new long[2];
    private final NumberFormat integers;

    private SeriesEntry series;
    private PixelBuffer<ByteBuffer> pixels;
    private WritableImage image;
    /** The size of the slice shown (the image's own, whoever scales it); 0 before one. */
    private int imageColumns;
    private int imageRows;
    /** Who scales: null = the engine's choice ({@link RenderEngine#scaling}); set by tests and the load watch. */
    private ScalingMode scalingOverride;
    /** The mode the on-screen buffer was made for. */
    private ScalingMode shownMode;
    /** The placement of the last request when we scale (a change of it means rendering again). */
    private Placement requestedPlacement;
    private final RendererLoadWatch loadWatch = new RendererLoadWatch();
    private double pixelAspect = 1;
    private String modality = "";
    private List<WindowLevel> headerWindows = List.of();
    private double panX;
    private double panY;
    private double dragX;
    private double dragY;
    private int direction = 1;
    /** Set while applying the header's default window, so that doing so does not trigger another render. */
    private boolean adopting;
    /** Set by {@link #show}: the new series' pixel spacing may differ, so its first frame places the image again. */
    private boolean placePending;
    private int shownIndex = -1;
    private List<WindowPreset> presets = PresetStore.defaults();

    public Viewport(Messages messages, RenderEngine engine) {
        this.messages = messages;
        this.integers = NumberFormat.getIntegerInstance(messages.locale());
        this.loop = new RenderLoop(engine, messages.locale());
        this.overlay = new CornerOverlay(messages);
        this.engine = engine;
        this.scaleBar = new ScaleBar(messages);
        this.measures = new MeasureLayer(new MeasureFormat(messages), mapping(), this::measurement, this::roiStatistics);
        getStyleClass().add("viewport");
        setFocusTraversable(true);
        imageView.setSmooth(true);
        imageView.setPreserveRatio(false);
        imageLayer.getChildren().add(imageView);
        // Placed by placeImage/showScaled, never by the layer's layout. Unmanaged also because every pixel update
        // changes the ImageView's geometry, and a managed node's geometry change asks its parent for a layout pass
        // that climbs through the whole window, once per frame.
        imageView.setManaged(false);
        imageView.getTransforms().add(turn);
        imageLayer.setMinSize(0, 0);
        message.getStyleClass().add("viewport-message");
        message.setText(messages.get("viewer.empty"));
        message.setWrapText(true);
        getChildren().addAll(imageLayer, overlay, scaleBar, measures, message);
        message.setMouseTransparent(true);
        imageLayer.widthProperty().addListener((o, a, b) -> placeImage());
        imageLayer.heightProperty().addListener((o, a, b) -> placeImage());
        scaleBar.widthProperty().addListener((o, a, b) -> placeImage());
        scaleBar.heightProperty().addListener((o, a, b) -> placeImage());

        index.addListener((o, a, b) -> {
            measures.setSlice(b.intValue());
            render();
        });
        orientation.addListener((o, a, b) -> {
            overlay.setView(b);
            placeImage();
        });
        window.addListener((o, a, b) -> { if (!adopting) render(); });
        invert.addListener((o, a, b) -> render());
        zoom.addListener((o, a, b) -> placeImage());
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPress);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    }

    // ----- API ------------------------------------------------------------------------------------------------

    /** Shows {@code s} from its first slice with the header's window. */
    public void show(SeriesEntry s) {
        cine.pause();
        measures.clear();
        this.series = s;
        placePending = true;
        firstFrame = new CompletableFuture<>();
        adopting = true;
        window.set(null);
        adopting = false;
        count.set(0);
        clearProblem();
        message.setText(messages.format("browser.loading", s.description().isBlank() ? s.uid() : s.description()));
        message.setVisible(true);
        loop.load(s, this::loaded);
    }

    public SeriesEntry series() { return series; }

    public IntegerProperty indexProperty() { return index; }

    public IntegerProperty countProperty() { return count; }

    public ObjectProperty<WindowLevel> windowProperty() { return window; }

    public BooleanProperty invertProperty() { return invert; }

    public DoubleProperty zoomProperty() { return zoom; }

    /** The slice index of the frame last drawn (-1 before one); a benchmark knows from it that the last request is on screen. */
    public int shownIndex() { return shownIndex; }

    /** How many frames have been drawn (tests wait on it; never decreases). */
    public IntegerProperty framesShownProperty() { return framesShown; }

    /** Completes when the first slice of the current series is on screen (or could not be shown). */
    public CompletableFuture<Void> firstFrame() { return firstFrame; }

    /** The image on screen, or null (tests read its pixels). */
    public WritableImage image() { return image; }

    public String modality() { return modality; }

    public void fit() { zoom.set(Double.NaN); panX = panY = 0; placeImage(); }

    public void actualSize() { zoom.set(1); }

    public void scrollBy(int delta) {
        if (count.get() == 0) return;
        direction = delta >= 0 ? 1 : -1;
        index.set(Math.max(0, Math.min(count.get() - 1, index.get() + delta)));
    }

    /**
     * Preset {@code n} (1-based): the n-th of the user's presets for the image's modality (by default the CT
     * presets), else, for a modality without presets, the n-th window of the header.
     */
    public void applyPreset(int n) {
        List<WindowPreset> own = presetsFor(modality);
        if (!own.isEmpty()) {
            if (n >= 1 && n <= own.size()) window.set(own.get(n - 1).window());
        } else if (n >= 1 && n <= headerWindows.size()) {
            window.set(headerWindows.get(n - 1));
        }
    }

    /** The presets of {@code imageModality}, in the user's order. */
    public List<WindowPreset> presetsFor(String imageModality) {
        return presets.stream().filter(p -> p.appliesTo(imageModality)).toList();
    }

    void setPresets(List<WindowPreset> presets) { this.presets = List.copyOf(presets); }

    public List<WindowLevel> headerWindows() { return headerWindows; }

    /** Shows frame {@code i} (cine), prefetching in direction {@code direction}. */
    void goTo(int i, int direction) {
        if (count.get() == 0) return;
        this.direction = direction >= 0 ? 1 : -1;
        index.set(Math.max(0, Math.min(count.get() - 1, i)));
    }

    /** The cine timing of the series shown (null before one is loaded). */
    public CineRate cineRate() { return loop.cineRate(); }

    /** Play, pause and speed of this viewport's cine. */
    public CinePlayer cine() { return cine; }

    /** The measurements of this viewport and the tool a left-drag uses. */
    public MeasureLayer measures() { return measures; }

    /** The slice on screen, or null. */
    public SliceInfo currentSlice() {
        List<SliceInfo> s = loop.slices();
        int i = index.get();
        return i >= 0 && i < s.size() ? s.get(i) : null;
    }

    /** The pixel spacing for measuring on the current slice (PS3.3 10.7.1): mm, mm at the detector, or pixels. */
    public Measurement measurement() {
        SliceInfo s = currentSlice();
        return s == null ? new Measurement(Measurement.Basis.PIXELS, 1, 1, "px") : s.measurement();
    }

    public ObjectProperty<ViewOrientation> orientationProperty() { return orientation; }

    public void rotateRight() { orientation.set(orientation.get().rotateRight()); }

    public void rotateLeft() { orientation.set(orientation.get().rotateLeft()); }

    public void flipHorizontal() { orientation.set(orientation.get().flipHorizontal()); }

    public void flipVertical() { orientation.set(orientation.get().flipVertical()); }

    /** The orientation markers now shown: top, right, bottom, left (tests). */
    public String[] orientationMarkers() { return overlay.edgeTexts(); }

    /** The scale bar's length in mm, NaN when hidden (tests). */
    public double scaleBarMillimetres() { return scaleBar.lengthMm(); }

    /** Who scales the image now: {@link ScalingMode#PRISM} (GPU) or {@link ScalingMode#OWN} (software Prism). */
    public ScalingMode scaling() { return scalingOverride != null ? scalingOverride : engine.scaling(); }

    /** Forces who scales (null: the engine's choice) and draws again. */
    public void setScaling(ScalingMode mode) {
        scalingOverride = mode;
        render();
    }

    /** The geometry of the image on screen now (null before a slice is shown): tools and tests map points with it. */
    public ViewGeometry geometry() {
        if (imageColumns == 0) return null;
        return ViewGeometry.of(imageColumns, imageRows, pixelAspect, imageLayer.getWidth(), imageLayer.getHeight(),
                zoom.get(), panX, panY, orientation.get());
    }

    public void dispose() {
        cine.pause();
        loop.close();
        if (statsThread != null) statsThread.shutdownNow();
    }

    /** The overlay is a layout root (see {@link CornerOverlay}): unmanaged, so sized here after the others. */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        javafx.geometry.Insets in = getInsets();
        overlay.fill(in.getLeft(), in.getTop(), getWidth() - in.getLeft() - in.getRight(),
                getHeight() - in.getTop() - in.getBottom());
    }

    // ----- tools support ---------------------------------------------------------------------------------------

    private ImageMapping mapping() {
        return new ImageMapping() {
            @Override
            public Point2D toScreen(double x, double y) {
                ViewGeometry g = geometry();
                if (g == null) return new Point2D(x, y);
                double[] p = g.toLayer(x, y);
                return measures.sceneToLocal(imageLayer.localToScene(p[0], p[1]));
            }

            @Override
            public Point2D toImage(double x, double y) {
                ViewGeometry g = geometry();
                if (g == null) return new Point2D(x, y);
                Point2D local = imageLayer.sceneToLocal(measures.localToScene(x, y));
                double[] p = g.toImage(local.getX(), local.getY());
                return new Point2D(p[0], p[1]);
            }
        };
    }

    /** ROI statistics over the modality values of slice {@code slice}, on a thread of this viewport's own. */
    private CompletableFuture<RoiStatistics> roiStatistics(int slice, RoiShape shape) {
        List<SliceInfo> all = loop.slices();
        if (slice < 0 || slice >= all.size()) return CompletableFuture.completedFuture(null);
        SliceInfo s = all.get(slice);
        Measurement m = s.measurement();
        if (statsThread == null) {
            statsThread = java.util.concurrent.Executors.newSingleThreadExecutor(RenderEngine.daemonThreads("pdistation-roi"));
        }
        return CompletableFuture.supplyAsync(() -> ModalityValues.statistics(engine, s.ref(), shape, m), statsThread);
    }

    // ----- rendering -------------------------------------------------------------------------------------------

    /**
     * Shows why there is no image: a sentence with the file's name in the viewport, the technical text (full path,
     * the engine's English words) as the viewport's tooltip (issue 8: errors are sentences, details on request).
     */
    private void showProblem(ImageProblem p) {
        clearProblem();
        problem = p;
        message.setText(p.sentence(messages));
        message.setVisible(true);
        problemTip = new javafx.scene.control.Tooltip(messages.format("viewer.problemDetails", p.technical()));
        problemTip.setWrapText(true);
        problemTip.setMaxWidth(640);
        javafx.scene.control.Tooltip.install(this, problemTip);
    }

    private void clearProblem() {
        if (problemTip != null) javafx.scene.control.Tooltip.uninstall(this, problemTip);
        problemTip = null;
        problem = null;
    }

    /** Why this viewport shows no image, null when it shows one (or nothing was opened). */
    public ImageProblem problem() { return problem; }

    /** The tooltip with the technical details of {@link #problem()}, null when there is none. */
    public javafx.scene.control.Tooltip problemTooltip() { return problemTip; }

    /** The sentence shown over the image area (loading, empty, a problem). */
    public Label messageLabel() { return message; }

    private void loaded(List<SliceInfo> slices, ImageProblem problem) {
        if (slices.isEmpty()) {
            showProblem(problem != null ? problem
                    : new ImageProblem(ImageProblem.Kind.NO_IMAGE, null, "no files with an image"));
            firstFrame.complete(null);
            return;
        }
        count.set(slices.size());
        if (index.get() != 0) index.set(0); else render();
    }

    private void render() {
        if (count.get() == 0) return;
        Placement place = scaling() == ScalingMode.OWN ? placement() : null;
        requestedPlacement = place;
        loop.request(new RenderLoop.Request(index.get(), direction, window.get(), invert.get(), place), this::shown);
    }

    /** Where a slice goes now, for our own scaling: in output pixels of the window's render scale (HiDPI). */
    private Placement placement() {
        double ppu = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getRenderScaleX() : 1;
        return new Placement(imageLayer.getWidth(), imageLayer.getHeight(), zoom.get(), panX, panY, orientation.get(),
                ppu > 0 ? ppu : 1);
    }

    /**
     * On the FX thread: copies the staged pixels into the on-screen buffer and updates the overlay. Nothing here
     * allocates per frame or changes the scene graph's structure once the first slice of a size is shown: labels
     * change only when their text does, and the image is placed again only when its size or aspect changes.
     */
    private void shown(RenderedSlice r, ByteBuffer staged) {
        if (r.error() != null) {
            showProblem(r.problem() != null ? r.problem()
                    : new ImageProblem(ImageProblem.Kind.FAILED, null, r.error()));
            framesShown.set(framesShown.get() + 1);
            firstFrame.complete(null);
            return;
        }
        FrameStages stages = engine.stages();
        stages.begin(fxMark);
        message.setVisible(false);
        if (problem != null) clearProblem();
        boolean resized = r.columns() != imageColumns || r.rows() != imageRows;
        imageColumns = r.columns();
        imageRows = r.rows();
        if (r.scaled() == null) {
            showImageSize(staged);
        } else {
            showScaled(r.scaled(), staged);
        }
        stages.lap(FrameStages.Stage.FX_COPY, fxMark);
        if (r.pixelAspect() != pixelAspect) {
            pixelAspect = r.pixelAspect();
            resized = true;
        }
        if (r.info() != null) {
            modality = r.info().modality();
            headerWindows = r.info().headerWindows();
            overlay.show(r.info());
        }
        if (window.get() == null && r.window() != null) {
            adopting = true;
            window.set(r.window());
            adopting = false;
        }
        updateTexts(r.window());
        if (resized || placePending) {
            placePending = false;
            placeImage();
        }
        if (r.scaled() == null && scalingOverride == null && !ScalingMode.forced()
                && loadWatch.tooSlowAfterFrame()) {
            engine.setScaling(ScalingMode.OWN); // Prism measured as rasterising in software: scale ourselves
            render();
        }
        shownIndex = r.index();
        framesShown.set(framesShown.get() + 1);
        firstFrame.complete(null);
        stages.lap(FrameStages.Stage.FX_UPDATE, fxMark);
    }

    /** Prism scales: the on-screen buffer is the image's own size, placed and turned by {@link #placeImage}. */
    private void showImageSize(ByteBuffer staged) {
        int w = imageColumns, h = imageRows;
        imageView.setVisible(true);
        if (shownMode != ScalingMode.PRISM || pixels.getWidth() != w || pixels.getHeight() != h) {
            newBuffer(w, h);
            shownMode = ScalingMode.PRISM;
            imageView.setSmooth(true);
            imageView.setViewport(null);
            placePending = true;
        }
        int bytes = w * h * 4;
        pixels.updateBuffer(pb -> {
            pb.getBuffer().put(0, staged, 0, bytes);
            return null; // the whole image is dirty: every pixel of a new slice may differ
        });
    }

    /**
     * We scaled: the staged pixels are the covered area of the layer at output resolution. The on-screen buffer is
     * the layer's size (made again only when the layer grows), shown 1:1 through a viewport of the area's size at
     * the area's place, untransformed and unsmoothed, so that Prism only copies pixels.
     */
    private void showScaled(ScaledArea a, ByteBuffer staged) {
        imageView.setVisible(!a.isEmpty());
        if (a.isEmpty()) return;
        int lw = (int) Math.ceil(a.geometry().layerWidth() * a.pixelsPerUnit());
        int lh = (int) Math.ceil(a.geometry().layerHeight() * a.pixelsPerUnit());
        if (shownMode != ScalingMode.OWN || pixels.getWidth() < a.width() || pixels.getHeight() < a.height()) {
            newBuffer(Math.max(lw, a.width()), Math.max(lh, a.height()));
            shownMode = ScalingMode.OWN;
            imageView.setSmooth(false);
            turn.setToIdentity();
        }
        int stride = pixels.getWidth() * 4;
        int row = a.width() * 4;
        pixels.updateBuffer(pb -> {
            ByteBuffer dst = pb.getBuffer();
            for (int y = 0; y < a.height(); y++) dst.put(y * stride, staged, y * row, row);
            return new javafx.geometry.Rectangle2D(0, 0, a.width(), a.height());
        });
        javafx.geometry.Rectangle2D view = imageView.getViewport();
        if (view == null || view.getWidth() != a.width() || view.getHeight() != a.height()) {
            imageView.setViewport(new javafx.geometry.Rectangle2D(0, 0, a.width(), a.height()));
        }
        imageView.setFitWidth(a.width() / a.pixelsPerUnit());
        imageView.setFitHeight(a.height() / a.pixelsPerUnit());
        imageView.setLayoutX(a.x() / a.pixelsPerUnit());
        imageView.setLayoutY(a.y() / a.pixelsPerUnit());
    }

    private void newBuffer(int w, int h) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(w * h * 4);
        pixels = new PixelBuffer<>(w, h, buffer, PixelFormat.getByteBgraPreInstance());
        image = new WritableImage(pixels);
        imageView.setImage(image);
    }

    private void updateTexts(WindowLevel used) {
        WindowLevel wl = window.get() != null ? window.get() : used;
        String windowText = wl == null ? "" : messages.format("viewer.window", integers.format(wl.width()),
                integers.format(wl.centre())) + (invert.get() ? "  " + messages.get("viewer.invert") : "");
        setIfChanged(overlay.windowLabel, windowText);
        setIfChanged(overlay.imageLabel, messages.format("viewer.image", index.get() + 1, count.get()));
        setIfChanged(overlay.zoomLabel, messages.format("viewer.zoom", integers.format(Math.round(effectiveScale() * 100))));
    }

    /** Setting a label's text to what it shows already still costs CSS and layout work in some JavaFX versions. */
    static void setIfChanged(javafx.scene.control.Labeled l, String text) {
        if (!text.equals(l.getText())) l.setText(text);
    }

    private double effectiveScale() {
        ViewGeometry g = geometry();
        return g == null ? 1 : g.scale();
    }

    private void placeImage() {
        ViewGeometry g = geometry();
        if (g == null) return;
        double s = g.scale();
        if (scaling() == ScalingMode.PRISM) {
            if (shownMode == ScalingMode.PRISM) {
                imageView.setFitWidth(g.fitWidth());
                imageView.setFitHeight(g.fitHeight());
                // The turn maps the w × h picture into its turned box (h × w after a quarter turn) about the centres.
                ViewOrientation o = g.orientation();
                turn.setToTransform(o.xx(), o.xy(), g.turnX(), o.yx(), o.yy(), g.turnY());
                imageView.setLayoutX(g.boxX());
                imageView.setLayoutY(g.boxY());
            } else {
                render(); // switching from our scaling: the next frame comes at the image's own size
            }
        } else if (!placement().equals(requestedPlacement)) {
            render(); // we scale: a new zoom, pan, turn or layer size needs the pixels drawn again
        }
        setIfChanged(overlay.zoomLabel, messages.format("viewer.zoom", integers.format(Math.round(s * 100))));
        Measurement m = measurement();
        // Screen pixels per mm along the screen's horizontal: s / column spacing whatever the turn, since the
        // row axis is drawn stretched by the pixel aspect (row spacing / column spacing).
        scaleBar.update(m.isMillimetres() ? s / m.columnSpacing() : Double.NaN, m.atDetectorPlane());
        measures.redraw();
    }

    // ----- input ------------------------------------------------------------------------------------------------

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() == 0) return;
        if (e.isControlDown()) {
            zoom.set(effectiveScale() * (e.getDeltaY() > 0 ? 1.1 : 1 / 1.1));
        } else {
            scrollBy(e.getDeltaY() > 0 ? -1 : 1); // wheel away from the user = previous slice (towards the head)
        }
        e.consume();
    }

    private void onPress(MouseEvent e) {
        requestFocus();
        dragX = e.getX();
        dragY = e.getY();
    }

    private void onDrag(MouseEvent e) {
        double dx = e.getX() - dragX;
        double dy = e.getY() - dragY;
        dragX = e.getX();
        dragY = e.getY();
        if (e.getButton() == MouseButton.PRIMARY) {
            WindowLevel wl = window.get();
            if (wl == null) return;
            // Sensitivity scales with the width, so that a narrow brain window and a wide lung window both move
            // by a useful amount per screen pixel.
            double step = Math.max(1, wl.width() / 256);
            window.set(new WindowLevel(wl.centre() + dy * step, wl.width() + dx * step));
        } else {
            panX += dx;
            panY += dy;
            placeImage();
        }
        e.consume();
    }

    private void onKey(KeyEvent e) {
        KeyCode k = e.getCode();
        switch (k) {
            case UP, LEFT -> scrollBy(-1);
            case DOWN, RIGHT -> scrollBy(1);
            case PAGE_UP -> scrollBy(-10);
            case PAGE_DOWN -> scrollBy(10);
            case HOME -> scrollBy(-count.get());
            case END -> scrollBy(count.get());
            case I -> invert.set(!invert.get());
            case F -> fit();
            case O -> actualSize();
            case SPACE -> cine.toggle();
            case DELETE, BACK_SPACE -> measures.deleteLast();
            case ESCAPE -> measures.toolProperty().set(MeasureTool.NONE);
            default -> {
                if (k.isDigitKey() && k != KeyCode.DIGIT0 && k != KeyCode.NUMPAD0) {
                    applyPreset(Integer.parseInt(k.getName().replaceAll("\\D", "")));
                } else {
                    return;
                }
            }
        }
        e.consume();
    }
}
