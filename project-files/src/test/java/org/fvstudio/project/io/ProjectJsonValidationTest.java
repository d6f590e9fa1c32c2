package org.fvstudio.project.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.fvstudio.project.Project;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Every check of the loader, each with the exact message the user sees. */
class ProjectJsonValidationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path references;

    private Project project;

    @BeforeEach
    void writeImages() throws Exception {
        Files.copy(TestProjects.astronaut(), references.resolve("a.png"));
        Files.copy(TestProjects.astronaut(), references.resolve("b.png"));
        project = TestProjects.fullProject("a.png", "b.png");
    }

    private ObjectNode tree() throws Exception {
        return (ObjectNode) MAPPER.readTree(ProjectJson.toBytes(project));
    }

    private Project load(ObjectNode tree) throws Exception {
        return ProjectJson.fromBytes(MAPPER.writeValueAsBytes(tree), "project.json", references);
    }

    private void assertProblem(Consumer<ObjectNode> edit, String message) throws Exception {
        ObjectNode tree = tree();
        edit.accept(tree);
        assertThatThrownBy(() -> load(tree)).isInstanceOf(ProjectFormatException.class).hasMessage(message);
    }

    private static ObjectNode at(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    private static ArrayNode array(ObjectNode root, String pointer) {
        return (ArrayNode) root.at(pointer);
    }

    @Test
    void theUnchangedTreeLoads() throws Exception {
        assertThat(load(tree())).isEqualTo(project);
    }

    @Test
    void bodyWithTooFewPoints() throws Exception {
        assertProblem(t -> array(t, "/references/1/pose/people/0/body").remove(17),
                "project.json: references[1].pose.people[0].body: expected 18 points, got 17");
    }

    @Test
    void partsHaveTheirFixedSizes() throws Exception {
        assertProblem(t -> array(t, "/target/people/0/keyframes/2/pose/face").remove(0),
                "project.json: target.people[0].keyframes[2].pose.face: expected 68 points, got 67");
        assertProblem(t -> array(t, "/references/1/pose/people/0/left_hand").add(MAPPER.createArrayNode().add(1).add(2).add(1)),
                "project.json: references[1].pose.people[0].left_hand: expected 21 points, got 22");
        assertProblem(t -> at(t, "/references/0/pose/people/0").putArray("feet"),
                "project.json: references[0].pose.people[0].feet: expected 6 points, got 0");
    }

    @Test
    void bodyIsRequiredOtherPartsAreOptional() throws Exception {
        ObjectNode tree = tree();
        at(tree, "/references/0/pose/people/0").remove("face");
        assertThat(load(tree).references().get(0).pose().people().get(0).presentCount())
                .isLessThan(project.references().get(0).pose().people().get(0).presentCount());
        assertProblem(t -> at(t, "/references/0/pose/people/0").remove("body"),
                "project.json: references[0].pose.people[0].body: missing");
    }

    @Test
    void pointsAreThreeFiniteNumbersWithConfidenceInRange() throws Exception {
        assertProblem(t -> ((ArrayNode) t.at("/references/0/pose/people/0/body/3")).remove(2),
                "project.json: references[0].pose.people[0].body[3]: expected 3 values [x, y, confidence], got 2");
        assertProblem(t -> ((ArrayNode) t.at("/references/0/pose/people/0/body/0")).set(2, 1.5),
                "project.json: references[0].pose.people[0].body[0][2]: 1.5 is outside 0..1");
        assertProblem(t -> ((ArrayNode) t.at("/references/0/pose/people/0/body/4")).set(0, "12"),
                "project.json: references[0].pose.people[0].body[4][0]: expected a number, got \"12\"");
        assertProblem(t -> at(t, "/references/0/pose/people/0").put("body", "none"),
                "project.json: references[0].pose.people[0].body: expected an array, got \"none\"");
    }

    @Test
    void unknownFieldsAreRefusedSoTyposAreNotLost() throws Exception {
        assertProblem(t -> at(t, "/references/0").put("colour", "red"),
                "project.json: references[0].colour: unknown field");
        assertProblem(t -> at(t, "/references/0/pose/people/0").set("lefthand", MAPPER.createArrayNode()),
                "project.json: references[0].pose.people[0].lefthand: unknown field");
    }

    @Test
    void referenceIdsAreUniqueAndImagesExistInsideTheBundle() throws Exception {
        assertProblem(t -> at(t, "/references/1").put("id", "ref-1"),
                "project.json: references[1].id: duplicate id \"ref-1\" (also references[0])");
        assertProblem(t -> at(t, "/references/1").put("image", "missing.png"),
                "project.json: references[1].image: references/missing.png does not exist");
        assertProblem(t -> at(t, "/references/0").put("image", "../a.png"),
                "project.json: references[0].image: \"../a.png\" must be a plain file name inside references/");
        assertProblem(t -> at(t, "/references/0").put("id", " "),
                "project.json: references[0].id: must not be empty");
    }

    @Test
    void enumerationsNameTheirAllowedValues() throws Exception {
        assertProblem(t -> at(t, "/references/0").put("scale", "extreme"),
                "project.json: references[0].scale: unknown shot scale 'extreme' (expected close-up, medium, wide or other)");
        assertProblem(t -> at(t, "/target/people/0/keyframes/1").put("interpolation", "bezier"),
                "project.json: target.people[0].keyframes[1].interpolation: unknown interpolation 'bezier' (expected constant, linear, ease-in-out or smooth)");
        assertProblem(t -> at(t, "/generation").put("device", "tpu"),
                "project.json: generation.device: expected auto, cpu or cuda, got \"tpu\"");
        assertProblem(t -> at(t, "/references/0").put("enabled", "yes"),
                "project.json: references[0].enabled: expected true or false, got \"yes\"");
    }

    @Test
    void topLevelNumbersAreChecked() throws Exception {
        assertProblem(t -> t.put("fps", 0), "project.json: fps: 0.0 is outside (0, 240]");
        assertProblem(t -> t.put("frame_count", 2.5), "project.json: frame_count: expected a whole number, got 2.5");
        assertProblem(t -> t.put("frame_count", 0), "project.json: frame_count: 0 is outside 1..1000000");
        assertProblem(t -> at(t, "/canvas").put("width", 8), "project.json: canvas.width: 8 is outside 16..8192");
        assertProblem(t -> t.remove("name"), "project.json: name: missing");
        assertProblem(t -> t.put("name", 7), "project.json: name: expected a string, got 7");
    }

    @Test
    void keyframesLieWithinTheProjectAndAreUniquePerTrack() throws Exception {
        assertProblem(t -> at(t, "/target/people/0/keyframes/8").put("frame", 48),
                "project.json: target.people[0].keyframes[8].frame: 48 is outside 0..47");
        assertProblem(t -> at(t, "/target/people/0/keyframes/2").put("frame", 5),
                "project.json: target.people[0].keyframes[2].frame: a second keyframe at frame 5 (also keyframes[1])");
        assertProblem(t -> at(t, "/camera/keyframes/1").put("frame", -1),
                "project.json: camera.keyframes[1].frame: -1 is outside 0..47");
    }

    @Test
    void cameraValuesAreChecked() throws Exception {
        assertProblem(t -> at(t, "/camera/keyframes/0").put("zoom", 0),
                "project.json: camera.keyframes[0].zoom: 0.0 is outside (0, 1000]");
        assertProblem(t -> array(t, "/camera/keyframes/1/pan").remove(1),
                "project.json: camera.keyframes[1].pan: expected 2 numbers [x, y], got 1");
        assertProblem(t -> at(t, "/camera/keyframes/2").put("cut", 1),
                "project.json: camera.keyframes[2].cut: expected true or false, got 1");
    }

    @Test
    void generationSettingsAreChecked() throws Exception {
        assertProblem(t -> at(t, "/generation").put("steps", 0), "project.json: generation.steps: 0 is outside 1..1000");
        assertProblem(t -> at(t, "/generation").put("guidance", 51.0), "project.json: generation.guidance: 51 is outside 0..50");
        assertProblem(t -> array(t, "/generation/references_used").add("ref-7"),
                "project.json: generation.references_used[1]: no reference with id \"ref-7\"");
        assertProblem(t -> at(t, "/generation").put("token_budget", -1),
                "project.json: generation.token_budget: -1 is outside 0..65536");
        // issue 20 item 9: 2^31-1 was accepted and asked for arrays the VM cannot make
        assertProblem(t -> at(t, "/generation").put("token_budget", Integer.MAX_VALUE),
                "project.json: generation.token_budget: 2147483647 is outside 0..65536");
    }

    @Test
    void optionalSectionsAndFieldsTakeTheirDefaults() throws Exception {
        ObjectNode tree = tree();
        tree.remove("camera");
        tree.remove("generation");
        at(tree, "/references/0").remove("note");
        at(tree, "/references/0").remove("enabled");
        at(tree, "/target/people/0/keyframes/0").remove("interpolation");
        Project loaded = load(tree);
        assertThat(loaded.camera().isEmpty()).isTrue();
        assertThat(loaded.generation()).isEqualTo(org.fvstudio.project.GenerationSettings.DEFAULTS);
        assertThat(loaded.references().get(0).note()).isEmpty();
        assertThat(loaded.references().get(0).enabled()).isTrue();
        assertThat(loaded.target().people().get(0).keyframes().get(0).interpolation())
                .isEqualTo(org.fvstudio.timeline.Interpolation.LINEAR);
    }

    @Test
    void notAProjectFile() throws Exception {
        assertProblem(t -> t.put("format", "other-app"),
                "project.json: format: expected \"fvstudio-project\", got \"other-app\": not an FV Studio project");
        assertProblem(t -> t.remove("format"), "project.json: format: missing: not an FV Studio project");
        assertThatThrownBy(() -> ProjectJson.fromBytes("[1, 2]".getBytes(StandardCharsets.UTF_8), "project.json", references))
                .hasMessage("project.json: expected a JSON object at the top level, got an array");
        assertThatThrownBy(() -> ProjectJson.fromBytes("{\"format\": \"fvstudio-project\",\n \"version\": }".getBytes(StandardCharsets.UTF_8),
                "project.json", references))
                .isInstanceOf(ProjectFormatException.class)
                .hasMessage("project.json: not valid JSON at line 2, column 13: found '}' where a value should be");
        assertThatThrownBy(() -> ProjectJson.fromBytes(new byte[0], "project.json", references))
                .hasMessage("project.json: is empty");
    }

    @Test
    void newerVersionsAreRefusedClearly() throws Exception {
        assertProblem(t -> t.put("version", 3), "project.json: made by a newer FV Studio: version 3, this build reads up to 1");
        assertProblem(t -> t.put("version", "1"), "project.json: version: expected a whole number, got \"1\"");
        assertProblem(t -> t.put("version", -2), "project.json: version: -2 is not a valid version");
    }

    @Test
    void exceptionCarriesFilePathAndProblemSeparately() throws Exception {
        ObjectNode tree = tree();
        array(tree, "/references/1/pose/people/0/body").remove(0);
        ProjectFormatException e = org.junit.jupiter.api.Assertions.assertThrows(ProjectFormatException.class, () -> load(tree));
        assertThat(e.fileName()).isEqualTo("project.json");
        assertThat(e.jsonPath()).isEqualTo("references[1].pose.people[0].body");
        assertThat(e.problem()).isEqualTo("expected 18 points, got 17");
    }
}
