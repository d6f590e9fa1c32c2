package org.fvstudio.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;

/** Real Pose2Sim skeletons (18-point OpenPose body, pixels) from the test resources. */
final class TestPoses {

    private TestPoses() {
    }

    /** The first person of a resource file such as {@code pose2sim_cam01_0000.json}. */
    static Pose load(String resource) throws IOException {
        try (InputStream in = TestPoses.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            JsonNode json = new ObjectMapper().readTree(in);
            JsonNode body = json.path("people").get(0).path("pose_keypoints_2d");
            double[] flat = new double[PersonPose.KEYPOINT_COUNT * 3];
            for (int i = 0; i < body.size(); i++) {
                flat[i] = body.get(i).asDouble();
            }
            return new Pose(json.path("canvas_width").asInt(), json.path("canvas_height").asInt(),
                    java.util.List.of(PersonPose.ofFlat(flat)));
        }
    }
}
