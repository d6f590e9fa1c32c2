package org.fvstudio.ui.timeline;

import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

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
import org.fvstudio.timeline.TimelineMarker;
import org.fvstudio.timeline.TimelineMarks;

/**
 * The playhead and playback: stepping, jumping between keyframes, play/pause at the project's
 * frame rate, J/K/L shuttle, loop, in/out range and markers. Time advances only through
 * {@link #advance(double)}, which the view's animation timer calls with the elapsed seconds
 * (tests call it directly), so playback is deterministic and costs nothing but a frame change.
 * Markers and the in/out range are the project's {@link TimelineMarks}: this transport shows them as
 * properties and changes them only through its {@link MarksWriter}, so each change is an undoable edit
 * that is saved with the project.
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
    private final ObservableList<Integer> markerFrames = FXCollections.observableArrayList();
    private final ObservableList<Integer> markers = FXCollections.unmodifiableObservableList(markerFrames);
    private final MarksWriter marksWriter;
    private boolean showingMarks;
    private double pendingFrames;

    /** Applies a change of the project's timeline marks as one edit; false when nothing changed or it was refused. */
    @FunctionalInterface
    public interface MarksWriter {
        boolean write(String description, UnaryOperator<TimelineMarks> change);
    }

    /**
     * @param frame       the studio's current-frame property, which this transport moves
     * @param marksWriter how in/out and marker changes reach the project; call {@link #showMarks} whenever
     *                    the project's marks change (edits, undo, open)
     */
    public Transport(IntegerProperty frame, Supplier<Project> project, MarksWriter marksWriter) {
        this.frame = frame;
        this.project = project;
        this.marksWriter = marksWriter;
        showMarks(project.get().timeline());
        // Setting a range end directly (bindings, tests) is an edit as well.
        inPoint.addListener((obs, old, v) -> rangeEndSet("Set in point", v.intValue(), true));
        outPoint.addListener((obs, old, v) -> rangeEndSet("Set out point", v.intValue(), false));
    }

    /** Shows {@code marks} (the project's) in the in/out properties and the marker list. */
    public void showMarks(TimelineMarks marks) {
        showingMarks = true;
        try {
            inPoint.set(marks.in());
            outPoint.set(marks.out());
            if (!markerFrames.equals(marks.markerFrames())) {
                markerFrames.setAll(marks.markerFrames());
            }
        } finally {
            showingMarks = false;
        }
    }

    private void rangeEndSet(String description, int value, boolean in) {
        if (showingMarks) {
            return;
        }
        int target = value < 0 ? TimelineMarks.UNSET : value;
        writeMarks(description + (target < 0 ? "" : " at " + target), m -> target < 0
                ? new TimelineMarks(in ? TimelineMarks.UNSET : m.in(), in ? m.out() : TimelineMarks.UNSET, m.markers())
                : in ? m.withIn(target) : m.withOut(target));
    }

    private boolean writeMarks(String description, UnaryOperator<TimelineMarks> change) {
        boolean done = marksWriter.write(description, change);
        // Refused or not, the properties show what the project holds.
        showMarks(project.get().timeline());
        return done;
    }

    /** The project's markers, with their labels. */
    public List<TimelineMarker> labelledMarkers() {
        return project.get().timeline().markers();
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

    /** I: the range starts at the playhead (an out point before it is unset). */
    public boolean setInPoint() {
        int here = frame.get();
        return writeMarks("Set in point at " + here, m -> m.withIn(here));
    }

    /** O: the range ends at the playhead (an in point after it is unset). */
    public boolean setOutPoint() {
        int here = frame.get();
        return writeMarks("Set out point at " + here, m -> m.withOut(here));
    }

    public boolean clearRange() {
        return writeMarks("Clear in/out range", TimelineMarks::withoutRange);
    }

    /** M: adds a marker at the playhead, or removes the one there. */
    public boolean toggleMarker() {
        int here = frame.get();
        boolean present = project.get().timeline().markerAt(here).isPresent();
        return writeMarks((present ? "Remove marker at " : "Add marker at ") + here, m -> m.toggleMarker(here));
    }

    /** Labels the marker at the playhead, adding one there if needed; an empty label clears it. */
    public boolean labelMarker(String label) {
        int here = frame.get();
        return writeMarks("Label marker at " + here, m -> m.withMarker(new TimelineMarker(here, label)));
    }

    /** The label of the marker at the playhead ("" when it has none or there is no marker). */
    public String markerLabelHere() {
        return project.get().timeline().markerAt(frame.get()).map(TimelineMarker::label).orElse("");
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
