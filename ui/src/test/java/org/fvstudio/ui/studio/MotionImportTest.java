package org.fvstudio.ui.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.fvstudio.ui.studio.FxTestSupport.copyResource;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fvstudio.motion.bvh.BvhNamingFamily;
import org.fvstudio.motion.bvh.BvhVariants;
import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.motion.bvh.BvhParser;
import org.fvstudio.motion.bvh.BvhPoseTrackBuilder;
import org.fvstudio.project.MotionSource;
import org.fvstudio.project.Project;
import org.fvstudio.timeline.CameraKeyframe;
import org.fvstudio.timeline.CameraTrack;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.OrbitCameraTrack;
import org.fvstudio.timeline.OrbitKeyframe;
import org.fvstudio.timeline.PersonTrack;
import org.fvstudio.ui.StudioFixture;
import org.fvstudio.ui.edit.SnapshotEdit;
import org.fvstudio.ui.settings.StudioHome;
import org.fvstudio.ui.task.BackgroundTasks;
import org.fvstudio.ui.timeline.TimelineEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** File ▸ Import motion (BVH) on the real CMU 01_01 clip, through the view-model. */
class MotionImportTest {

    @TempDir
    Path temp;

    private BackgroundTasks tasks;
    private ScriptedDialogs dialogs;
    private StudioViewModel studio;
    private Path bvh;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp() {
        tasks = new BackgroundTasks();
        dialogs = new ScriptedDialogs();
        studio = fx(() -> StudioFixture.viewModel(tasks, temp, dialogs));
        bvh = copyResource("bvh/cmu_01_01.bvh", temp.resolve("motion"));
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    private void importWith(MotionImport.Orbit orbit) {
        importFile(bvh, orbit, true);
    }

    private void importFile(Path file, MotionImport.Orbit orbit, boolean resetCamera) {
        fx(() -> new MotionImport(studio).importBvh(file, orbit, resetCamera));
        awaitJobs(tasks);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(temp.resolve(name), text);
    }

    /** Image x of the subject's left shoulder minus the right one at {@code frame}. */
    private double leftMinusRight(int frame) {
        PersonPose p = studio.project().rawTargetPoseAt(frame).people().get(0);
        return p.x(BodyJoint.LEFT_SHOULDER.index()) - p.x(BodyJoint.RIGHT_SHOULDER.index());
    }

    @Test
    void importsAKeyOnEveryFrameAtTheProjectRateAndOrbitingHalfwaySwapsLeftAndRight() {
        importWith(MotionImport.Orbit.FRONT);
        assertThat(dialogs.problems).isEmpty();
        // 2752 frames at 120 fps = 22.93 s -> 551 frames at 24 fps
        assertThat(studio.project().frameCount()).isEqualTo(551);
        PersonTrack track = studio.project().target().people().get(0);
        assertThat(track.keyframes()).hasSize(551);
        double front = leftMinusRight(0);
        assertThat(Math.abs(front)).isGreaterThan(5);

        // the same import seen from behind: the camera orbited 180 degrees
        importWith(new MotionImport.Orbit(180, 0, 0, 1, 0));
        double behind = leftMinusRight(0);
        assertThat(Math.signum(behind)).isEqualTo(-Math.signum(front));
        assertThat(Math.abs(behind)).isGreaterThan(5);

        // an orbit over the clip: 0 degrees at the first frame, 180 at the last
        importWith(new MotionImport.Orbit(0, 180, 0, 1, 0));
        assertThat(Math.signum(leftMinusRight(0))).isEqualTo(Math.signum(front));
        double orbitedAtEnd = leftMinusRight(550);
        importWith(MotionImport.Orbit.FRONT);
        assertThat(Math.signum(orbitedAtEnd)).isEqualTo(-Math.signum(leftMinusRight(550)));
        // each import is one undo step: undo brings back the orbiting import
        fx(studio::undo);
        assertThat(leftMinusRight(550)).isEqualTo(orbitedAtEnd);
    }

    @Test
    void theBvhAndItsOrbitKeysAreSavedAndReorbitRebuildsTheTrackAsOneEdit() throws Exception {
        importWith(new MotionImport.Orbit(0, 90, 10, 1, 0));
        MotionSource source = studio.project().motion();
        assertThat(source.bvh()).isEqualTo(bvh.toAbsolutePath().normalize());
        assertThat(source.orbit().keyframes()).extracting(OrbitKeyframe::frame).containsExactly(0, 550);
        // yaw 0 of the dialog is the performer's front, which the keys hold in the file's axes
        double facing = new BvhPoseTrackBuilder(BvhParser.parse(bvh)).initialFacing().yawDegrees();
        assertThat(facing).isNotZero();
        assertThat(source.orbit().keyframes()).extracting(OrbitKeyframe::yawDegrees).containsExactly(facing, facing + 90);
        double front = leftMinusRight(0);

        Path bundle = temp.resolve("Walk.fvs");
        fx(() -> studio.saveAs(bundle, () -> { }));
        awaitJobs(tasks);
        StudioViewModel reopened = fx(() -> StudioFixture.viewModel(tasks, new StudioHome(temp.resolve("home2")), dialogs));
        fx(() -> reopened.open(bundle));
        awaitJobs(tasks);
        assertThat(reopened.project().motion()).isEqualTo(source);
        assertThat(reopened.project().target()).isEqualTo(studio.project().target());

        // Re-orbit the reopened project: turn the first key round to the back, keep the rest.
        OrbitKeyframe first = source.orbit().keyframes().get(0);
        OrbitCameraTrack behind = source.orbit().withKey(first.withYaw(180));
        studio = reopened;
        Project beforeReorbit = studio.project();
        int undos = studio.document().history().undoCount();
        fx(() -> new MotionImport(studio).reorbit(behind));
        awaitJobs(tasks);
        assertThat(dialogs.problems).isEmpty();
        assertThat(studio.document().history().undoCount()).isEqualTo(undos + 1);
        assertThat(studio.project().motion().orbit()).isEqualTo(behind);
        assertThat(Math.signum(leftMinusRight(0))).isEqualTo(-Math.signum(front));
        PersonTrack expected = new BvhPoseTrackBuilder(BvhParser.parse(bvh))
                .build(24, 551, behind, studio.project().canvasWidth(), studio.project().canvasHeight()).people().get(0);
        assertThat(studio.project().target().people().get(0)).isEqualTo(expected);
        assertThat(studio.document().isDirty()).isTrue();

        fx(studio::undo);
        assertThat(studio.project()).isEqualTo(beforeReorbit);

        // The orbit dialog's parameters work the same way: from the front, then from behind.
        fx(() -> new MotionImport(studio).reorbit(MotionImport.Orbit.FRONT));
        awaitJobs(tasks);
        double frontAt300 = leftMinusRight(300);
        fx(() -> new MotionImport(studio).reorbit(new MotionImport.Orbit(180, 0, 0, 1, 0)));
        awaitJobs(tasks);
        assertThat(studio.project().motion().orbit().keyframes()).hasSize(1);
        assertThat(Math.signum(leftMinusRight(300))).isEqualTo(-Math.signum(frontAt300));
    }

    @Test
    void reorbitWithoutASavedMotionOrWithTheBvhGoneIsReported() throws IOException {
        fx(() -> new MotionImport(studio).reorbit(new MotionImport.Orbit(90, 0, 0, 1, 0)));
        awaitJobs(tasks);
        assertThat(dialogs.problems).containsExactly("Cannot re-orbit: the target track was not imported from a BVH file");

        importWith(MotionImport.Orbit.FRONT);
        Project imported = studio.project();
        Files.delete(bvh);
        fx(() -> new MotionImport(studio).reorbit(new MotionImport.Orbit(90, 0, 0, 1, 0)));
        awaitJobs(tasks);
        assertThat(dialogs.problems).hasSize(2);
        assertThat(dialogs.problems.get(1)).startsWith("Cannot re-orbit cmu_01_01.bvh: ").contains("cmu_01_01.bvh");
        assertThat(studio.project()).isEqualTo(imported);
    }

    @Test
    void reduceKeyframesThinsTheImportedMocapWithinTolerance() {
        importWith(MotionImport.Orbit.FRONT);
        PersonTrack dense = studio.project().target().people().get(0);
        TimelineEditor timeline = fx(() -> new TimelineEditor(studio));
        fx(() -> timeline.reduceKeyframes(TimelineEditor.DEFAULT_TOLERANCE));
        PersonTrack reduced = studio.project().target().people().get(0);
        assertThat(reduced.keyframes().size()).isLessThan(dense.keyframes().size() / 2).isGreaterThan(2);
        assertThat(org.fvstudio.timeline.KeyframeReducer.maxDeviation(dense, reduced)).isLessThanOrEqualTo(1.5);
        assertThat(studio.statusProperty().get()).startsWith("Reduced 551 keyframes to " + reduced.keyframes().size());
        fx(studio::undo);
        assertThat(studio.project().target().people().get(0).keyframes()).hasSize(551);
    }

    @Test
    void aBrokenFileIsReportedByNameAndTheProjectStaysAsItWas() throws IOException {
        List<String> lines = Files.readAllLines(bvh);
        Path truncated = temp.resolve("truncated.bvh");
        // keep the hierarchy and a few motion rows, then cut a row in half
        int motion = lines.indexOf("MOTION");
        List<String> kept = new java.util.ArrayList<>(lines.subList(0, motion + 6));
        String half = lines.get(motion + 6);
        kept.add(half.substring(0, half.length() / 2) + " x");
        Files.write(truncated, kept);
        var before = studio.project();

        importFile(truncated, MotionImport.Orbit.FRONT, true);

        assertThat(dialogs.problems).hasSize(1);
        assertThat(dialogs.problems.get(0)).startsWith("Cannot import motion truncated.bvh: ").contains("truncated.bvh");
        assertThat(studio.project()).isEqualTo(before);
    }

    @Test
    void aSkeletonNamedCollarShoulderElbowWristImportsTheSameBodyAsTheCmuNames() throws IOException {
        importWith(MotionImport.Orbit.FRONT);
        PersonTrack cmu = studio.project().target().people().get(0);

        importFile(write("collar.bvh", BvhNamingFamily.COLLAR.bvhText()), MotionImport.Orbit.FRONT, true);
        assertThat(dialogs.problems).isEmpty();
        assertThat(studio.statusProperty().get()).contains("arms Collar / Shoulder / Elbow / Wrist, legs Hip / Knee / Ankle / Toe");
        PersonTrack collar = studio.project().target().people().get(0);
        assertThat(collar.keyframes()).hasSize(551);
        for (int frame : new int[] {0, 275, 550}) {
            PersonPose pose = collar.keyframes().get(frame).pose();
            assertThat(pose.confidence(BodyJoint.RIGHT_SHOULDER.index())).isEqualTo(1.0);
            assertThat(pose.confidence(BodyJoint.LEFT_SHOULDER.index())).isEqualTo(1.0);
            assertThat(pose).as("frame %d", frame).isEqualTo(cmu.keyframes().get(frame).pose());
        }
    }

    @Test
    void aSkeletonWithUnknownJointNamesIsRefusedNamingThePointsThatCouldNotBeMapped() throws IOException {
        Path rig = write("rig.bvh", BvhVariants.renamed(BvhVariants.cmuText(), name -> "Bone_" + name.hashCode()));
        Project before = studio.project();

        importFile(rig, MotionImport.Orbit.FRONT, true);

        assertThat(studio.project()).isEqualTo(before);
        assertThat(dialogs.problems).singleElement().asString()
                .startsWith("Cannot import motion rig.bvh: ")
                .contains("rig.bvh: no joint for the DWPose points neck, right shoulder, right elbow,",
                        "left knee, left ankle (arms not recognised, legs not recognised)",
                        "Joints in the file: Bone_" + "Hips".hashCode());
    }

    @Test
    void aPerformerWhoStartsFacingAwayIsShownFromTheFrontAtYawZero() throws IOException {
        importWith(MotionImport.Orbit.FRONT);
        double front = leftMinusRight(0);
        assertThat(front).isGreaterThan(5);

        importFile(write("turned.bvh", BvhVariants.turned(BvhVariants.cmuText(), 180)), MotionImport.Orbit.FRONT, true);
        assertThat(dialogs.problems).isEmpty();
        // seen from the front: the performer's left on the image right, as for the clip facing the camera
        assertThat(leftMinusRight(0)).isCloseTo(front, within(1e-6));
        assertThat(studio.statusProperty().get()).contains("the performer starts facing 174°", "yaw 0 looks at their front");
        importFile(write("turned.bvh", BvhVariants.turned(BvhVariants.cmuText(), 180)), new MotionImport.Orbit(180, 0, 0, 1, 0), true);
        assertThat(leftMinusRight(0)).isLessThan(-5);
    }

    @Test
    void anImportSetsTheFrameCountToTheMotionAndResetsACameraThatWouldLoseThePerformer() {
        // the sample project's camera: zooming to 3.2x over its 48 frames; and a project longer than the clip
        CameraTrack sampleZoom = new CameraTrack(List.of(
                new CameraKeyframe(0, 1, 233.4, 174.6, 0, 0, 0, false, Interpolation.EASE_IN_OUT),
                new CameraKeyframe(47, 3.2, 233.4, 174.6, 22.6, 41.4, 0, false, Interpolation.EASE_IN_OUT)));
        Project zoomed = studio.project().withCamera(sampleZoom).withTiming(24, 900);
        fx(() -> studio.edit(new SnapshotEdit("zoomed, long", studio.project(), zoomed)));
        assertThat(MotionImport.offersCameraReset(studio.project())).isTrue();

        importFile(bvh, MotionImport.Orbit.FRONT, false);
        assertThat(studio.project().frameCount()).isEqualTo(551);
        assertThat(studio.project().camera()).isEqualTo(sampleZoom);
        assertThat(pointsOutsideCanvas(47)).as("the kept zoom loses the performer").isPositive();
        assertThat(studio.statusProperty().get()).doesNotContain("camera reset");

        importFile(bvh, MotionImport.Orbit.FRONT, true);
        assertThat(studio.project().frameCount()).isEqualTo(551);
        assertThat(studio.project().camera().isEmpty()).isTrue();
        assertThat(MotionImport.offersCameraReset(studio.project())).isFalse();
        for (int frame = 0; frame < 551; frame += 25) {
            assertThat(pointsOutsideCanvas(frame)).as("frame %d", frame).isZero();
        }
        assertThat(studio.statusProperty().get()).contains("camera reset to fit the motion");

        fx(studio::undo);
        fx(studio::undo);
        assertThat(studio.project()).isEqualTo(zoomed);
    }

    @Test
    void aKeptCameraIsCutToAShorterClipWithoutChangingTheFramesThatRemain() throws Exception {
        CameraTrack zoom = new CameraTrack(List.of(
                new CameraKeyframe(0, 1, 256, 256, 0, 0, 0, false, Interpolation.EASE_IN_OUT),
                new CameraKeyframe(800, 2, 256, 256, 0, 0, 0, false, Interpolation.EASE_IN_OUT)));
        Project before = studio.project().withCamera(zoom).withTiming(24, 900);
        fx(() -> studio.edit(new SnapshotEdit("zoom", studio.project(), before)));

        importFile(bvh, MotionImport.Orbit.FRONT, false);

        Project after = studio.project();
        assertThat(after.frameCount()).isEqualTo(551);
        assertThat(after.camera().keyframes()).allMatch(k -> k.frame() <= 550);
        for (int frame : new int[] {0, 100, 549, 550}) {
            assertThat(after.camera().at(frame).zoom()).isCloseTo(zoom.at(frame).zoom(), within(1e-9));
        }
        // the cut project saves and opens again
        Path bundle = temp.resolve("Cut.fvs");
        fx(() -> studio.saveAs(bundle, () -> { }));
        awaitJobs(tasks);
        assertThat(org.fvstudio.project.io.ProjectBundle.open(bundle).project().camera()).isEqualTo(after.camera());
    }

    private int pointsOutsideCanvas(int frame) {
        Project project = studio.project();
        PersonPose p = project.targetPoseAt(frame).people().get(0);
        int outside = 0;
        for (int i = 0; i < 24; i++) {
            if (p.confidence(i) > 0 && (p.x(i) < 0 || p.y(i) < 0 || p.x(i) > project.canvasWidth() || p.y(i) > project.canvasHeight())) {
                outside++;
            }
        }
        return outside;
    }
}
