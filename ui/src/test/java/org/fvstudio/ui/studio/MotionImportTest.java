package org.fvstudio.ui.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.fvstudio.ui.studio.FxTestSupport.copyResource;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.motion.bvh.BvhParser;
import org.fvstudio.motion.bvh.BvhPoseTrackBuilder;
import org.fvstudio.project.MotionSource;
import org.fvstudio.project.Project;
import org.fvstudio.timeline.OrbitCameraTrack;
import org.fvstudio.timeline.OrbitKeyframe;
import org.fvstudio.timeline.PersonTrack;
import org.fvstudio.ui.StudioFixture;
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
        fx(() -> new MotionImport(studio).importBvh(bvh, orbit));
        awaitJobs(tasks);
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
        assertThat(source.orbit().keyframes()).extracting(OrbitKeyframe::yawDegrees).containsExactly(0.0, 90.0);
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

        fx(() -> new MotionImport(studio).importBvh(truncated, MotionImport.Orbit.FRONT));
        awaitJobs(tasks);

        assertThat(dialogs.problems).hasSize(1);
        assertThat(dialogs.problems.get(0)).startsWith("Cannot import motion truncated.bvh: ").contains("truncated.bvh");
        assertThat(studio.project()).isEqualTo(before);
    }
}
