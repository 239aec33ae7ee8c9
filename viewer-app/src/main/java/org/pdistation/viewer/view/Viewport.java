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

    public void dispose() {
        cine.pause();
        loop.close();
        if (statsThread != null) statsThread.shutdownNow();
    }

    // ----- tools support ---------------------------------------------------------------------------------------

    private ImageMapping mapping() {
        return new ImageMapping() {
            @Override
            public Point2D toScreen(double x, double y) {
                if (image == null) return new Point2D(x, y);
                Point2D local = new Point2D(x * imageView.getFitWidth() / image.getWidth(),
                        y * imageView.getFitHeight() / image.getHeight());
                return measures.sceneToLocal(imageView.localToScene(local));
            }

            @Override
            public Point2D toImage(double x, double y) {
                if (image == null) return new Point2D(x, y);
                Point2D local = imageView.sceneToLocal(measures.localToScene(x, y));
                return new Point2D(local.getX() * image.getWidth() / imageView.getFitWidth(),
                        local.getY() * image.getHeight() / imageView.getFitHeight());
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

    private void loaded(List<SliceInfo> slices, String error) {
        if (slices.isEmpty()) {
            message.setText(messages.format("viewer.loadFailed", error == null ? "-" : error));
            message.setVisible(true);
            firstFrame.complete(null);
            return;
        }
        count.set(slices.size());
        if (index.get() != 0) index.set(0); else render();
    }

    private void render() {
        if (count.get() == 0) return;
        loop.request(new RenderLoop.Request(index.get(), direction, window.get(), invert.get()), this::shown);
    }

    /**
     * On the FX thread: copies the staged pixels into the on-screen buffer and updates the overlay. Nothing here
     * allocates per frame or changes the scene graph's structure once the first slice of a size is shown: labels
     * change only when their text does, and the image is placed again only when its size or aspect changes.
     */
    private void shown(RenderedSlice r, ByteBuffer staged) {
        if (r.error() != null) {
            message.setText(messages.format("viewer.loadFailed", r.error()));
            message.setVisible(true);
            framesShown.set(framesShown.get() + 1);
            firstFrame.complete(null);
            return;
        }
        FrameStages stages = engine.stages();
        stages.begin(fxMark);
        message.setVisible(false);
        int w = r.columns();
        int h = r.rows();
        boolean resized = false;
        if (pixels == null || pixels.getWidth() != w || pixels.getHeight() != h) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(w * h * 4);
            pixels = new PixelBuffer<>(w, h, buffer, PixelFormat.getByteBgraPreInstance());
            image = new WritableImage(pixels);
            imageView.setImage(image);
            resized = true;
        }
        int bytes = w * h * 4;
        pixels.updateBuffer(pb -> {
            pb.getBuffer().put(0, staged, 0, bytes);
            return null; // the whole image is dirty: every pixel of a new slice may differ
        });
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
        shownIndex = r.index();
        framesShown.set(framesShown.get() + 1);
        firstFrame.complete(null);
        stages.lap(FrameStages.Stage.FX_UPDATE, fxMark);
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
        if (image == null) return 1;
        double z = zoom.get();
        if (!Double.isNaN(z)) return z;
        double w = imageLayer.getWidth();
        double h = imageLayer.getHeight();
        if (w <= 0 || h <= 0) return 1;
        double iw = image.getWidth(), ih = image.getHeight() * pixelAspect;
        if (orientation.get().swapsAxes()) return Math.min(w / ih, h / iw);
        return Math.min(w / iw, h / ih);
    }

    private void placeImage() {
        if (image == null) return;
        double s = effectiveScale();
        double w = image.getWidth() * s;
        double h = image.getHeight() * pixelAspect * s;
        imageView.setFitWidth(w);
        imageView.setFitHeight(h);
        // The turn maps the w × h picture into its turned box (h × w after a quarter turn) about the centres.
        ViewOrientation o = orientation.get();
        double bw = o.swapsAxes() ? h : w;
        double bh = o.swapsAxes() ? w : h;
        turn.setToTransform(o.xx(), o.xy(), bw / 2 - (o.xx() * w / 2 + o.xy() * h / 2),
                o.yx(), o.yy(), bh / 2 - (o.yx() * w / 2 + o.yy() * h / 2));
        imageView.setLayoutX((imageLayer.getWidth() - bw) / 2 + panX);
        imageView.setLayoutY((imageLayer.getHeight() - bh) / 2 + panY);
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
