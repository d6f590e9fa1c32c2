package org.fvstudio.project.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.fvstudio.project.MotionSource;
import org.fvstudio.project.Project;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.OrbitCameraTrack;
import org.fvstudio.timeline.OrbitKeyframe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The optional "motion" section: the BVH a target was built from and its orbit camera keys. */
class MotionSourceJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OrbitCameraTrack ORBIT = OrbitCameraTrack.of(
            new OrbitKeyframe(0, 0, 10, 5.5, 700, 0.1, 0.9, -0.2, Interpolation.LINEAR),
            new OrbitKeyframe(550, 180, 10, 5.5, 700, 0.1, 0.9, -0.2, Interpolation.SMOOTH));

    @TempDir
    Path temp;

    private ObjectNode savedTree(Path bundleDir, Path bvh) throws Exception {
        ProjectBundle bundle = ProjectBundle.create(bundleDir, Project.createNew("Mocap"));
        bundle.save(bundle.project().withMotion(new MotionSource(bvh, ORBIT)));
        return (ObjectNode) MAPPER.readTree(Files.readAllBytes(bundle.projectFile()));
    }

    @Test
    void bvhInsideTheBundleIsRelativeAndTheOrbitKeysRoundTrip() throws Exception {
        Path dir = temp.resolve("Mocap.fvs");
        Path bvh = dir.resolve("motion").resolve("walk.bvh");
        JsonNode motion = savedTree(dir, bvh).get("motion");
        assertThat(motion.get("bvh").textValue()).isEqualTo("motion/walk.bvh");
        assertThat(motion.get("orbit").get(1)).isEqualTo(MAPPER.readTree("{\"frame\": 550, \"yaw\": 180.0, \"elevation\": 10.0,"
                + " \"distance\": 5.5, \"focal_length\": 700.0, \"target\": [0.1, 0.9, -0.2], \"interpolation\": \"smooth\"}"));
        // A missing BVH does not stop the project from opening.
        Project reopened = ProjectBundle.open(dir).project();
        assertThat(reopened.motion()).isEqualTo(new MotionSource(bvh, ORBIT));
        assertThat(Files.exists(bvh)).isFalse();
    }

    @Test
    void bvhOutsideTheBundleIsAbsolute() throws Exception {
        Path bvh = temp.resolve("library").resolve("run.bvh");
        JsonNode motion = savedTree(temp.resolve("Out.fvs"), bvh).get("motion");
        assertThat(motion.get("bvh").textValue()).isEqualTo(bvh.toAbsolutePath().normalize().toString());
    }

    private void assertProblem(Consumer<ObjectNode> edit, String message) throws Exception {
        Path dir = Files.createTempDirectory(temp, "bad").resolve("Bad.fvs");
        ObjectNode tree = savedTree(dir, dir.resolve("m.bvh"));
        edit.accept(tree);
        assertThatThrownBy(() -> ProjectJson.fromBytes(MAPPER.writeValueAsBytes(tree), "project.json",
                dir.resolve("references"))).isInstanceOf(ProjectFormatException.class).hasMessage(message);
    }

    private static ObjectNode key(ObjectNode root, int i) {
        return (ObjectNode) root.at("/motion/orbit/" + i);
    }

    @Test
    void orbitKeysAreValidatedWithTheirPaths() throws Exception {
        assertProblem(t -> key(t, 1).put("distance", 0),
                "project.json: motion.orbit[1].distance: expected a positive number, got 0");
        assertProblem(t -> key(t, 0).put("elevation", 90),
                "project.json: motion.orbit[0].elevation: 90 must lie strictly between -90 and 90 degrees");
        assertProblem(t -> key(t, 1).put("frame", 0),
                "project.json: motion.orbit[1].frame: a second keyframe at frame 0 (also keyframes[0])");
        assertProblem(t -> key(t, 0).putArray("target").add(1).add(2),
                "project.json: motion.orbit[0].target: expected 3 numbers [x, y, z], got 2");
        assertProblem(t -> ((ObjectNode) t.get("motion")).putArray("orbit"),
                "project.json: motion.orbit: an orbit camera needs at least one keyframe");
        assertProblem(t -> ((ObjectNode) t.get("motion")).remove("bvh"),
                "project.json: motion.bvh: missing");
        assertProblem(t -> key(t, 0).put("roll", 3),
                "project.json: motion.orbit[0].roll: unknown field");
    }
}
