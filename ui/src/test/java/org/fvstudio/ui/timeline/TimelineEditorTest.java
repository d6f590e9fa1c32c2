package org.fvstudio.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.fvstudio.project.Project;
import org.fvstudio.timeline.CameraKeyframe;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.PersonTrack;
import org.fvstudio.timeline.PoseKeyframe;
import org.fvstudio.timeline.TimelineMarker;
import org.fvstudio.timeline.TimelineMarks;
import org.fvstudio.ui.StudioFixture;
import org.fvstudio.ui.settings.StudioHome;
import org.fvstudio.ui.studio.ScriptedDialogs;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.task.BackgroundTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** Keyframe commands, playback and camera presets on the real cam03 sequence (100 frames, 24 fps). */
class TimelineEditorTest {

    @TempDir
    Path temp;

    private BackgroundTasks tasks;
    private StudioViewModel studio;
    private TimelineEditor timeline;
    private Transport transport;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp() {
        tasks = new BackgroundTasks();
        studio = fx(() -> StudioFixture.viewModel(tasks, temp, new ScriptedDialogs()));
        timeline = fx(() -> new TimelineEditor(studio));
        transport = timeline.transport();
        StudioFixture.importCam03(studio, tasks);
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    private PersonTrack person() {
        return studio.project().target().people().get(0);
    }

    /** Keeps only the keys at these frames (one undoable edit), as if the track had been keyed by hand. */
    private void keepKeys(int... frames) {
        fx(() -> {
            Set<KeyRef> drop = new java.util.HashSet<>();
            for (PoseKeyframe k : person().keyframes()) {
                if (java.util.Arrays.stream(frames).noneMatch(f -> f == k.frame())) {
                    drop.add(new KeyRef(new TrackId.Person(0), k.frame()));
                }
            }
            timeline.selectionProperty().set(drop);
            timeline.deleteSelectedKeys();
        });
    }

    @Test
    void insertAKeyThenMoveItAndUndo() {
        keepKeys(0, 99);
        assertThat(person().keyframes()).extracting(PoseKeyframe::frame).containsExactly(0, 99);
        var sampledAt40 = person().sample(40).orElseThrow();

        fx(() -> {
            transport.goTo(40);
            timeline.insertKey();
        });
        assertThat(person().keyAt(40)).isPresent();
        assertThat(person().keyAt(40).get().pose()).isEqualTo(sampledAt40);
        assertThat(timeline.selection()).containsExactly(new KeyRef(new TrackId.Person(0), 40));

        // a drag over several frames is one undo step
        int undos = studio.document().history().undoCount();
        fx(() -> {
            timeline.beginKeyDrag();
            timeline.dragKeysBy(3);
            timeline.dragKeysBy(7);
            timeline.dragKeysBy(10);
            timeline.endKeyDrag();
        });
        assertThat(person().keyframes()).extracting(PoseKeyframe::frame).containsExactly(0, 50, 99);
        assertThat(person().keyAt(50).get().pose()).isEqualTo(sampledAt40);
        assertThat(studio.document().history().undoCount()).isEqualTo(undos + 1);
        fx(studio::undo);
        assertThat(person().keyframes()).extracting(PoseKeyframe::frame).containsExactly(0, 40, 99);
    }

    @Test
    void copyAndPasteAKeyElsewhere() {
        keepKeys(0, 50, 99);
        fx(() -> {
            timeline.selectKey(new KeyRef(new TrackId.Person(0), 50), false);
            timeline.copySelectedKeys();
            transport.goTo(20);
            timeline.paste();
        });
        assertThat(person().keyframes()).extracting(PoseKeyframe::frame).containsExactly(0, 20, 50, 99);
        assertThat(person().keyAt(20).get().pose()).isEqualTo(person().keyAt(50).get().pose());
    }

    @Test
    void interpolationChangeAltersTheInBetweens() {
        keepKeys(0, 50, 99);
        var linear = person().sample(25).orElseThrow();
        fx(() -> {
            timeline.selectKey(new KeyRef(new TrackId.Person(0), 0), false);
            timeline.setInterpolation(Interpolation.CONSTANT);
        });
        assertThat(person().keyAt(0).get().interpolation()).isEqualTo(Interpolation.CONSTANT);
        assertThat(person().sample(25).orElseThrow()).isEqualTo(person().keyAt(0).get().pose());
        assertThat(person().sample(25).orElseThrow()).isNotEqualTo(linear);
        fx(() -> timeline.setInterpolation(Interpolation.EASE_IN_OUT));
        var eased = person().sample(10).orElseThrow();
        var from = person().keyAt(0).get().pose();
        var to = person().keyAt(50).get().pose();
        double w = Interpolation.EASE_IN_OUT.weight(10 / 50.0);
        assertThat(eased.x(1)).isCloseTo(from.x(1) + (to.x(1) - from.x(1)) * w, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void playingAdvancesAtTheProjectRateAndLoopsInTheRange() {
        assertThat(studio.project().fps()).isEqualTo(24);
        fx(() -> {
            transport.goTo(5);
            transport.togglePlay();
            // 10 frames at 24 fps, delivered in uneven timer ticks
            transport.advance(0.1);
            transport.advance(0.2);
            transport.advance(10 / 24.0 - 0.3);
        });
        assertThat(transport.frame()).isEqualTo(15);
        assertThat(transport.isPlaying()).isTrue();

        fx(() -> {
            transport.inPointProperty().set(10);
            transport.outPointProperty().set(19);
            transport.advance(6 / 24.0);
        });
        assertThat(transport.frame()).isEqualTo(11);
        fx(() -> {
            transport.loopProperty().set(false);
            transport.advance(2.0);
        });
        assertThat(transport.frame()).isEqualTo(19);
        assertThat(transport.isPlaying()).isFalse();
    }

    @Test
    void shuttleMarkersAndKeyframeJumps() {
        keepKeys(0, 30, 60, 99);
        fx(() -> {
            transport.goTo(40);
            timeline.previousKeyframe();
        });
        assertThat(transport.frame()).isEqualTo(30);
        fx(timeline::nextKeyframe);
        assertThat(transport.frame()).isEqualTo(60);

        fx(() -> {
            transport.shuttleForward();
            transport.shuttleForward();
        });
        assertThat(transport.speedProperty().get()).isEqualTo(2);
        fx(() -> transport.advance(0.5));
        assertThat(transport.frame()).isEqualTo(84);
        fx(transport::shuttleBackward);
        assertThat(transport.speedProperty().get()).isEqualTo(1);
        fx(transport::shuttleBackward);
        assertThat(transport.isPlaying()).isFalse();
        fx(transport::shuttleBackward);
        assertThat(transport.speedProperty().get()).isEqualTo(-1);
        fx(() -> transport.advance(1.0));
        assertThat(transport.frame()).isEqualTo(60);

        fx(() -> {
            transport.pause();
            transport.toggleMarker();
            transport.goTo(10);
            transport.toggleMarker();
        });
        assertThat(transport.markers()).containsExactly(10, 60);
        fx(transport::toggleMarker);
        assertThat(transport.markers()).containsExactly(60);
    }

    @Test
    void rangeAndMarkersAreUndoableEditsThatAreSavedAndReopened() throws Exception {
        int undos = studio.document().history().undoCount();
        fx(() -> {
            transport.goTo(12);
            transport.toggleMarker();
            transport.labelMarker("cut");
            transport.goTo(30);
            transport.toggleMarker();
            transport.goTo(5);
            transport.setInPoint();
            transport.goTo(80);
            transport.setOutPoint();
        });
        TimelineMarks expected = new TimelineMarks(5, 80, List.of(new TimelineMarker(12, "cut"), TimelineMarker.at(30)));
        assertThat(studio.project().timeline()).isEqualTo(expected);
        assertThat(studio.document().history().undoCount()).isEqualTo(undos + 5);
        assertThat(studio.document().isDirty()).isTrue();
        assertThat(transport.markers()).containsExactly(12, 30);
        assertThat(transport.rangeStart()).isEqualTo(5);
        assertThat(transport.rangeEnd()).isEqualTo(80);

        fx(() -> {
            studio.undo();
            studio.undo();
        });
        assertThat(transport.inPointProperty().get()).isEqualTo(-1);
        assertThat(transport.outPointProperty().get()).isEqualTo(-1);
        assertThat(transport.markers()).containsExactly(12, 30);
        fx(() -> {
            studio.undo();
            studio.undo();
        });
        assertThat(transport.markers()).containsExactly(12);
        assertThat(studio.project().timeline().markerAt(12)).contains(TimelineMarker.at(12));
        fx(() -> {
            for (int i = 0; i < 4; i++) {
                studio.redo();
            }
        });
        assertThat(studio.project().timeline()).isEqualTo(expected);

        Path bundle = temp.resolve("Marks.fvs");
        fx(() -> studio.saveAs(bundle, () -> { }));
        awaitJobs(tasks);
        assertThat(studio.document().isDirty()).isFalse();
        StudioViewModel reopened = fx(() -> StudioFixture.viewModel(tasks, new StudioHome(temp.resolve("home2")),
                new ScriptedDialogs()));
        TimelineEditor reopenedTimeline = fx(() -> new TimelineEditor(reopened));
        fx(() -> reopened.open(bundle));
        awaitJobs(tasks);
        assertThat(reopened.project().timeline()).isEqualTo(expected);
        assertThat(reopenedTimeline.transport().markers()).containsExactly(12, 30);
        assertThat(reopenedTimeline.transport().rangeStart()).isEqualTo(5);
        assertThat(reopenedTimeline.transport().rangeEnd()).isEqualTo(80);
    }

    @Test
    void aRangeEndSetDirectlyIsAnEditAndAnImpossibleOneIsRefused() {
        fx(() -> transport.outPointProperty().set(40));
        assertThat(studio.project().timeline().out()).isEqualTo(40);
        fx(studio::undo);
        assertThat(studio.project().timeline().hasOut()).isFalse();
        assertThat(transport.outPointProperty().get()).isEqualTo(-1);
        fx(() -> transport.inPointProperty().set(500));
        assertThat(studio.project().timeline().hasIn()).isFalse();
        assertThat(transport.inPointProperty().get()).isEqualTo(-1);
    }

    @Test
    void cameraPresetWritesKeysInOneUndoableEdit() {
        int undos = studio.document().history().undoCount();
        fx(() -> {
            transport.goTo(10);
            timeline.applyPreset(CameraPresets.Preset.CUT_WIDE_TO_CLOSE_UP, 20);
        });
        List<CameraKeyframe> keys = studio.project().camera().keyframes();
        assertThat(keys).extracting(CameraKeyframe::frame).containsExactly(10, 30);
        assertThat(keys.get(0).zoom()).isEqualTo(1);
        assertThat(keys.get(1).cut()).isTrue();
        assertThat(keys.get(1).zoom()).isGreaterThan(1.5);
        assertThat(studio.project().camera().at(29).zoom()).isEqualTo(1);
        assertThat(studio.document().history().undoCount()).isEqualTo(undos + 1);

        fx(() -> timeline.setCameraKey("roll", timeline.cameraKeyHere().atFrame(0)));
        Project project = studio.project();
        assertThat(project.camera().keyframes()).extracting(CameraKeyframe::frame).contains(10);
        fx(studio::undo);
        fx(studio::undo);
        assertThat(studio.project().camera().isEmpty()).isTrue();
    }
}
