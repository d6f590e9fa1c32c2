package org.fvstudio.ui.timeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.fvstudio.pose.PersonPose;
import org.fvstudio.project.Project;
import org.fvstudio.timeline.CameraKeyframe;
import org.fvstudio.timeline.CameraTrack;
import org.fvstudio.timeline.CameraTransform;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.PersonTrack;
import org.fvstudio.timeline.PoseKeyframe;
import org.fvstudio.timeline.PoseTrack;

/** Keyframe operations on a project value; pure functions, wrapped into edits by {@link TimelineEditor}. */
public final class KeyframeEdits {

    private KeyframeEdits() {
    }

    /** All keyframe frames of a track. */
    public static List<Integer> frames(Project project, TrackId track) {
        if (track instanceof TrackId.Person p) {
            return project.target().people().get(p.index()).keyframes().stream().map(PoseKeyframe::frame).toList();
        }
        return project.camera().keyframes().stream().map(CameraKeyframe::frame).toList();
    }

    public static List<TrackId> tracks(Project project) {
        List<TrackId> out = new ArrayList<>();
        for (int i = 0; i < project.target().people().size(); i++) {
            out.add(new TrackId.Person(i));
        }
        out.add(TrackId.CAMERA);
        return out;
    }

    public static boolean hasKey(Project project, KeyRef ref) {
        return frames(project, ref.track()).contains(ref.frame());
    }

    /** Keys the track at {@code frame} with its current (interpolated) value; unchanged when already keyed. */
    public static Project insertKey(Project project, TrackId track, int frame) {
        if (track instanceof TrackId.Person p) {
            PersonTrack person = project.target().people().get(p.index());
            if (person.keyAt(frame).isPresent()) {
                return project;
            }
            PersonPose pose = person.sample(frame).orElseThrow(() -> new IllegalArgumentException(
                    person.name() + " has no pose to key; add a person in the skeleton editor first"));
            Interpolation mode = segmentInterpolation(person.keyframes(), frame);
            return withPerson(project, p.index(), person.withKey(new PoseKeyframe(frame, pose, mode)));
        }
        CameraTrack camera = project.camera();
        if (camera.keyframes().stream().anyMatch(k -> k.frame() == frame)) {
            return project;
        }
        return project.withCamera(camera.withKey(cameraKeyAt(project, frame)));
    }

    /** The camera key at {@code frame}, or a new one holding the interpolated camera there. */
    public static CameraKeyframe cameraKeyAt(Project project, int frame) {
        Optional<CameraKeyframe> existing = project.camera().keyframes().stream().filter(k -> k.frame() == frame).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        CameraTransform t = project.camera().at(frame);
        if (project.camera().isEmpty()) {
            return CameraKeyframe.identity(frame, project.canvasWidth() / 2.0, project.canvasHeight() / 2.0);
        }
        Interpolation mode = Interpolation.LINEAR;
        for (CameraKeyframe k : project.camera().keyframes()) {
            if (k.frame() < frame) {
                mode = k.interpolation();
            }
        }
        return new CameraKeyframe(frame, t.zoom(), t.pivotX(), t.pivotY(), t.panX(), t.panY(), t.rollDegrees(), false, mode);
    }

    public static Project deleteKeys(Project project, Collection<KeyRef> keys) {
        Project out = project;
        for (KeyRef key : keys) {
            if (key.track() instanceof TrackId.Person p) {
                PersonTrack person = out.target().people().get(p.index());
                out = withPerson(out, p.index(), person.withoutKeyAt(key.frame()));
            } else {
                out = out.withCamera(out.camera().withoutKeyAt(key.frame()));
            }
        }
        return out;
    }

    /**
     * Shifts the keys by {@code delta} frames. A moved key lands on top of an unmoved one replaces it
     * (as in a dope sheet); keys may not move before frame 0.
     */
    public static Project moveKeys(Project project, Collection<KeyRef> keys, int delta) {
        if (delta == 0 || keys.isEmpty()) {
            return project;
        }
        for (KeyRef key : keys) {
            if (key.frame() + delta < 0) {
                throw new IllegalArgumentException("keys cannot move before frame 0");
            }
        }
        Project out = project;
        for (TrackId track : tracks(project)) {
            List<Integer> moving = keys.stream().filter(k -> k.track().equals(track)).map(KeyRef::frame).toList();
            if (moving.isEmpty()) {
                continue;
            }
            if (track instanceof TrackId.Person p) {
                PersonTrack person = out.target().people().get(p.index());
                List<PoseKeyframe> moved = person.keyframes().stream().filter(k -> moving.contains(k.frame()))
                        .map(k -> k.atFrame(k.frame() + delta)).toList();
                List<PoseKeyframe> kept = new ArrayList<>(person.keyframes().stream()
                        .filter(k -> !moving.contains(k.frame()))
                        .filter(k -> moved.stream().noneMatch(m -> m.frame() == k.frame())).toList());
                kept.addAll(moved);
                out = withPerson(out, p.index(), person.withKeyframes(kept));
            } else {
                List<CameraKeyframe> keysNow = out.camera().keyframes();
                List<CameraKeyframe> moved = keysNow.stream().filter(k -> moving.contains(k.frame()))
                        .map(k -> k.atFrame(k.frame() + delta)).toList();
                List<CameraKeyframe> kept = new ArrayList<>(keysNow.stream()
                        .filter(k -> !moving.contains(k.frame()))
                        .filter(k -> moved.stream().noneMatch(m -> m.frame() == k.frame())).toList());
                kept.addAll(moved);
                out = out.withCamera(new CameraTrack(kept));
            }
        }
        return grownToHold(out);
    }

    /** Sets the interpolation of the segments that start at these keys. */
    public static Project setInterpolation(Project project, Collection<KeyRef> keys, Interpolation mode) {
        Project out = project;
        for (KeyRef key : keys) {
            if (key.track() instanceof TrackId.Person p) {
                PersonTrack person = out.target().people().get(p.index());
                Optional<PoseKeyframe> k = person.keyAt(key.frame());
                if (k.isPresent()) {
                    out = withPerson(out, p.index(), person.withKey(k.get().withInterpolation(mode)));
                }
            } else {
                Optional<CameraKeyframe> k = out.camera().keyframes().stream().filter(c -> c.frame() == key.frame()).findFirst();
                if (k.isPresent()) {
                    CameraKeyframe c = k.get();
                    out = out.withCamera(out.camera().withKey(new CameraKeyframe(c.frame(), c.zoom(), c.pivotX(), c.pivotY(),
                            c.panX(), c.panY(), c.rollDegrees(), c.cut(), mode)));
                }
            }
        }
        return out;
    }

    /** Copies keys into a clipboard with frames relative to the earliest copied key. */
    public static KeyClipboard copy(Project project, Collection<KeyRef> keys) {
        int first = keys.stream().mapToInt(KeyRef::frame).min().orElse(0);
        List<KeyClipboard.Entry> entries = new ArrayList<>();
        for (KeyRef key : keys) {
            if (key.track() instanceof TrackId.Person p) {
                project.target().people().get(p.index()).keyAt(key.frame()).ifPresent(k ->
                        entries.add(new KeyClipboard.Entry(key.track(), key.frame() - first, k, null)));
            } else {
                project.camera().keyframes().stream().filter(c -> c.frame() == key.frame()).findFirst().ifPresent(c ->
                        entries.add(new KeyClipboard.Entry(key.track(), key.frame() - first, null, c)));
            }
        }
        return new KeyClipboard(entries);
    }

    /**
     * Pastes at {@code frame}. When the clipboard holds keys of one person only and {@code intoPerson}
     * is given, they go to that person (a pose copied from one person to another); otherwise each
     * key returns to its own track. Existing keys at the pasted frames are replaced.
     */
    public static Project paste(Project project, KeyClipboard clipboard, int frame, Integer intoPerson) {
        boolean onePerson = clipboard.entries().stream().map(KeyClipboard.Entry::track).distinct().count() == 1
                && clipboard.entries().get(0).track() instanceof TrackId.Person;
        Project out = project;
        for (KeyClipboard.Entry e : clipboard.entries()) {
            int at = frame + e.offset();
            if (e.pose() != null) {
                int index = onePerson && intoPerson != null ? intoPerson : ((TrackId.Person) e.track()).index();
                if (index >= out.target().people().size()) {
                    continue;
                }
                PersonTrack person = out.target().people().get(index);
                out = withPerson(out, index, person.withKey(e.pose().atFrame(at)));
            } else {
                out = out.withCamera(out.camera().withKey(e.camera().atFrame(at)));
            }
        }
        return grownToHold(out);
    }

    /** Reduces a person's keys within {@code tolerance} pixels. */
    public static Project reduce(Project project, int personIndex, double tolerance) {
        PersonTrack person = project.target().people().get(personIndex);
        return withPerson(project, personIndex, org.fvstudio.timeline.KeyframeReducer.reduce(person, tolerance));
    }

    private static Interpolation segmentInterpolation(List<PoseKeyframe> keys, int frame) {
        Interpolation mode = Interpolation.LINEAR;
        for (PoseKeyframe k : keys) {
            if (k.frame() < frame) {
                mode = k.interpolation();
            }
        }
        return mode;
    }

    private static Project withPerson(Project project, int index, PersonTrack track) {
        PoseTrack target = project.target().withPerson(index, track);
        return project.withTarget(target);
    }

    /** Keys moved or pasted past the end make the project longer rather than vanish. */
    private static Project grownToHold(Project project) {
        int last = Math.max(project.target().lastKeyFrame(),
                project.camera().keyframes().stream().mapToInt(CameraKeyframe::frame).max().orElse(-1));
        return last >= project.frameCount() ? project.withTiming(project.fps(), last + 1) : project;
    }
}
