package org.fvstudio.project.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.fvstudio.pose.PersonPose;
import org.fvstudio.project.GenerationSettings;
import org.fvstudio.project.Project;
import org.fvstudio.project.ShotScale;
import org.fvstudio.timeline.Interpolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class MigrationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path temp;

    private Path legacyCopy() throws Exception {
        Path source = TestProjects.resource("projects/v0/Legacy.fvs");
        Path copy = Files.createDirectories(temp.resolve("Legacy.fvs/references"));
        Files.copy(source.resolve("project.json"), copy.getParent().resolve("project.json"));
        Files.copy(source.resolve("references/collins.png"), copy.resolve("collins.png"));
        return copy.getParent();
    }

    private static double[] flatKeypoints(JsonNode person) {
        JsonNode values = person.get("keypoints");
        double[] flat = new double[values.size()];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = values.get(i).doubleValue();
        }
        return flat;
    }

    @Test
    void versionZeroBundleOpensAsVersionOne() throws Exception {
        Path dir = legacyCopy();
        JsonNode raw = MAPPER.readTree(dir.resolve("project.json").toFile());

        Project project = ProjectBundle.open(dir).project();

        assertThat(project.name()).isEqualTo(raw.get("name").textValue());
        assertThat(project.frameCount()).isEqualTo(raw.get("frames").intValue());
        assertThat(project.canvasWidth()).isEqualTo(raw.get("width").intValue());
        assertThat(project.canvasHeight()).isEqualTo(raw.get("height").intValue());
        assertThat(project.references()).hasSize(1);
        assertThat(project.references().get(0).scale()).isEqualTo(ShotScale.MEDIUM);
        assertThat(project.references().get(0).pose().canvasWidth()).isEqualTo(1280);
        JsonNode rawRef = raw.at("/references/0/pose/people/0");
        assertThat(project.references().get(0).pose().people().get(0).toFlat()).containsExactly(flatKeypoints(rawRef));
        JsonNode rawKeys = raw.at("/target/people/0/keyframes");
        assertThat(project.target().people().get(0).keyframes()).hasSize(2);
        PersonPose last = project.target().people().get(0).keyframes().get(1).pose();
        assertThat(last.toFlat()).containsExactly(flatKeypoints(rawKeys.get(1).get("pose")));
        assertThat(last.presentCount()).isGreaterThan(100);
        assertThat(project.target().people().get(0).keyframes().get(1).interpolation()).isEqualTo(Interpolation.SMOOTH);
        assertThat(project.camera().isEmpty()).isTrue();
        assertThat(project.generation()).isEqualTo(GenerationSettings.DEFAULTS);
    }

    @Test
    void savingAMigratedProjectWritesVersionOne() throws Exception {
        Path dir = legacyCopy();
        ProjectBundle bundle = ProjectBundle.open(dir);
        bundle.save(bundle.project());

        JsonNode saved = MAPPER.readTree(dir.resolve("project.json").toFile());
        assertThat(saved.get("version").intValue()).isEqualTo(1);
        assertThat(saved.has("frame_count")).isTrue();
        assertThat(MAPPER.readTree(dir.resolve("project.json.bak").toFile()).get("version").intValue()).isZero();
        assertThat(ProjectBundle.open(dir).project()).isEqualTo(bundle.project());
    }

    @Test
    void problemsInAVersionZeroFileNameItsOwnLayout() throws Exception {
        Path dir = legacyCopy();
        ObjectNode tree = (ObjectNode) MAPPER.readTree(dir.resolve("project.json").toFile());
        ((ArrayNode) tree.at("/references/0/pose/people/0/keypoints")).remove(0);
        byte[] bytes = MAPPER.writeValueAsBytes(tree);

        assertThatThrownBy(() -> ProjectJson.fromBytes(bytes, "project.json", dir.resolve("references")))
                .hasMessage("project.json (version 0, which cannot be migrated to version 1): references[0].pose.people[0]"
                        + ".keypoints: expected 402 numbers (134 points of x, y, confidence), got 401");

        ObjectNode noFrames = (ObjectNode) MAPPER.readTree(dir.resolve("project.json").toFile());
        noFrames.remove("frames");
        assertThatThrownBy(() -> ProjectJson.fromBytes(MAPPER.writeValueAsBytes(noFrames), "project.json", null))
                .hasMessage("project.json (version 0, which cannot be migrated to version 1): frames: missing");
    }

    @Test
    void aVersionOneFileLabelledVersionZeroIsToldWhatToChange() throws Exception {
        Path dir = legacyCopy();
        ObjectNode tree = (ObjectNode) MAPPER.readTree(dir.resolve("project.json").toFile());
        tree.set("frame_count", tree.remove("frames"));

        // issue 20 item 8: this said only "project.json: frames: missing"
        assertThatThrownBy(() -> ProjectJson.fromBytes(MAPPER.writeValueAsBytes(tree), "project.json", null))
                .hasMessage("project.json (version 0, which cannot be migrated to version 1): frames: missing (it has"
                        + " version 1's \"frame_count\": if it was written as version 1, set \"version\": 1)");
    }

    @Test
    void checksAfterMigrationSayTheFileWasMigrated() throws Exception {
        Path dir = legacyCopy();
        ObjectNode tree = (ObjectNode) MAPPER.readTree(dir.resolve("project.json").toFile());
        ((ObjectNode) tree.at("/target/people/0/keyframes/1")).put("frame", 10);

        assertThatThrownBy(() -> ProjectJson.fromBytes(MAPPER.writeValueAsBytes(tree), "project.json", null))
                .hasMessage("project.json (migrated from version 0): target.people[0].keyframes[1].frame: 10 is outside 0..9");
    }
}
