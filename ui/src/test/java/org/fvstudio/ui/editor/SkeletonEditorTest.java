package org.fvstudio.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.project.Project;
import org.fvstudio.timeline.CameraKeyframe;
import org.fvstudio.timeline.CameraTrack;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.ui.StudioFixture;
import org.fvstudio.ui.edit.SnapshotEdit;
import org.fvstudio.ui.studio.ScriptedDialogs;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.task.BackgroundTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The skeleton editor's view-model on the real cam03 sequence (keys on every frame). */
class SkeletonEditorTest {

    @TempDir
    Path temp;

    private BackgroundTasks tasks;
    private StudioViewModel studio;
    private SkeletonEditor editor;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp() {
        tasks = new BackgroundTasks();
        studio = fx(() -> StudioFixture.viewModel(tasks, temp, new ScriptedDialogs()));
        editor = fx(() -> new SkeletonEditor(studio));
        StudioFixture.importCam03(studio, tasks);
        fx(() -> studio.currentFrameProperty().set(30));
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    private PersonPose person() {
        return fx(() -> editor.people().get(0));
    }

    @Test
    void oneDragIsOneUndoStepAndRedoRestoresIt() {
        PersonPose before = person();
        int elbow = BodyJoint.RIGHT_ELBOW.index();
        int undoBefore = fx(() -> studio.document().history().undoCount());
        fx(() -> {
            editor.select(new JointRef(0, elbow), false);
            editor.beginGesture();
            for (int step = 1; step <= 10; step++) {
                editor.dragJoint(new JointRef(0, elbow), before.x(elbow) + 3 * step, before.y(elbow) + step);
            }
            editor.endGesture();
        });
        assertThat(person().x(elbow)).isCloseTo(before.x(elbow) + 30, within(1e-9));
        assertThat(fx(() -> studio.document().history().undoCount())).isEqualTo(undoBefore + 1);
        assertThat(fx(() -> studio.titleProperty().get())).contains("*");

        fx(studio::undo);
        assertThat(person()).isEqualTo(before);
        fx(studio::redo);
        assertThat(person().x(elbow)).isCloseTo(before.x(elbow) + 30, within(1e-9));
        assertThat(person().y(elbow)).isCloseTo(before.y(elbow) + 10, within(1e-9));
    }

    @Test
    void editingBetweenKeysCreatesAKey() {
        // thin the track to keys at 0 and 99, then edit frame 40
        fx(() -> {
            Project p = studio.project();
            var track = p.target().people().get(0);
            var kept = track.keyframes().stream().filter(k -> k.frame() == 0 || k.frame() == 99).toList();
            studio.edit(new SnapshotEdit("thin", p, p.withTarget(p.target().withPerson(0, track.withKeyframes(kept)))));
            studio.currentFrameProperty().set(40);
        });
        assertThat(studio.project().target().people().get(0).keyAt(40)).isEmpty();
        PersonPose interpolated = person();
        fx(() -> {
            editor.select(new JointRef(0, 1), false);
            editor.setPrimaryJoint(interpolated.x(1) + 5, interpolated.y(1), 1);
        });
        var key = studio.project().target().people().get(0).keyAt(40);
        assertThat(key).isPresent();
        assertThat(key.get().pose().x(1)).isCloseTo(interpolated.x(1) + 5, within(1e-9));
        assertThat(key.get().pose().get(8)).isEqualTo(interpolated.get(8));
    }

    @Test
    void rubberBandSelectsTheJointsInsideThenRotateAndScaleThem() {
        PersonPose before = person();
        int shoulder = BodyJoint.RIGHT_SHOULDER.index();
        int elbow = BodyJoint.RIGHT_ELBOW.index();
        int wrist = BodyJoint.RIGHT_WRIST.index();
        double minX = Math.min(before.x(elbow), before.x(wrist)) - 1;
        double maxX = Math.max(before.x(elbow), before.x(wrist)) + 1;
        double minY = Math.min(before.y(elbow), before.y(wrist)) - 1;
        double maxY = Math.max(before.y(elbow), before.y(wrist)) + 1;
        fx(() -> editor.selectInRectangle(minX, minY, maxX, maxY, false));
        Set<JointRef> selected = editor.selection();
        assertThat(selected).contains(new JointRef(0, elbow), new JointRef(0, wrist));
        assertThat(selected).doesNotContain(new JointRef(0, shoulder), new JointRef(0, 1));
        for (JointRef j : selected) {
            assertThat(before.x(j.index())).isBetween(minX, maxX);
            assertThat(before.y(j.index())).isBetween(minY, maxY);
        }

        // shift-click adds the shoulder
        fx(() -> editor.select(new JointRef(0, shoulder), true));
        assertThat(editor.selection()).contains(new JointRef(0, shoulder), new JointRef(0, elbow));

        double cx = before.x(shoulder);
        double cy = before.y(shoulder);
        fx(() -> {
            editor.beginGesture();
            editor.rotateSelection(cx, cy, Math.PI / 4);
            editor.rotateSelection(cx, cy, Math.PI / 2);
            editor.endGesture();
        });
        PersonPose turned = person();
        assertThat(turned.x(wrist) - cx).isCloseTo(-(before.y(wrist) - cy), within(1e-6));
        assertThat(turned.y(wrist) - cy).isCloseTo(before.x(wrist) - cx, within(1e-6));
        assertThat(turned.get(BodyJoint.LEFT_WRIST.index())).isEqualTo(before.get(BodyJoint.LEFT_WRIST.index()));

        fx(() -> {
            editor.beginGesture();
            editor.scaleSelection(cx, cy, 2);
            editor.endGesture();
        });
        PersonPose scaled = person();
        assertThat(Math.hypot(scaled.x(wrist) - cx, scaled.y(wrist) - cy))
                .isCloseTo(2 * Math.hypot(before.x(wrist) - cx, before.y(wrist) - cy), within(1e-6));

        fx(studio::undo);
        assertThat(person()).isEqualTo(turned);
        fx(studio::undo);
        assertThat(person()).isEqualTo(before);
    }

    @Test
    void hideRemovesTheLimbAndShowBringsItBackInPlace() {
        int knee = BodyJoint.LEFT_KNEE.index();
        PersonPose before = person();
        fx(() -> {
            editor.select(new JointRef(0, knee), false);
            editor.hideSelected();
        });
        assertThat(person().confidence(knee)).isZero();
        assertThat(person().x(knee)).isEqualTo(before.x(knee));
        // the hidden knee can still be picked (it is drawn as a hollow handle) and shown again
        assertThat(fx(() -> editor.jointAt(before.x(knee), before.y(knee), 2))).contains(new JointRef(0, knee));
        fx(editor::showSelected);
        assertThat(person().confidence(knee)).isEqualTo(1);
        assertThat(person().x(knee)).isEqualTo(before.x(knee));
        assertThat(person().y(knee)).isEqualTo(before.y(knee));
    }

    @Test
    void mirrorAddPersonHandsFaceAndRemove() {
        PersonPose before = person();
        fx(() -> editor.select(new JointRef(0, 1), false));
        fx(editor::mirror);
        double axis = before.x(1);
        assertThat(person().x(BodyJoint.LEFT_HIP.index()))
                .isCloseTo(2 * axis - before.x(BodyJoint.RIGHT_HIP.index()), within(1e-9));
        fx(studio::undo);
        assertThat(person()).isEqualTo(before);

        fx(editor::addPerson);
        assertThat(studio.project().target().people()).hasSize(2);
        assertThat(studio.project().target().people().get(1).keyAt(30)).isPresent();
        PersonPose added = fx(() -> editor.people().get(1));
        assertThat(added.hasAnyPresent(BodyPart.LEFT_HAND)).isTrue();
        assertThat(editor.selection()).allMatch(j -> j.person() == 1);

        // cam03 has no hands: default hands appear at its wrists
        fx(() -> editor.select(new JointRef(0, 1), false));
        assertThat(before.hasAnyPresent(BodyPart.RIGHT_HAND)).isFalse();
        fx(editor::addDefaultHandsAndFace);
        PersonPose withHands = person();
        assertThat(withHands.x(BodyPart.RIGHT_HAND.offset())).isEqualTo(before.x(BodyJoint.RIGHT_WRIST.index()));
        assertThat(withHands.hasAnyPresent(BodyPart.LEFT_HAND)).isTrue();

        fx(() -> editor.select(new JointRef(1, 1), false));
        fx(editor::removePerson);
        assertThat(studio.project().target().people()).hasSize(1);
    }

    @Test
    void cameraViewEditsMapBackToTheTrack() {
        fx(() -> {
            Project p = studio.project();
            CameraTrack camera = new CameraTrack(List.of(new CameraKeyframe(0, 2, 256, 256, 10, -20, 0, false, Interpolation.LINEAR)));
            studio.edit(new SnapshotEdit("camera", p, p.withCamera(camera)));
            editor.cameraViewProperty().set(true);
        });
        PersonPose raw = person();
        PersonPose shown = fx(() -> editor.displayedPeople().get(0));
        assertThat(shown.x(1)).isCloseTo(2 * (raw.x(1) - 256) + 256 + 10, within(1e-9));
        // dragging 20 displayed pixels moves the stored joint 10 pixels (zoom 2)
        fx(() -> {
            editor.beginGesture();
            editor.dragJoint(new JointRef(0, 1), shown.x(1) + 20, shown.y(1));
            editor.endGesture();
        });
        assertThat(person().x(1)).isCloseTo(raw.x(1) + 10, within(1e-9));
    }
}
