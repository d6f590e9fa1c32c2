package org.fvstudio.ui.timeline;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.fvstudio.project.Project;
import org.fvstudio.timeline.CameraKeyframe;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.ui.edit.SnapshotEdit;
import org.fvstudio.ui.studio.StudioViewModel;

/**
 * The timeline's keyframe state and commands, free of controls: selected keys, the track in focus,
 * the key clipboard, and every keyframe change as an edit (a key drag is one undo step).
 */
public final class TimelineEditor {

    /** Pixels a reduced track may deviate from the keys it replaces. */
    public static final double DEFAULT_TOLERANCE = 1.5;

    private final StudioViewModel studio;
    private final Transport transport;
    private final ObjectProperty<Set<KeyRef>> selection = new SimpleObjectProperty<>(this, "keySelection", Set.of());
    private final ObjectProperty<TrackId> focusedTrack = new SimpleObjectProperty<>(this, "focusedTrack");
    private KeyClipboard clipboard = new KeyClipboard(List.of());
    private Set<KeyRef> dragStart;
    private String dragKey;
    private int dragCounter;

    public TimelineEditor(StudioViewModel studio) {
        this.studio = studio;
        this.transport = new Transport(studio.currentFrameProperty(), studio::project,
                (description, change) -> write(description, null, p -> p.withTimeline(change.apply(p.timeline()))));
        studio.document().projectProperty().addListener((obs, old, project) -> {
            dropVanishedKeys(project);
            transport.showMarks(project.timeline());
        });
    }

    public Transport transport() {
        return transport;
    }

    public ObjectProperty<Set<KeyRef>> selectionProperty() {
        return selection;
    }

    public Set<KeyRef> selection() {
        return selection.get();
    }

    /** The track that Insert and Paste act on (the one last clicked), the first person by default. */
    public ObjectProperty<TrackId> focusedTrackProperty() {
        return focusedTrack;
    }

    public TrackId focusedTrack() {
        TrackId track = focusedTrack.get();
        List<TrackId> tracks = KeyframeEdits.tracks(studio.project());
        if (track != null && tracks.contains(track)) {
            return track;
        }
        return tracks.get(0);
    }

    public void selectKey(KeyRef key, boolean additive) {
        Set<KeyRef> next = new LinkedHashSet<>(additive ? selection.get() : Set.of());
        if (additive && next.contains(key)) {
            next.remove(key);
        } else {
            next.add(key);
        }
        selection.set(Set.copyOf(next));
        focusedTrack.set(key.track());
    }

    public void clearKeySelection() {
        selection.set(Set.of());
    }

    /** Frames that hold a key on any track (for previous / next keyframe). */
    public List<Integer> allKeyFrames() {
        Project project = studio.project();
        TreeSet<Integer> frames = new TreeSet<>();
        for (TrackId track : KeyframeEdits.tracks(project)) {
            frames.addAll(KeyframeEdits.frames(project, track));
        }
        return List.copyOf(frames);
    }

    public boolean nextKeyframe() {
        return transport.jumpTo(allKeyFrames(), 1);
    }

    public boolean previousKeyframe() {
        return transport.jumpTo(allKeyFrames(), -1);
    }

    // ---- commands ----------------------------------------------------------------------------

    /** K / Insert: keys the focused track at the playhead with its current value. */
    public boolean insertKey() {
        TrackId track = focusedTrack();
        if (track instanceof TrackId.Person && studio.project().target().people().isEmpty()) {
            return false;
        }
        int frame = transport.frame();
        boolean done = write("Insert keyframe at " + frame, null, p -> KeyframeEdits.insertKey(p, track, frame));
        if (done) {
            selection.set(Set.of(new KeyRef(track, frame)));
        }
        return done;
    }

    public boolean deleteSelectedKeys() {
        Set<KeyRef> keys = selection.get();
        if (keys.isEmpty()) {
            return false;
        }
        selection.set(Set.of());
        return write("Delete " + plural(keys.size(), "keyframe"), null, p -> KeyframeEdits.deleteKeys(p, keys));
    }

    public boolean setInterpolation(Interpolation mode) {
        Set<KeyRef> keys = selection.get();
        return !keys.isEmpty() && write("Set interpolation to " + mode.jsonName(), null,
                p -> KeyframeEdits.setInterpolation(p, keys, mode));
    }

    public boolean copySelectedKeys() {
        if (selection.get().isEmpty()) {
            return false;
        }
        clipboard = KeyframeEdits.copy(studio.project(), selection.get());
        studio.statusProperty().set("Copied " + plural(clipboard.entries().size(), "keyframe"));
        return true;
    }

    public boolean canPaste() {
        return !clipboard.isEmpty();
    }

    /** Pastes at the playhead; keys of one person go to the focused person track. */
    public boolean paste() {
        if (clipboard.isEmpty()) {
            return false;
        }
        int frame = transport.frame();
        Integer into = focusedTrack() instanceof TrackId.Person p ? p.index() : null;
        KeyClipboard pasted = clipboard;
        boolean done = write("Paste " + plural(pasted.entries().size(), "keyframe") + " at " + frame, null,
                p -> KeyframeEdits.paste(p, pasted, frame, into));
        if (done) {
            Set<KeyRef> keys = new LinkedHashSet<>();
            boolean onePerson = pasted.entries().stream().map(KeyClipboard.Entry::track).distinct().count() == 1
                    && into != null && pasted.entries().get(0).track() instanceof TrackId.Person;
            for (KeyClipboard.Entry e : pasted.entries()) {
                keys.add(new KeyRef(onePerson ? new TrackId.Person(into) : e.track(), frame + e.offset()));
            }
            selection.set(Set.copyOf(keys));
        }
        return done;
    }

    /** Starts dragging the selected keys; {@link #dragKeysBy} calls until {@link #endKeyDrag} are one edit. */
    public void beginKeyDrag() {
        dragStart = selection.get();
        dragKey = "key-drag-" + (++dragCounter);
        studio.document().history().beginGesture();
    }

    /** Moves the keys selected when the drag began by {@code delta} frames from where they were. */
    public void dragKeysBy(int delta) {
        if (dragStart == null || dragStart.isEmpty()) {
            return;
        }
        Set<KeyRef> start = dragStart;
        Project base = baseOfDrag();
        Project moved = KeyframeEdits.moveKeys(base, start, delta);
        Project before = studio.project();
        if (!moved.equals(before) && studio.edit(new SnapshotEdit(
                "Move " + plural(start.size(), "keyframe"), dragKey, before, moved))) {
            Set<KeyRef> now = new LinkedHashSet<>();
            start.forEach(k -> now.add(new KeyRef(k.track(), k.frame() + delta)));
            selection.set(Set.copyOf(now));
        }
    }

    private Project dragBase;

    private Project baseOfDrag() {
        if (dragBase == null) {
            dragBase = studio.project();
        }
        return dragBase;
    }

    public void endKeyDrag() {
        dragStart = null;
        dragKey = null;
        dragBase = null;
        studio.document().history().endGesture();
    }

    /** Moves the selected keys in one step (the keyboard and the tests' way). */
    public boolean moveSelectedKeys(int delta) {
        Set<KeyRef> keys = selection.get();
        if (keys.isEmpty() || delta == 0) {
            return false;
        }
        boolean done = write("Move " + plural(keys.size(), "keyframe"), null, p -> KeyframeEdits.moveKeys(p, keys, delta));
        if (done) {
            Set<KeyRef> now = new LinkedHashSet<>();
            keys.forEach(k -> now.add(new KeyRef(k.track(), k.frame() + delta)));
            selection.set(Set.copyOf(now));
        }
        return done;
    }

    /** Reduces the keys of every person track (or the focused one) within {@code tolerance} pixels. */
    public boolean reduceKeyframes(double tolerance) {
        Project project = studio.project();
        if (project.target().people().isEmpty()) {
            return false;
        }
        int before = project.target().people().stream().mapToInt(t -> t.keyframes().size()).sum();
        boolean done = write("Reduce keyframes (" + tolerance + " px)", null, p -> {
            Project out = p;
            for (int i = 0; i < p.target().people().size(); i++) {
                out = KeyframeEdits.reduce(out, i, tolerance);
            }
            return out;
        });
        if (done) {
            int after = studio.project().target().people().stream().mapToInt(t -> t.keyframes().size()).sum();
            selection.set(Set.of());
            studio.statusProperty().set("Reduced " + before + " keyframes to " + after + " within " + tolerance + " px");
        }
        return done;
    }

    // ---- camera ------------------------------------------------------------------------------

    /** The camera key at the playhead (existing, or what one inserted there would hold). */
    public CameraKeyframe cameraKeyHere() {
        return KeyframeEdits.cameraKeyAt(studio.project(), transport.frame());
    }

    public boolean hasCameraKeyHere() {
        int frame = transport.frame();
        return studio.project().camera().keyframes().stream().anyMatch(k -> k.frame() == frame);
    }

    /**
     * Writes a camera key at the playhead (creating it when needed). Successive changes of the same
     * field inside one gesture (a held spinner) merge.
     */
    public boolean setCameraKey(String field, CameraKeyframe key) {
        int frame = transport.frame();
        CameraKeyframe atFrame = key.atFrame(frame);
        return write("Set camera " + field + " at " + frame, "camera." + field + ":" + frame,
                p -> p.withCamera(p.camera().withKey(atFrame)));
    }

    public boolean applyPreset(CameraPresets.Preset preset, int frames) {
        int start = transport.frame();
        return write(preset.label() + " over " + frames + " frames", null,
                p -> p.withCamera(CameraPresets.apply(p, preset, start, frames)));
    }

    // ---- plumbing ----------------------------------------------------------------------------

    private boolean write(String description, String mergeKey, UnaryOperator<Project> change) {
        Project before = studio.project();
        Project after;
        try {
            after = change.apply(before);
        } catch (IllegalArgumentException | IllegalStateException e) {
            studio.statusProperty().set("Cannot " + Character.toLowerCase(description.charAt(0)) + description.substring(1)
                    + ": " + e.getMessage());
            return false;
        }
        if (after.equals(before)) {
            return false;
        }
        return studio.edit(new SnapshotEdit(description, mergeKey, before, after));
    }

    private void dropVanishedKeys(Project project) {
        Set<KeyRef> keys = selection.get();
        if (keys.isEmpty()) {
            return;
        }
        int people = project.target().people().size();
        Set<KeyRef> valid = new LinkedHashSet<>();
        for (KeyRef k : keys) {
            if (k.track() instanceof TrackId.Person p && p.index() >= people) {
                continue;
            }
            if (KeyframeEdits.hasKey(project, k)) {
                valid.add(k);
            }
        }
        if (valid.size() != keys.size()) {
            selection.set(Set.copyOf(valid));
        }
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
