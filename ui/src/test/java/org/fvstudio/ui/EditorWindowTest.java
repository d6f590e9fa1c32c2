package org.fvstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.fvstudio.ui.studio.FxTestSupport.copyResource;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Point2D;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.timeline.PersonTrack;
import org.fvstudio.timeline.PoseKeyframe;
import org.fvstudio.ui.editor.JointRef;
import org.fvstudio.ui.studio.MotionImport;
import org.fvstudio.ui.studio.ScriptedDialogs;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.task.BackgroundTasks;
import org.fvstudio.ui.timeline.KeyRef;
import org.fvstudio.ui.timeline.TimelineEditor;
import org.fvstudio.ui.timeline.TrackId;
import org.fvstudio.ui.view.DopeSheet;
import org.fvstudio.ui.view.SkeletonCanvas;
import org.fvstudio.ui.view.StudioWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The skeleton editor and timeline driven with the mouse and keyboard through the real window, headless. */
@ExtendWith(ApplicationExtension.class)
class EditorWindowTest {

    @TempDir
    static Path temp;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private BackgroundTasks tasks;
    private StudioWindow window;

    @Start
    void start(Stage stage) {
        tasks = new BackgroundTasks();
        window = StudioFixture.shownWindow(stage, tasks, temp, dialogs);
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    private StudioViewModel studio() {
        return window.viewModel();
    }

    private void importCam03AtFrame(int frame) {
        StudioFixture.importCam03(studio(), tasks);
        fx(() -> studio().currentFrameProperty().set(frame));
    }

    /** Screen point of a displayed canvas point of the viewer. */
    private Point2D onScreen(double canvasX, double canvasY) {
        return fx(() -> {
            SkeletonCanvas canvas = window.viewer().canvas();
            double[] local = canvas.toScreen(canvasX, canvasY);
            return canvas.localToScreen(local[0], local[1]);
        });
    }

    private PersonPose person() {
        return fx(() -> window.skeletonEditor().people().get(0));
    }

    private static void shortcut(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
    }

    @Test
    void dragAJointThenUndoAndRedoWithTheKeyboard(FxRobot robot) {
        importCam03AtFrame(30);
        PersonPose before = person();
        int neck = BodyJoint.NECK.index();
        double zoom = fx(() -> window.viewer().canvas().viewport().zoom());
        Point2D from = onScreen(before.x(neck), before.y(neck));

        robot.drag(from, MouseButton.PRIMARY).moveBy(15, 5).moveBy(15, 5).moveBy(10, 0).release(MouseButton.PRIMARY);

        PersonPose after = person();
        assertThat(after.x(neck)).isCloseTo(before.x(neck) + 40 / zoom, within(1.5 / zoom));
        assertThat(after.y(neck)).isCloseTo(before.y(neck) + 10 / zoom, within(1.5 / zoom));
        assertThat(window.skeletonEditor().selection()).containsExactly(new JointRef(0, neck));
        assertThat(window.stage().getTitle()).contains("*");

        shortcut(robot, KeyCode.CONTROL, KeyCode.Z);
        assertThat(person()).isEqualTo(before);
        shortcut(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        assertThat(person()).isEqualTo(after);
        shortcut(robot, KeyCode.CONTROL, KeyCode.Z);
        shortcut(robot, KeyCode.CONTROL, KeyCode.Y);
        assertThat(person()).isEqualTo(after);
        // the one drag was one step: a second undo goes back to before the import
        shortcut(robot, KeyCode.CONTROL, KeyCode.Z);
        assertThat(person()).isEqualTo(before);
    }

    @Test
    void rubberBandSelectsTheArmAndHidingItRemovesItsLimbs(FxRobot robot) {
        importCam03AtFrame(30);
        PersonPose before = person();
        int elbow = BodyJoint.LEFT_ELBOW.index();
        int wrist = BodyJoint.LEFT_WRIST.index();
        double minX = Math.min(before.x(elbow), before.x(wrist)) - 3;
        double maxX = Math.max(before.x(elbow), before.x(wrist)) + 3;
        double minY = Math.min(before.y(elbow), before.y(wrist)) - 3;
        double maxY = Math.max(before.y(elbow), before.y(wrist)) + 3;
        // a band from beyond the top-right corner of the forearm's box (on no joint) to beyond its bottom-left
        Point2D a = onScreen(maxX, minY).add(12, -12);
        Point2D b = onScreen(minX, maxY).add(-12, 12);
        double[] bandA = fx(() -> window.viewer().canvas().viewport().toCanvas(
                window.viewer().canvas().screenToLocal(a).getX(), window.viewer().canvas().screenToLocal(a).getY()));
        double[] bandB = fx(() -> window.viewer().canvas().viewport().toCanvas(
                window.viewer().canvas().screenToLocal(b).getX(), window.viewer().canvas().screenToLocal(b).getY()));
        assertThat(fx(() -> window.skeletonEditor().jointAt(bandA[0], bandA[1], 10 / window.viewer().canvas().viewport().zoom())))
                .as("the band starts on empty canvas").isEmpty();
        robot.drag(a, MouseButton.PRIMARY).moveTo(b).release(MouseButton.PRIMARY);

        Set<JointRef> selected = window.skeletonEditor().selection();
        assertThat(selected).contains(new JointRef(0, elbow), new JointRef(0, wrist));
        for (JointRef j : selected) {
            assertThat(before.x(j.index())).isBetween(bandB[0] - 1, bandA[0] + 1);
            assertThat(before.y(j.index())).isBetween(bandA[1] - 1, bandB[1] + 1);
        }
        assertThat(person()).as("a rubber band moves nothing").isEqualTo(before);

        int colouredBefore = coloured(window.viewer().skeletonImage());
        robot.type(KeyCode.H);
        assertThat(person().confidence(elbow)).isZero();
        assertThat(coloured(window.viewer().skeletonImage())).isLessThan(colouredBefore);
        robot.press(KeyCode.SHIFT).type(KeyCode.H).release(KeyCode.SHIFT);
        assertThat(person().confidence(elbow)).isEqualTo(1);
        assertThat(person().x(elbow)).isEqualTo(before.x(elbow));
    }

    @Test
    void insertAKeyWithKThenDragItInTheDopeSheet(FxRobot robot) {
        importCam03AtFrame(0);
        TimelineEditor timeline = window.timelineEditor();
        fx(() -> {
            Set<KeyRef> drop = new HashSet<>();
            for (PoseKeyframe k : studio().project().target().people().get(0).keyframes()) {
                if (k.frame() != 0 && k.frame() != 99) {
                    drop.add(new KeyRef(new TrackId.Person(0), k.frame()));
                }
            }
            timeline.selectionProperty().set(drop);
            timeline.deleteSelectedKeys();
            studio().currentFrameProperty().set(40);
        });
        robot.clickOn("#dopeSheet", MouseButton.PRIMARY);
        fx(() -> studio().currentFrameProperty().set(40));
        robot.type(KeyCode.K);
        PersonTrack track = studio().project().target().people().get(0);
        assertThat(track.keyframes()).extracting(PoseKeyframe::frame).containsExactly(0, 40, 99);

        DopeSheet sheet = window.timeline().dopeSheet();
        Point2D key = fx(() -> sheet.localToScreen(sheet.frameToX(40), sheet.rowY(new TrackId.Person(0))));
        Point2D target = fx(() -> sheet.localToScreen(sheet.frameToX(60), sheet.rowY(new TrackId.Person(0))));
        robot.drag(key, MouseButton.PRIMARY).moveTo(target).release(MouseButton.PRIMARY);
        assertThat(studio().project().target().people().get(0).keyframes()).extracting(PoseKeyframe::frame)
                .containsExactly(0, 60, 99);
        assertThat(studio().project().target().people().get(0).keyAt(60).get().pose())
                .isEqualTo(track.keyAt(40).get().pose());
        shortcut(robot, KeyCode.CONTROL, KeyCode.Z);
        assertThat(studio().project().target().people().get(0).keyframes()).extracting(PoseKeyframe::frame)
                .containsExactly(0, 40, 99);
    }

    @Test
    void spacePlaysTenFramesUpToTheOutPointOnTheRealTimer(FxRobot robot) throws Exception {
        importCam03AtFrame(20);
        robot.clickOn("#dopeSheet", MouseButton.PRIMARY);
        fx(() -> studio().currentFrameProperty().set(20));
        robot.type(KeyCode.I);
        fx(() -> studio().currentFrameProperty().set(30));
        robot.type(KeyCode.O);
        fx(() -> {
            window.timelineEditor().transport().loopProperty().set(false);
            studio().currentFrameProperty().set(20);
        });
        java.util.concurrent.atomic.AtomicBoolean played = new java.util.concurrent.atomic.AtomicBoolean();
        fx(() -> window.timelineEditor().transport().playingProperty().addListener((obs, was, now) -> played.compareAndSet(false, now)));
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, played::get);
        // 10 frames at 24 fps take 0.42 s; allow a loaded machine plenty of time
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !fx(() -> window.timelineEditor().transport().isPlaying()));
        assertThat(studio().currentFrameProperty().get()).isEqualTo(30);
        assertThat(robot.lookup("#frameField").queryTextInputControl().getText()).isEqualTo("30");
    }

    @Test
    void importTheBvhWithACameraOrbitingHalfwayRound(FxRobot robot) {
        Path bvh = copyResource("bvh/cmu_01_01.bvh", temp.resolve("motion-window"));
        fx(() -> new MotionImport(studio()).importBvh(bvh, new MotionImport.Orbit(0, 180, 10, 1, 0), true));
        awaitJobs(tasks);
        assertThat(dialogs.problems).isEmpty();
        int last = studio().project().frameCount() - 1;
        assertThat(last).isEqualTo(550);

        fx(() -> studio().currentFrameProperty().set(0));
        PersonPose first = person();
        assertThat(coloured(window.viewer().skeletonImage())).isGreaterThan(500);
        robot.type(KeyCode.END);
        assertThat(studio().currentFrameProperty().get()).isEqualTo(last);
        PersonPose end = person();
        int left = BodyJoint.LEFT_HIP.index();
        int right = BodyJoint.RIGHT_HIP.index();
        assertThat(Math.signum(end.x(left) - end.x(right))).isEqualTo(-Math.signum(first.x(left) - first.x(right)));
        assertThat(coloured(window.viewer().skeletonImage())).isGreaterThan(500);
        assertThat(window.stage().getTitle()).contains("*");
    }

    private static int coloured(Image image) {
        int count = 0;
        var reader = image.getPixelReader();
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                if ((reader.getArgb(x, y) & 0xFFFFFF) != 0) {
                    count++;
                }
            }
        }
        return count;
    }

}
