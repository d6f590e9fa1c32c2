package org.fvstudio.ui.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.project.Project;
import org.fvstudio.ui.StudioFixture;
import org.fvstudio.ui.document.BundleProjectStorage;
import org.fvstudio.ui.importing.BoundsFit;
import org.fvstudio.ui.task.BackgroundTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** File ▸ Import pose sequence: where poses land on the canvas, and the MoveNet / MediaPipe formats. */
class PoseSequenceImportTest {

    @TempDir
    Path temp;

    private BackgroundTasks tasks;
    private ScriptedDialogs dialogs;
    private StudioViewModel studio;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp() {
        tasks = new BackgroundTasks();
        dialogs = new ScriptedDialogs();
        studio = fx(() -> StudioFixture.viewModel(tasks, temp, dialogs));
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    private void importPoses(Path fileOrFolder) {
        fx(() -> studio.importPoseSequence(List.of(fileOrFolder)));
        awaitJobs(tasks);
        assertThat(dialogs.problems).isEmpty();
    }

    @Test
    void pose2simFramesWithoutACanvasSizeAreCentredByTheirBoundsNotLeftInACorner() throws Exception {
        Path cam03 = FxTestSupport.cam03Folder();
        List<Pose> raw = new BundleProjectStorage().readPoseSequence(List.of(cam03)).frames();
        assertThat(raw.get(0).canvasWidth()).as("the files say nothing of their 1080x1920 picture").isLessThan(1080);

        importPoses(cam03);

        Project project = studio.project();
        assertThat(project.frameCount()).isEqualTo(100);
        double[] fitted = bounds(frames(project));
        double[] source = bounds(raw);
        // the middle of the canvas, filling 80 % of its tighter side, feet well above the bottom edge
        assertThat((fitted[0] + fitted[2]) / 2).isCloseTo(256, within(1e-6));
        assertThat((fitted[1] + fitted[3]) / 2).isCloseTo(256, within(1e-6));
        assertThat(Math.max(fitted[2] - fitted[0], fitted[3] - fitted[1])).isCloseTo(BoundsFit.FILL * 512, within(1e-6));
        assertThat(fitted[3]).isCloseTo(256 + 0.4 * 512, within(1e-6));
        // one scale and shift for the whole sequence: the motion between frames is kept
        double scale = (fitted[3] - fitted[1]) / (source[3] - source[1]);
        int neck = BodyJoint.NECK.index();
        PersonPose a = project.rawTargetPoseAt(0).people().get(0);
        PersonPose b = project.rawTargetPoseAt(99).people().get(0);
        PersonPose rawA = raw.get(0).people().get(0);
        PersonPose rawB = raw.get(99).people().get(0);
        assertThat(b.x(neck) - a.x(neck)).isCloseTo(scale * (rawB.x(neck) - rawA.x(neck)), within(1e-6));
        assertThat(b.y(neck) - a.y(neck)).isCloseTo(scale * (rawB.y(neck) - rawA.y(neck)), within(1e-6));
        assertThat(studio.statusProperty().get()).isEqualTo("Imported 100 frames of poses from cam03"
                + " (no canvas size in the files: fitted to the 512x512 canvas from the points' bounds)");
    }

    @Test
    void moveNetFramesAreImportedDirectlyAndPlacedByTheirBounds() throws IOException {
        Path walk = Files.createDirectories(temp.resolve("walk"));
        for (int f = 0; f < 3; f++) {
            copy("/poses/movenet/walk/frame_00" + f + ".json", walk);
        }
        importPoses(walk);

        Project project = studio.project();
        assertThat(project.target().people()).hasSize(1);
        assertThat(project.target().people().get(0).keyframes()).hasSize(3);
        double[] fitted = bounds(frames(project));
        assertThat((fitted[0] + fitted[2]) / 2).isCloseTo(256, within(1e-6));
        assertThat((fitted[1] + fitted[3]) / 2).isCloseTo(256, within(1e-6));
        PersonPose first = project.rawTargetPoseAt(0).people().get(0);
        PersonPose last = project.rawTargetPoseAt(2).people().get(0);
        assertThat(last.x(BodyJoint.NECK.index())).isGreaterThan(first.x(BodyJoint.NECK.index()));
        assertThat(first.x(BodyJoint.LEFT_SHOULDER.index())).isGreaterThan(first.x(BodyJoint.RIGHT_SHOULDER.index()));
        assertThat(studio.statusProperty().get()).startsWith("Imported 3 frames of MoveNet / TensorFlow.js poses from walk (no canvas size");
    }

    @Test
    void mediaPipeLandmarksAreImportedAsFractionsOfTheCanvas() throws IOException {
        Path file = copy("/poses/mediapipe/pose_landmarks_legacy.json", temp.resolve("mp"));
        importPoses(file);

        PersonPose person = studio.project().rawTargetPoseAt(0).people().get(0);
        // the right shoulder landmark (12) is at x 0.42, y 0.32 of the picture
        assertThat(person.x(BodyJoint.RIGHT_SHOULDER.index())).isCloseTo(0.42 * 512, within(1e-9));
        assertThat(person.y(BodyJoint.RIGHT_SHOULDER.index())).isCloseTo(0.32 * 512, within(1e-9));
        assertThat(person.confidence(BodyJoint.RIGHT_EAR.index())).isZero();
        assertThat(studio.statusProperty().get()).isEqualTo("Imported 1 frame of MediaPipe poses from pose_landmarks_legacy.json");
    }

    private static Path copy(String resource, Path dir) throws IOException {
        try (InputStream in = PoseSequenceImportTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.createDirectories(dir);
            Path target = dir.resolve(Path.of(resource).getFileName().toString());
            Files.copy(in, target);
            return target;
        }
    }

    private static List<Pose> frames(Project project) {
        return java.util.stream.IntStream.range(0, project.frameCount()).mapToObj(project::rawTargetPoseAt).toList();
    }

    /** min x, min y, max x, max y of every present point. */
    private static double[] bounds(List<Pose> frames) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Pose pose : frames) {
            for (PersonPose p : pose.people()) {
                for (int i = 0; i < PersonPose.KEYPOINT_COUNT; i++) {
                    if (p.confidence(i) > 0) {
                        b[0] = Math.min(b[0], p.x(i));
                        b[1] = Math.min(b[1], p.y(i));
                        b[2] = Math.max(b[2], p.x(i));
                        b[3] = Math.max(b[3], p.y(i));
                    }
                }
            }
        }
        return b;
    }
}
