package org.fvstudio.ui.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.fvstudio.cache.ReferenceResult;
import org.fvstudio.export.VideoQuality;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.project.Project;
import org.fvstudio.timeline.PersonTrack;
import org.fvstudio.timeline.PoseKeyframe;
import org.fvstudio.ui.document.BundleProjectStorage;
import org.fvstudio.ui.edit.SnapshotEdit;
import org.fvstudio.ui.export.ExportKind;
import org.fvstudio.ui.export.ExportRequest;
import org.fvstudio.ui.heatmap.HeatmapTile;
import org.fvstudio.ui.settings.StudioHome;
import org.fvstudio.ui.studio.ScriptedDialogs;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.studio.ViewerMode;
import org.fvstudio.ui.task.BackgroundTasks;
import org.fvstudio.ui.task.Outcome;
import org.fvstudio.ui.view.SkeletonImages;
import org.fvstudio.ui.view.StudioWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 6's scenario through the real window, headless, on CPU: open a project, generate 8 frames at few
 * steps, heatmaps and share bars per reference, an edited keyframe marks exactly the affected frames stale,
 * reopening restores results from the cache, and the side-by-side review MP4 decodes as written.
 */
@ExtendWith(ApplicationExtension.class)
class GenerationEndToEndTest {

    @TempDir
    static Path temp;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private BackgroundTasks tasks;
    private StudioWindow window;

    @Start
    void start(Stage stage) {
        tasks = new BackgroundTasks();
        StudioViewModel viewModel = new StudioViewModel(new BundleProjectStorage(), tasks,
                new StudioHome(temp.resolve("home")), dialogs);
        window = new StudioWindow(stage, viewModel, new SkeletonImages()::draw);
        stage.show();
    }

    @AfterEach
    void stop() {
        window.generation().close();
        tasks.close();
    }

    @Test
    void generateInspectEditStaleReopenAndExport(FxRobot robot) throws Exception {
        StudioViewModel studio = window.viewModel();
        GenerationWorkspace generation = window.generation();
        Path bundle = GenerationTestProjects.writeBundle(temp.resolve("e2e"), "Walk", 3);
        fx(() -> studio.open(bundle));
        awaitJobs(tasks);
        awaitRefresh(generation);
        assertThat(studio.project().name()).isEqualTo("Walk");
        assertThat(generation.results().frames()).isEmpty();

        // Generate frames 0-7 (the in/out range) with the panel's button.
        fx(() -> {
            window.timelineEditor().transport().inPointProperty().set(0);
            window.timelineEditor().transport().outPointProperty().set(7);
            generation.rangeProperty().set(FrameRange.IN_OUT);
        });
        Button generate = robot.lookup("#generateButton").queryButton();
        fx(generate::fire);
        waitUntil(60, () -> fx(() -> !generation.service().isBusy()));
        assertThat(dialogs.problems).isEmpty();
        assertThat(fx(() -> new TreeSet<>(generation.results().frames().keySet()))).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(fx(() -> Set.copyOf(generation.results().stale()))).isEmpty();
        assertThat(studio.statusProperty().get()).startsWith("Generated 8 of 8 frames");
        assertThat(robot.lookup("#runningDeviceLabel").queryLabeled().getText()).isEqualTo("running on: CPU (CPU requested)");
        GeneratedFrame frame3 = fx(() -> generation.results().at(3).orElseThrow());
        assertThat(frame3.image().width()).isEqualTo(studio.project().canvasWidth());
        assertThat(frame3.settings()).isEqualTo(studio.project().generation());

        // One heatmap tile and one share bar per enabled reference, for the current frame.
        fx(() -> {
            studio.currentFrameProperty().set(3);
            window.showResults();
        });
        List<HeatmapTile> tiles = fx(() -> window.heatmaps().tiles());
        assertThat(tiles).extracting(HeatmapTile::referenceId).containsExactly("ref-1", "ref-2");
        assertThat(robot.lookup(".heatmap-tile").queryAll()).hasSize(2);
        assertThat(robot.lookup(".share-bar").queryAllAs(ProgressBar.class)).hasSize(2)
                .allSatisfy(bar -> assertThat(bar.getProgress()).isBetween(0.0, 1.0));
        double shareSum = frame3.references().stream().mapToDouble(ReferenceResult::share).sum();
        assertThat(shareSum).isGreaterThan(0.5).isLessThanOrEqualTo(1.0 + 1e-9);
        assertThat(robot.lookup("#share-ref-1").queryLabeled().getText())
                .isEqualTo(String.format("%.1f %%", frame3.reference("ref-1").orElseThrow().share() * 100));
        String hover = fx(() -> tiles.get(0).describePoint(0.5, 0.3));
        assertThat(hover).startsWith("ref-1: correlation ").containsAnyOf("· selected", "· not selected");
        // The hover's "selected" agrees with the token mask of the first bank.
        boolean selectedSomewhere = false;
        for (double u = 0.01; u < 1; u += 0.05) {
            for (double v = 0.01; v < 1; v += 0.05) {
                boolean selected = frame3.mask().isSelected(0, u, v);
                selectedSomewhere |= selected;
                assertThat(tiles.get(0).describePoint(u, v)).endsWith(selected ? "· selected" : "· not selected");
            }
        }
        assertThat(selectedSomewhere || frame3.mask().countOf(1) > 0).isTrue();
        assertThat(window.results().generatedImage()).isNotNull();
        assertThat(window.results().skeletonImage()).isNotNull();

        // The strip describes each generated frame's shares; clicking a heatmap opens that reference.
        GeneratedStrip strip = robot.lookup("#generatedStrip").queryAs(GeneratedStrip.class);
        assertThat(fx(() -> strip.describe(3))).startsWith("Frame 3:").contains("Astronaut").contains("Walker");
        assertThat(fx(() -> strip.describe(12))).isEqualTo("Frame 12: not generated");
        fx(() -> javafx.event.Event.fireEvent(tiles.get(1).picture(), new javafx.scene.input.MouseEvent(
                javafx.scene.input.MouseEvent.MOUSE_CLICKED, 80, 80, 80, 80, javafx.scene.input.MouseButton.PRIMARY, 1,
                false, false, false, false, true, false, false, true, false, true, null)));
        assertThat(studio.selectedReferenceIdProperty().get()).isEqualTo("ref-2");
        assertThat(studio.viewerModeProperty().get()).isEqualTo(ViewerMode.REFERENCE);

        // Edit the keyframe at frame 4: frames 1-7 interpolate from it, frame 0 (its own key) does not.
        Project before = studio.project();
        Project after = moveKeyframe(before, 4, 15);
        List<Integer> changed = new ArrayList<>();
        for (int f = 0; f <= 7; f++) {
            if (!before.targetPoseAt(f).equals(after.targetPoseAt(f))) {
                changed.add(f);
            }
        }
        assertThat(changed).containsExactly(1, 2, 3, 4, 5, 6, 7);
        fx(() -> studio.edit(new SnapshotEdit("Move keyframe 4", before, after)));
        awaitRefresh(generation);
        assertThat(fx(() -> List.copyOf(generation.results().stale()))).containsExactlyElementsOf(changed);
        assertThat(fx(() -> strip.describe(5))).startsWith("Frame 5 (stale):");
        assertThat(fx(() -> generation.framesOf(FrameRange.STALE)))
                .containsExactlyElementsOf(concat(changed, List.of(8, 9, 10, 11, 12, 13, 14, 15)));

        // Undo: the inputs are those of the stored results again, nothing is stale.
        fx(studio::undo);
        awaitRefresh(generation);
        assertThat(fx(() -> Set.copyOf(generation.results().stale()))).isEmpty();

        // "Use these settings" recalls a result's settings as an undoable edit.
        fx(() -> generation.studio().edit(GenerationEdits.steps(studio.project(), 9)));
        assertThat(studio.project().generation().steps()).isEqualTo(9);
        awaitRefresh(generation);
        assertThat(fx(() -> generation.results().stale().size())).isEqualTo(8);
        fx(() -> generation.useSettingsOf(3));
        assertThat(studio.project().generation()).isEqualTo(frame3.settings());
        awaitRefresh(generation);
        assertThat(fx(() -> generation.results().stale())).isEmpty();

        // Save, open another project, reopen: results come back from cache/, nothing is generated again.
        fx(() -> studio.save());
        awaitJobs(tasks);
        fx(studio::newProject);
        awaitRefresh(generation);
        assertThat(fx(() -> generation.results().frames())).isEmpty();
        fx(() -> studio.open(bundle));
        awaitJobs(tasks);
        awaitRefresh(generation);
        assertThat(fx(() -> new TreeSet<>(generation.results().frames().keySet()))).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(fx(() -> generation.results().stale())).isEmpty();
        assertThat(fx(() -> generation.service().queue().isEmpty() && generation.service().runningProperty().get() == null)).isTrue();
        GeneratedFrame restored = fx(() -> generation.results().at(3).orElseThrow());
        assertThat(org.fvstudio.export.Images.samePixels(restored.image(), frame3.image())).isTrue();
        assertThat(restored.settings()).isEqualTo(frame3.settings());
        assertThat(restored.mask()).isEqualTo(frame3.mask());
        assertThat(Files.isDirectory(bundle.resolve("cache").resolve("entries"))).isTrue();

        // Export the side-by-side review video and read it back.
        Path video = temp.resolve("review.mp4");
        fx(() -> window.exports().export(new ExportRequest(ExportKind.SIDE_BY_SIDE, video, VideoQuality.STANDARD, 128,
                0.6, true)));
        awaitJobs(tasks);
        assertThat(window.exports().lastOutcomeProperty().get()).isInstanceOf(Outcome.Success.class);
        assertThat(dialogs.problems).isEmpty();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
            grabber.start();
            assertThat(grabber.getLengthInVideoFrames()).isEqualTo(8);
            assertThat(grabber.getImageHeight()).isEqualTo(128);
            // target | generated | 2 references, each scaled to height 128 with its aspect ratio kept
            assertThat(grabber.getImageWidth()).isGreaterThan(3 * 128 / 2).isEven();
            assertThat(grabber.getFrameRate()).isCloseTo(24.0, org.assertj.core.data.Offset.offset(0.01));
            assertThat(grabber.getVideoCodecName()).isIn("h264", "libopenh264", "libx264");
            int decoded = 0;
            while (grabber.grabImage() != null) {
                decoded++;
            }
            assertThat(decoded).isEqualTo(8);
        }

        // Clear cache from the UI: results and stored entries go.
        fx(() -> robot.lookup("#clearCacheButton").queryButton().fire());
        waitUntil(20, () -> fx(() -> generation.results().frames().isEmpty()));
        awaitRefresh(generation);
        try (var entries = Files.list(bundle.resolve("cache").resolve("entries"))) {
            assertThat(entries.count()).isZero();
        }
    }

    static Project moveKeyframe(Project project, int frame, double dx) {
        PersonTrack person = project.target().people().get(0);
        PoseKeyframe key = person.keyAt(frame).orElseThrow();
        PersonPose moved = key.pose().transformed(1, 0, 0, 1, dx, 0);
        return project.withTarget(project.target().withPerson(0, person.withKey(key.withPose(moved))));
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        List<Integer> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static void awaitRefresh(GenerationWorkspace generation) {
        waitUntil(30, () -> fx(() -> generation.refreshesAppliedProperty().get() >= generation.refreshesRequestedProperty().get()));
    }

    static void waitUntil(int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

}
