package org.fvstudio.ui.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.project.Project;
import org.fvstudio.ui.edit.SnapshotEdit;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.studio.ViewerMode;

/**
 * The skeleton editor's state and actions, free of controls. Coordinates passed in are
 * <em>display</em> canvas pixels (through the camera when {@link #cameraViewProperty()} is on);
 * the editor maps them back to the stored pose. Every change goes through the studio's one edit
 * history; a drag or a handle gesture is one undo step.
 */
public final class SkeletonEditor {

    private static final List<Integer> ALL = IntStream.range(0, PersonPose.KEYPOINT_COUNT).boxed().toList();

    private final StudioViewModel studio;
    private final ObjectProperty<Set<JointRef>> selection = new SimpleObjectProperty<>(this, "selection", Set.of());
    private final ReadOnlyObjectWrapper<JointRef> primary = new ReadOnlyObjectWrapper<>(this, "primary");
    private final BooleanProperty keepBoneLengths = new SimpleBooleanProperty(this, "keepBoneLengths", false);
    private final BooleanProperty cameraView = new SimpleBooleanProperty(this, "cameraView", false);
    private List<PersonPose> gestureStart;
    private String gestureKey;
    private int gestureCounter;

    public SkeletonEditor(StudioViewModel studio) {
        this.studio = studio;
        studio.document().projectProperty().addListener((obs, old, project) -> keepSelectionValid());
        studio.viewerModeProperty().addListener((obs, old, mode) -> keepSelectionValid());
        studio.selectedReferenceIdProperty().addListener((obs, old, id) -> clearSelection());
    }

    // ---- what is edited ----------------------------------------------------------------------

    /** The pose being edited, or empty when the viewer shows a reference that is not selected. */
    public Optional<PoseSlot> slot() {
        if (studio.viewerModeProperty().get() == ViewerMode.REFERENCE) {
            String id = studio.selectedReferenceIdProperty().get();
            return id == null || studio.project().reference(id).isEmpty() ? Optional.empty()
                    : Optional.of(new PoseSlot.Reference(id));
        }
        return Optional.of(new PoseSlot.Target(frame()));
    }

    private int frame() {
        Project project = studio.project();
        return Math.max(0, Math.min(studio.currentFrameProperty().get(), project.frameCount() - 1));
    }

    /** Raw people of the edited pose. */
    public List<PersonPose> people() {
        return slot().map(s -> s.people(studio.project())).orElse(List.of());
    }

    /** How stored coordinates are shown: through the camera only for the target in camera view. */
    public DisplayMapping mapping() {
        if (cameraView.get() && slot().orElse(null) instanceof PoseSlot.Target) {
            return DisplayMapping.of(studio.project().camera().at(frame()));
        }
        return DisplayMapping.IDENTITY;
    }

    /** The people as displayed (camera applied when in camera view). */
    public List<PersonPose> displayedPeople() {
        DisplayMapping m = mapping();
        if (m.equals(DisplayMapping.IDENTITY)) {
            return people();
        }
        return people().stream().map(p -> p.transformed(m.a(), m.b(), m.c(), m.d(), m.tx(), m.ty())).toList();
    }

    public Optional<Pose> displayedPose() {
        return slot().map(s -> {
            Project project = studio.project();
            List<PersonPose> shown = displayedPeople().stream().filter(p -> p.presentCount() > 0).toList();
            return new Pose(s.canvasWidth(project), s.canvasHeight(project), shown);
        });
    }

    /** The nearest placed keypoint within {@code radius} display pixels, hidden ones included. */
    public Optional<JointRef> jointAt(double x, double y, double radius) {
        List<PersonPose> people = displayedPeople();
        JointRef best = null;
        double bestDistance = radius;
        for (int p = 0; p < people.size(); p++) {
            PersonPose person = people.get(p);
            for (int i = 0; i < PersonPose.KEYPOINT_COUNT; i++) {
                if (!isPlaced(person, i)) {
                    continue;
                }
                double distance = Math.hypot(person.x(i) - x, person.y(i) - y);
                // body joints win over face and hand points lying on top of them
                double bias = i < 18 ? 0.5 : 0;
                if (distance - bias < bestDistance) {
                    bestDistance = distance - bias;
                    best = new JointRef(p, i);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    static boolean isPlaced(PersonPose person, int i) {
        return person.confidence(i) > 0 || person.x(i) != 0 || person.y(i) != 0;
    }

    // ---- selection ---------------------------------------------------------------------------

    public ObjectProperty<Set<JointRef>> selectionProperty() {
        return selection;
    }

    public Set<JointRef> selection() {
        return selection.get();
    }

    /** The joint the inspector shows: the one picked last. */
    public ReadOnlyObjectProperty<JointRef> primaryProperty() {
        return primary.getReadOnlyProperty();
    }

    public void select(JointRef joint, boolean additive) {
        Set<JointRef> next = new LinkedHashSet<>(additive ? selection.get() : Set.of());
        if (additive && next.contains(joint)) {
            next.remove(joint);
            setSelection(next, next.isEmpty() ? null : next.iterator().next());
        } else {
            next.add(joint);
            setSelection(next, joint);
        }
    }

    /** Selects every placed keypoint inside the displayed rectangle (rubber band). */
    public void selectInRectangle(double x0, double y0, double x1, double y1, boolean additive) {
        double minX = Math.min(x0, x1);
        double maxX = Math.max(x0, x1);
        double minY = Math.min(y0, y1);
        double maxY = Math.max(y0, y1);
        Set<JointRef> next = new LinkedHashSet<>(additive ? selection.get() : Set.of());
        List<PersonPose> people = displayedPeople();
        for (int p = 0; p < people.size(); p++) {
            PersonPose person = people.get(p);
            for (int i = 0; i < PersonPose.KEYPOINT_COUNT; i++) {
                if (isPlaced(person, i) && person.x(i) >= minX && person.x(i) <= maxX
                        && person.y(i) >= minY && person.y(i) <= maxY) {
                    next.add(new JointRef(p, i));
                }
            }
        }
        setSelection(next, next.isEmpty() ? null : next.iterator().next());
    }

    /** Selects the whole person (every placed keypoint). */
    public void selectPerson(int person) {
        List<PersonPose> people = people();
        if (person < 0 || person >= people.size()) {
            return;
        }
        Set<JointRef> next = new LinkedHashSet<>();
        for (int i = 0; i < PersonPose.KEYPOINT_COUNT; i++) {
            if (isPlaced(people.get(person), i)) {
                next.add(new JointRef(person, i));
            }
        }
        setSelection(next, next.isEmpty() ? null : new JointRef(person, 1));
    }

    public void clearSelection() {
        setSelection(Set.of(), null);
    }

    private void setSelection(Set<JointRef> joints, JointRef primaryJoint) {
        selection.set(Set.copyOf(joints));
        primary.set(primaryJoint);
    }

    private void keepSelectionValid() {
        int count = people().size();
        if (selection.get().stream().anyMatch(j -> j.person() >= count)) {
            Set<JointRef> kept = new LinkedHashSet<>();
            selection.get().stream().filter(j -> j.person() < count).forEach(kept::add);
            JointRef p = primary.get() != null && primary.get().person() < count ? primary.get() : null;
            setSelection(kept, p);
        }
    }

    /** The person the person-level commands act on: the primary joint's, else the only one. */
    public Optional<Integer> activePerson() {
        if (primary.get() != null) {
            return Optional.of(primary.get().person());
        }
        if (!selection.get().isEmpty()) {
            return Optional.of(selection.get().iterator().next().person());
        }
        return people().size() == 1 ? Optional.of(0) : Optional.empty();
    }

    /** Selection bounds in display pixels {minX, minY, maxX, maxY}, or empty. */
    public Optional<double[]> selectionBounds() {
        List<PersonPose> people = displayedPeople();
        Map<Integer, List<Integer>> byPerson = byPerson(selection.get());
        double[] total = null;
        for (Map.Entry<Integer, List<Integer>> e : byPerson.entrySet()) {
            if (e.getKey() >= people.size()) {
                continue;
            }
            double[] b = PoseGeometry.bounds(people.get(e.getKey()), e.getValue());
            if (b != null) {
                total = total == null ? b : new double[] {Math.min(total[0], b[0]), Math.min(total[1], b[1]),
                        Math.max(total[2], b[2]), Math.max(total[3], b[3])};
            }
        }
        return Optional.ofNullable(total);
    }

    public BooleanProperty keepBoneLengthsProperty() {
        return keepBoneLengths;
    }

    public BooleanProperty cameraViewProperty() {
        return cameraView;
    }

    // ---- gestures ----------------------------------------------------------------------------

    /** Starts a drag or handle gesture: edits until {@link #endGesture()} make one undo step. */
    public void beginGesture() {
        gestureStart = people();
        gestureKey = "skeleton-gesture-" + (++gestureCounter);
        studio.document().history().beginGesture();
    }

    public void endGesture() {
        gestureStart = null;
        gestureKey = null;
        studio.document().history().endGesture();
    }

    /** Drags {@code joint} to the displayed point (x, y), from where it was when the gesture began. */
    public void dragJoint(JointRef joint, double x, double y) {
        double[] raw = mapping().toRaw(x, y);
        boolean keep = keepBoneLengths.get();
        changeFromStart("Move " + jointName(joint.index()), Set.of(joint.person()), (person, pose) -> keep
                ? PoseGeometry.dragKeepingLengths(pose, joint.index(), raw[0], raw[1])
                : PoseGeometry.moveJoint(pose, joint.index(), raw[0], raw[1]));
    }

    /** Moves the selection by a displayed offset from where it was when the gesture began. */
    public void translateSelection(double dx, double dy) {
        double[] d = mapping().deltaToRaw(dx, dy);
        Map<Integer, List<Integer>> byPerson = byPerson(selection.get());
        changeFromStart("Move selection", byPerson.keySet(),
                (person, pose) -> PoseGeometry.translate(pose, byPerson.get(person), d[0], d[1]));
    }

    /** Turns the selection by {@code radians} about the displayed point (cx, cy). */
    public void rotateSelection(double cx, double cy, double radians) {
        double[] c = mapping().toRaw(cx, cy);
        Map<Integer, List<Integer>> byPerson = byPerson(selection.get());
        changeFromStart("Rotate selection", byPerson.keySet(),
                (person, pose) -> PoseGeometry.rotate(pose, byPerson.get(person), c[0], c[1], radians));
    }

    /** Scales the selection by {@code factor} about the displayed point (cx, cy). */
    public void scaleSelection(double cx, double cy, double factor) {
        if (!(factor > 0.01) || !Double.isFinite(factor)) {
            return;
        }
        double[] c = mapping().toRaw(cx, cy);
        Map<Integer, List<Integer>> byPerson = byPerson(selection.get());
        changeFromStart("Scale selection", byPerson.keySet(),
                (person, pose) -> PoseGeometry.scale(pose, byPerson.get(person), c[0], c[1], factor));
    }

    private interface PersonChange {
        PersonPose apply(int person, PersonPose pose);
    }

    private void changeFromStart(String description, Collection<Integer> persons, PersonChange change) {
        boolean oneShot = gestureStart == null;
        List<PersonPose> start = oneShot ? people() : gestureStart;
        String key = oneShot ? null : gestureKey;
        write(description, key, project -> {
            PoseSlot slot = slot().orElseThrow();
            Project next = project;
            for (int person : persons) {
                if (person < start.size()) {
                    next = slot.withPerson(next, person, change.apply(person, start.get(person)));
                }
            }
            return next;
        });
    }

    // ---- commands ----------------------------------------------------------------------------

    public boolean hideSelected() {
        Map<Integer, List<Integer>> byPerson = byPerson(selection.get());
        return !byPerson.isEmpty() && changePeople("Hide " + count(selection.get()), byPerson.keySet(),
                (person, pose) -> PoseGeometry.hide(pose, byPerson.get(person)));
    }

    public boolean showSelected() {
        Map<Integer, List<Integer>> byPerson = byPerson(selection.get());
        return !byPerson.isEmpty() && changePeople("Show " + count(selection.get()), byPerson.keySet(),
                (person, pose) -> PoseGeometry.show(pose, byPerson.get(person)));
    }

    /** Shows every hidden but placed keypoint of the active person. */
    public boolean showAllHidden() {
        return activePerson().map(p -> changePeople("Show hidden joints", Set.of(p),
                (person, pose) -> PoseGeometry.show(pose, ALL.stream().filter(i -> isPlaced(pose, i)).toList())))
                .orElse(false);
    }

    /**
     * Adds a standing person framed for the slot: on a reference, as its shot scale frames a person (a close-up
     * gets head and shoulders); on the target, full body.
     */
    public boolean addPerson() {
        Optional<PoseSlot> slot = slot();
        if (slot.isEmpty()) {
            return false;
        }
        PersonFraming framing = slot.get() instanceof PoseSlot.Reference reference
                ? studio.project().reference(reference.id()).map(r -> PersonFraming.of(r.scale())).orElse(PersonFraming.FULL_BODY)
                : PersonFraming.FULL_BODY;
        return addFramedPerson(framing);
    }

    /** Adds a standing person framed as {@code framing}, sized and placed to the canvas (hands and face included). */
    public boolean addFramedPerson(PersonFraming framing) {
        Optional<PoseSlot> slot = slot();
        if (slot.isEmpty()) {
            return false;
        }
        Project project = studio.project();
        int w = slot.get().canvasWidth(project);
        int h = slot.get().canvasHeight(project);
        int count = people().size();
        double offset = (count % 3 - (count % 3 == 2 ? 3 : 0)) * 0.25 * w;
        PersonPose person = PoseShapes.framedPerson(framing, w / 2.0 + offset, w, h);
        boolean done = write("Add person (" + framing.label().toLowerCase(java.util.Locale.ROOT) + ")", null,
                p -> slot.get().withAddedPerson(p, person));
        if (done) {
            selectPerson(count);
        }
        return done;
    }

    public boolean removePerson() {
        Optional<Integer> person = activePerson();
        Optional<PoseSlot> slot = slot();
        if (person.isEmpty() || slot.isEmpty()) {
            return false;
        }
        clearSelection();
        return write("Remove person " + (person.get() + 1), null, p -> slot.get().withoutPerson(p, person.get()));
    }

    /** Gives the active person default hands (where they have none) and a default face (if none). */
    public boolean addDefaultHandsAndFace() {
        return activePerson().map(p -> changePeople("Add default hands and face", Set.of(p), (person, pose) -> {
            PersonPose out = pose;
            if (PoseShapes.isMissing(out, BodyPart.LEFT_HAND) && out.confidence(7) > 0) {
                out = PoseShapes.withDefaultHand(out, BodyPart.LEFT_HAND);
            }
            if (PoseShapes.isMissing(out, BodyPart.RIGHT_HAND) && out.confidence(4) > 0) {
                out = PoseShapes.withDefaultHand(out, BodyPart.RIGHT_HAND);
            }
            if (PoseShapes.isMissing(out, BodyPart.FACE) && out.confidence(0) > 0) {
                out = PoseShapes.withDefaultFace(out);
            }
            return out;
        })).orElse(false);
    }

    public boolean resetHand(BodyPart hand) {
        String side = hand == BodyPart.LEFT_HAND ? "left" : "right";
        return activePerson().map(p -> changePeople("Reset " + side + " hand", Set.of(p),
                (person, pose) -> PoseShapes.withDefaultHand(pose, hand))).orElse(false);
    }

    /** Mirrors the active person left-right about their own midline. */
    public boolean mirror() {
        return activePerson().map(p -> changePeople("Mirror left-right", Set.of(p),
                (person, pose) -> PoseShapes.mirrored(pose, PoseShapes.midlineX(pose)))).orElse(false);
    }

    /** Sets the primary joint's stored x, y and confidence (the inspector's fields). */
    public boolean setPrimaryJoint(double x, double y, double confidence) {
        JointRef joint = primary.get();
        if (joint == null) {
            return false;
        }
        Keypoint k = new Keypoint(x, y, confidence);
        return changePeople("Edit " + jointName(joint.index()), Set.of(joint.person()),
                (person, pose) -> pose.with(joint.index(), k));
    }

    public Optional<Keypoint> primaryJoint() {
        JointRef joint = primary.get();
        List<PersonPose> people = people();
        if (joint == null || joint.person() >= people.size()) {
            return Optional.empty();
        }
        return Optional.of(people.get(joint.person()).get(joint.index()));
    }

    private boolean changePeople(String description, Collection<Integer> persons, PersonChange change) {
        Optional<PoseSlot> slot = slot();
        if (slot.isEmpty()) {
            return false;
        }
        List<PersonPose> now = people();
        try {
            return write(description, null, project -> {
                Project next = project;
                for (int person : persons) {
                    next = slot.get().withPerson(next, person, change.apply(person, now.get(person)));
                }
                return next;
            });
        } catch (IllegalArgumentException e) {
            studio.statusProperty().set("Cannot " + description.toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage());
            return false;
        }
    }

    private boolean write(String description, String mergeKey, UnaryOperator<Project> change) {
        Project before = studio.project();
        Project after = change.apply(before);
        return studio.edit(new SnapshotEdit(description + describeSlot(), mergeKey, before, after));
    }

    private String describeSlot() {
        return slot().map(s -> s instanceof PoseSlot.Target t ? " at frame " + t.frame() : " on reference").orElse("");
    }

    private static Map<Integer, List<Integer>> byPerson(Set<JointRef> joints) {
        Map<Integer, List<Integer>> out = new TreeMap<>();
        for (JointRef j : joints) {
            out.computeIfAbsent(j.person(), k -> new ArrayList<>()).add(j.index());
        }
        return out;
    }

    private static String count(Set<JointRef> joints) {
        return joints.size() == 1 ? jointName(joints.iterator().next().index()) : joints.size() + " joints";
    }

    /** A readable name of keypoint {@code index} ("Left elbow", "Right hand 5", "Face 30"). */
    public static String jointName(int index) {
        BodyPart part = BodyPart.of(index);
        int local = index - part.offset();
        return switch (part) {
            case BODY -> org.fvstudio.pose.BodyJoint.values()[local].label();
            case FEET -> new String[] {"Left big toe", "Left small toe", "Left heel", "Right big toe",
                "Right small toe", "Right heel"}[local];
            case FACE -> "Face " + local;
            case LEFT_HAND -> "Left hand " + local;
            case RIGHT_HAND -> "Right hand " + local;
        };
    }
}
