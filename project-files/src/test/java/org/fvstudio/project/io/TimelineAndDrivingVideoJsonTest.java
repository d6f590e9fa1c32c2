package org.fvstudio.project.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.fvstudio.project.DrivingVideo;
import org.fvstudio.project.Project;
import org.fvstudio.timeline.TimelineMarker;
import org.fvstudio.timeline.TimelineMarks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The optional "timeline" and "driving_video" sections of project.json (format version 1). */
class TimelineAndDrivingVideoJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TimelineMarks MARKS = new TimelineMarks(4, 40,
            List.of(new TimelineMarker(12, "cut"), TimelineMarker.at(30)));

    @TempDir
    Path temp;

    private Project project;

    @BeforeEach
    void makeProject() throws Exception {
        Path references = temp.resolve("references");
        Files.createDirectories(references);
        Files.copy(TestProjects.astronaut(), references.resolve("a.png"));
        Files.copy(TestProjects.astronaut(), references.resolve("b.png"));
        project = TestProjects.fullProject("a.png", "b.png").withTimeline(MARKS);
    }

    private ObjectNode tree(Project p) throws Exception {
        return (ObjectNode) MAPPER.readTree(ProjectJson.toBytes(p));
    }

    private Project load(ObjectNode tree) throws Exception {
        return ProjectJson.fromBytes(MAPPER.writeValueAsBytes(tree), "project.json", temp.resolve("references"));
    }

    private void assertProblem(Consumer<ObjectNode> edit, String message) throws Exception {
        ObjectNode tree = tree(project);
        edit.accept(tree);
        assertThatThrownBy(() -> load(tree)).isInstanceOf(ProjectFormatException.class).hasMessage(message);
    }

    private static ObjectNode timeline(ObjectNode root) {
        return (ObjectNode) root.get("timeline");
    }

    private static ArrayNode markers(ObjectNode root) {
        return (ArrayNode) root.at("/timeline/markers");
    }

    @Test
    void timelineIsWrittenAsDocumentedAndReadBack() throws Exception {
        ObjectNode tree = tree(project);
        assertThat(tree.get("version").intValue()).isEqualTo(1);
        assertThat(tree.get("timeline")).isEqualTo(MAPPER.readTree(
                "{\"in\": 4, \"out\": 40, \"markers\": [{\"frame\": 12, \"label\": \"cut\"}, {\"frame\": 30}]}"));
        assertThat(load(tree).timeline()).isEqualTo(MARKS);
        assertThat(load(tree)).isEqualTo(project);
    }

    @Test
    void aProjectWithoutMarksHasNoTimelineSectionAndOlderFilesLoad() throws Exception {
        ObjectNode tree = tree(project.withTimeline(TimelineMarks.NONE));
        assertThat(tree.has("timeline")).isFalse();
        assertThat(tree.has("driving_video")).isFalse();
        assertThat(load(tree).timeline()).isEqualTo(TimelineMarks.NONE);
        assertThat(load(tree).drivingVideo()).isNull();
    }

    @Test
    void eachPartOfTheTimelineIsOptional() throws Exception {
        ObjectNode onlyOut = tree(project);
        timeline(onlyOut).remove("in");
        timeline(onlyOut).remove("markers");
        assertThat(load(onlyOut).timeline()).isEqualTo(new TimelineMarks(TimelineMarks.UNSET, 40, List.of()));
        ObjectNode onlyMarkers = tree(project.withTimeline(MARKS.withoutRange()));
        assertThat(onlyMarkers.get("timeline").has("in")).isFalse();
        assertThat(load(onlyMarkers).timeline()).isEqualTo(MARKS.withoutRange());
    }

    @Test
    void timelineFramesMustLieInsideTheProject() throws Exception {
        assertProblem(t -> timeline(t).put("out", 48),
                "project.json: timeline.out: 48 is outside 0..47");
        assertProblem(t -> timeline(t).put("in", -1),
                "project.json: timeline.in: -1 is outside 0..47");
        assertProblem(t -> ((ObjectNode) markers(t).get(1)).put("frame", 60),
                "project.json: timeline.markers[1].frame: 60 is outside 0..47");
    }

    @Test
    void inMustNotLieAfterOut() throws Exception {
        assertProblem(t -> timeline(t).put("in", 41),
                "project.json: timeline.in: the in point 41 lies after the out point 40");
    }

    @Test
    void markerFramesAreUnique() throws Exception {
        assertProblem(t -> ((ObjectNode) markers(t).get(1)).put("frame", 12),
                "project.json: timeline.markers[1].frame: a second marker at frame 12 (also markers[0])");
    }

    @Test
    void markerFieldsAreChecked() throws Exception {
        assertProblem(t -> ((ObjectNode) markers(t).get(0)).put("label", 3),
                "project.json: timeline.markers[0].label: expected a string, got 3");
        assertProblem(t -> ((ObjectNode) markers(t).get(0)).put("colour", "red"),
                "project.json: timeline.markers[0].colour: unknown field");
        assertProblem(t -> ((ObjectNode) markers(t).get(0)).remove("frame"),
                "project.json: timeline.markers[0].frame: missing");
        assertProblem(t -> timeline(t).put("markers", "12"),
                "project.json: timeline.markers: expected an array, got \"12\"");
    }

    @Test
    void drivingVideoInsideTheBundleIsStoredRelativeAndFollowsAMove() throws Exception {
        Path bundleDir = temp.resolve("Walk.fvs");
        ProjectBundle bundle = ProjectBundle.create(bundleDir, Project.createNew("Walk"));
        Path video = bundleDir.resolve("media").resolve("walk.mp4");
        Files.createDirectories(video.getParent());
        Files.write(video, new byte[] {1, 2, 3});
        Project withVideo = bundle.project().withDrivingVideo(new DrivingVideo(video, 59.94))
                .withTimeline(new TimelineMarks(0, 47, List.of(new TimelineMarker(12, "cut"))));
        bundle.save(withVideo);

        JsonNode saved = MAPPER.readTree(Files.readAllBytes(bundle.projectFile()));
        assertThat(saved.get("driving_video")).isEqualTo(MAPPER.readTree("{\"file\": \"media/walk.mp4\", \"fps\": 59.94}"));
        assertThat(ProjectBundle.open(bundleDir).project()).isEqualTo(withVideo);

        Path moved = temp.resolve("Moved.fvs");
        Files.move(bundleDir, moved);
        Project reopened = ProjectBundle.open(moved).project();
        assertThat(reopened.drivingVideo()).isEqualTo(new DrivingVideo(moved.resolve("media/walk.mp4"), 59.94));
        assertThat(reopened.timeline()).isEqualTo(withVideo.timeline());
    }

    @Test
    void drivingVideoOutsideTheBundleIsStoredAbsoluteAndAMissingOneStillLoads() throws Exception {
        Path bundleDir = temp.resolve("Outside.fvs");
        ProjectBundle bundle = ProjectBundle.create(bundleDir, Project.createNew("Outside"));
        Path gone = temp.resolve("elsewhere").resolve("gone.mp4");
        bundle.save(bundle.project().withDrivingVideo(new DrivingVideo(gone, 30)));

        JsonNode saved = MAPPER.readTree(Files.readAllBytes(bundle.projectFile()));
        assertThat(saved.at("/driving_video/file").textValue()).isEqualTo(gone.toAbsolutePath().normalize().toString());
        Project reopened = ProjectBundle.open(bundleDir).project();
        assertThat(reopened.drivingVideo()).isEqualTo(new DrivingVideo(gone, 30));
        assertThat(Files.exists(reopened.drivingVideo().file())).isFalse();
    }

    @Test
    void drivingVideoFieldsAreChecked() throws Exception {
        ObjectNode base = tree(project.withDrivingVideo(new DrivingVideo(temp.resolve("v.mp4"), 25)));
        ObjectNode noFps = base.deepCopy();
        ((ObjectNode) noFps.get("driving_video")).remove("fps");
        assertThatThrownBy(() -> load(noFps)).hasMessage("project.json: driving_video.fps: missing");
        ObjectNode badFps = base.deepCopy();
        ((ObjectNode) badFps.get("driving_video")).put("fps", -2);
        assertThatThrownBy(() -> load(badFps)).hasMessage("project.json: driving_video.fps: -2 is outside 0..1000");
        ObjectNode emptyFile = base.deepCopy();
        ((ObjectNode) emptyFile.get("driving_video")).put("file", " ");
        assertThatThrownBy(() -> load(emptyFile)).hasMessage("project.json: driving_video.file: must not be empty");
        ObjectNode extra = base.deepCopy();
        ((ObjectNode) extra.get("driving_video")).put("frames", 3);
        assertThatThrownBy(() -> load(extra)).hasMessage("project.json: driving_video.frames: unknown field");
    }
}
