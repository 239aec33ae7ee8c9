package org.pdistation.viewer.view;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

import org.pdistation.viewer.i18n.Messages;
import org.pdistation.viewer.model.SeriesEntry;
import org.pdistation.viewer.tools.MeasureTool;

/** The viewports in a 1×1, 1×2 or 2×2 grid; the active one (last clicked) receives menu commands. */
public final class ViewerPane extends GridPane {
    /** Grid layouts: columns × rows. */
    public enum Layout {
        ONE_BY_ONE(1, 1), ONE_BY_TWO(2, 1), TWO_BY_TWO(2, 2);

        final int columns;
        final int rows;

        Layout(int columns, int rows) {
            this.columns = columns;
            this.rows = rows;
        }
    }

    private final Messages messages;
    private final RenderEngine engine;
    private final List<Viewport> viewports = new ArrayList<>();
    private final ObjectProperty<Viewport> active = new SimpleObjectProperty<>();
    private List<SeriesEntry> available = List.of();
    /** The measuring tool chosen: every viewport uses it, including those a later layout creates. */
    private final ObjectProperty<MeasureTool> tool = new SimpleObjectProperty<>(MeasureTool.NONE);
    /** The cine speed chosen (1 = recorded rate): applies to every viewport that plays. */
    private final DoubleProperty cineSpeed = new SimpleDoubleProperty(1);
    private List<WindowPreset> presets = PresetStore.defaults();

    public ViewerPane(Messages messages, RenderEngine engine) {
        this.messages = messages;
        this.engine = engine;
        getStyleClass().add("viewer");
        setHgap(2);
        setVgap(2);
        setLayout(Layout.ONE_BY_ONE);
        tool.addListener((o, a, b) -> viewports.forEach(v -> v.measures().toolProperty().set(b)));
        cineSpeed.addListener((o, a, b) -> viewports.forEach(v -> v.cine().speedProperty().set(b.doubleValue())));
    }

    public ObjectProperty<MeasureTool> toolProperty() { return tool; }

    public DoubleProperty cineSpeedProperty() { return cineSpeed; }

    /** The window presets (digit keys, Window menu), from the user's {@link PresetStore}. */
    public List<WindowPreset> presets() { return presets; }

    public void setPresets(List<WindowPreset> presets) {
        this.presets = List.copyOf(presets);
        viewports.forEach(v -> v.setPresets(this.presets));
    }

    public ObjectProperty<Viewport> activeProperty() { return active; }

    /** The render engine the viewports share (frame cache, per-stage timings). */
    public RenderEngine engine() { return engine; }

    public Viewport active() { return active.get(); }

    public List<Viewport> viewports() { return List.copyOf(viewports); }

    /** The series the layout fills further viewports from, in browser order. */
    public void setAvailable(List<SeriesEntry> series) {
        this.available = List.copyOf(series);
    }

    public void setLayout(Layout layout) {
        List<SeriesEntry> shown = new ArrayList<>();
        for (Viewport v : viewports) if (v.series() != null) shown.add(v.series());
        grid(layout.columns, layout.rows);
        // Fill new empty viewports with the series after the last one shown.
        SeriesEntry last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        int next = last == null ? 0 : available.indexOf(last) + 1;
        for (Viewport v : viewports) {
            if (v.series() == null && last != null && next < available.size()) v.show(available.get(next++));
        }
    }

    private void grid(int columns, int rows) {
        int needed = columns * rows;
        while (viewports.size() > needed) viewports.remove(viewports.size() - 1).dispose();
        while (viewports.size() < needed) {
            Viewport v = new Viewport(messages, engine);
            v.setPresets(presets);
            v.measures().toolProperty().set(tool.get());
            v.cine().speedProperty().set(cineSpeed.get());
            v.focusedProperty().addListener((o, a, b) -> { if (b) active.set(v); });
            v.setOnMousePressed(e -> active.set(v));
            viewports.add(v);
        }
        getChildren().setAll(viewports);
        getColumnConstraints().clear();
        getRowConstraints().clear();
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            cc.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(rc);
        }
        for (int i = 0; i < viewports.size(); i++) {
            GridPane.setConstraints(viewports.get(i), i % columns, i / columns);
        }
        if (active.get() == null || !viewports.contains(active.get())) active.set(viewports.get(0));
    }

    /**
     * One viewport per series (up to 16, in browser order), in the squarest grid that holds them: columns first.
     */
    public void showSeriesPerViewport() {
        int n = Math.max(1, Math.min(16, available.size()));
        int columns = (int) Math.ceil(Math.sqrt(n));
        int rows = (int) Math.ceil(n / (double) columns);
        grid(columns, rows);
        for (int i = 0; i < viewports.size(); i++) {
            if (i < available.size() && viewports.get(i).series() != available.get(i)) viewports.get(i).show(available.get(i));
        }
    }

    /** Shows {@code s} in the active viewport. */
    public void show(SeriesEntry s) {
        Viewport v = active.get() != null ? active.get() : viewports.get(0);
        v.show(s);
    }

    public void dispose() {
        viewports.forEach(Viewport::dispose);
    }
}
