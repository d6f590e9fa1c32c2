package org.fvstudio.ui.timeline;

import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.fvstudio.project.Project;

/**
 * The playhead and playback: stepping, jumping between keyframes, play/pause at the project's
 * frame rate, J/K/L shuttle, loop, in/out range and markers. Time advances only through
 * {@link #advance(double)}, which the view's animation timer calls with the elapsed seconds
 * (tests call it directly), so playback is deterministic and costs nothing but a frame change.
 * Markers and the in/out range belong to the session, not the project file.
 */
public final class Transport {

    private static final double[] SHUTTLE_SPEEDS = {1, 2, 4, 8};

    private final IntegerProperty frame;
    private final Supplier<Project> project;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing", false);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1);
    private final BooleanProperty loop = new SimpleBooleanProperty(this, "loop", true);
    private final IntegerProperty inPoint = new SimpleIntegerProperty(this, "inPoint", -1);
    private final IntegerProperty outPoint = new SimpleIntegerProperty(this, "outPoint", -1);
    private final ObservableList<Integer> markers = FXCollections.observableArrayList();
    private double pendingFrames;

    /** @param frame the studio's current-frame property, which this transport moves */
    public Transport(IntegerProperty frame, Supplier<Project> project) {
        this.frame = frame;
        this.project = project;
    }

    public IntegerProperty frameProperty() {
        return frame;
    }

    public int frame() {
        return frame.get();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public boolean isPlaying() {
        return playing.get();
    }

    /** Frames per second as a multiple of the project rate; negative plays backwards. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    public BooleanProperty loopProperty() {
        return loop;
    }

    /** First frame of the in/out range, -1 when unset (the range then starts at 0). */
    public IntegerProperty inPointProperty() {
        return inPoint;
    }

    /** Last frame of the in/out range, -1 when unset (the range then ends at the last frame). */
    public IntegerProperty outPointProperty() {
        return outPoint;
    }

    public ObservableList<Integer> markers() {
        return markers;
    }

    public int lastFrame() {
        return project.get().frameCount() - 1;
    }

    public int rangeStart() {
        int in = inPoint.get();
        return in < 0 ? 0 : Math.min(in, lastFrame());
    }

    public int rangeEnd() {
        int out = outPoint.get();
        return out < 0 ? lastFrame() : Math.min(out, lastFrame());
    }

    public void goTo(int target) {
        frame.set(Math.max(0, Math.min(lastFrame(), target)));
    }

    public void step(int frames) {
        pause();
        goTo(frame.get() + frames);
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play(speed.get() == 0 ? 1 : Math.abs(speed.get()));
        }
    }

    public void play(double newSpeed) {
        speed.set(newSpeed);
        pendingFrames = 0;
        if (newSpeed > 0 && frame.get() >= rangeEnd() || newSpeed < 0 && frame.get() <= rangeStart()) {
            goTo(newSpeed > 0 ? rangeStart() : rangeEnd());
        }
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
        pendingFrames = 0;
    }

    /** L: play forward, each further press faster (1x, 2x, 4x, 8x); from reverse it first slows. */
    public void shuttleForward() {
        shuttle(1);
    }

    /** J: play backwards, each further press faster. */
    public void shuttleBackward() {
        shuttle(-1);
    }

    private void shuttle(int direction) {
        double current = playing.get() ? speed.get() : 0;
        if (current * direction < 0) {
            double slower = Math.abs(current) / 2;
            if (slower < 1) {
                pause();
            } else {
                play(slower * Math.signum(current));
            }
            return;
        }
        double next = SHUTTLE_SPEEDS[0];
        for (double s : SHUTTLE_SPEEDS) {
            if (s > Math.abs(current)) {
                next = s;
                break;
            }
            next = s;
        }
        play(next * direction);
    }

    /**
     * Moves the playhead by the frames that {@code seconds} of playback cover at the project's fps
     * times the speed; at the end of the range it loops or stops.
     */
    public void advance(double seconds) {
        if (!playing.get() || seconds <= 0) {
            return;
        }
        pendingFrames += seconds * project.get().fps() * speed.get();
        int whole = (int) (pendingFrames >= 0 ? Math.floor(pendingFrames) : Math.ceil(pendingFrames));
        if (whole == 0) {
            return;
        }
        pendingFrames -= whole;
        int start = rangeStart();
        int end = rangeEnd();
        int next = frame.get() + whole;
        if (next > end || next < start) {
            if (loop.get()) {
                int length = end - start + 1;
                next = start + Math.floorMod(next - start, length);
            } else {
                next = next > end ? end : start;
                pause();
            }
        }
        frame.set(next);
    }

    public void setInPoint() {
        inPoint.set(frame.get());
        if (outPoint.get() >= 0 && outPoint.get() < frame.get()) {
            outPoint.set(-1);
        }
    }

    public void setOutPoint() {
        outPoint.set(frame.get());
        if (inPoint.get() > frame.get()) {
            inPoint.set(-1);
        }
    }

    public void clearRange() {
        inPoint.set(-1);
        outPoint.set(-1);
    }

    /** M: adds a marker at the playhead, or removes the one there. */
    public void toggleMarker() {
        Integer here = frame.get();
        if (markers.contains(here)) {
            markers.remove(here);
        } else {
            markers.add(here);
            FXCollections.sort(markers);
        }
    }

    /** Jumps to the next (direction 1) or previous (-1) frame of {@code candidates}; false if none. */
    public boolean jumpTo(List<Integer> candidates, int direction) {
        TreeSet<Integer> set = new TreeSet<>(candidates);
        Integer target = direction > 0 ? set.higher(frame.get()) : set.lower(frame.get());
        if (target == null) {
            return false;
        }
        pause();
        goTo(target);
        return true;
    }
}
