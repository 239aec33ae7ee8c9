package org.pdistation.viewer.view;

import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

import org.pdistation.viewer.tools.CineClock;
import org.pdistation.viewer.tools.CineRate;

/**
 * Plays a viewport's frames at the recorded rate. An AnimationTimer runs once per display pulse and asks the
 * {@link CineClock} which frame is due by the time elapsed, so a frame that is slow to draw is skipped, never
 * slows the loop; the viewport's render loop prefetches ahead in the direction of play. Dropped frames are those
 * the clock skipped plus those requested but replaced before they reached the screen.
 */
public final class CinePlayer {
    private final Viewport viewport;
    private final BooleanProperty playing = new SimpleBooleanProperty();
    private final DoubleProperty speed = new SimpleDoubleProperty(1);
    private CineClock clock;
    private long requested;
    private int shownAtStart;
    private long dropped;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            tick(now);
        }
    };

    CinePlayer(Viewport viewport) {
        this.viewport = viewport;
        speed.addListener((o, a, b) -> {
            if (clock != null && b.doubleValue() > 0) clock.setSpeed(b.doubleValue(), System.nanoTime());
        });
    }

    public ReadOnlyBooleanProperty playingProperty() { return playing; }

    /** 1 = the recorded rate; 0.5 = half as fast. */
    public DoubleProperty speedProperty() { return speed; }

    /** Starts playing from the current frame; nothing happens for a single image. */
    public void play() {
        if (playing.get() || viewport.countProperty().get() < 2) return;
        CineRate rate = viewport.cineRate();
        clock = new CineClock(rate, viewport.indexProperty().get());
        clock.setSpeed(speed.get(), System.nanoTime());
        requested = 0;
        dropped = 0;
        shownAtStart = viewport.framesShownProperty().get();
        playing.set(true);
        timer.start();
    }

    public void pause() {
        if (!playing.get()) return;
        timer.stop();
        playing.set(false);
        dropped = droppedFrames();
    }

    public void toggle() {
        if (playing.get()) pause(); else play();
    }

    /** The frames per second at speed 1 of the loaded series (NaN before one is loaded). */
    public double recordedFramesPerSecond() {
        CineRate r = viewport.cineRate();
        return r == null ? Double.NaN : r.framesPerSecond();
    }

    /** Frames that did not reach the screen in the current or last play. */
    public long droppedFrames() {
        if (clock == null) return 0;
        if (!playing.get()) return dropped;
        long shown = viewport.framesShownProperty().get() - shownAtStart;
        return clock.skipped() + Math.max(0, requested - shown - 1); // the last request may still be in flight
    }

    /** Frames the clock asked for (tests, benchmark). */
    public long requestedFrames() { return requested; }

    void tick(long now) {
        int count = viewport.countProperty().get();
        if (count < 2) {
            pause();
            return;
        }
        int f = Math.min(count - 1, clock.frameAt(now));
        if (f != viewport.indexProperty().get()) {
            requested++;
            viewport.goTo(f, 1);
        }
    }
}
