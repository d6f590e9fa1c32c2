package org.fvstudio.pose.render;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;

/**
 * Reads the OpenPose JSON of the render vectors (pixel coordinates, 18-point bodies) for tests,
 * independently of the project's importer. Face arrays of 70 points drop the two pupils.
 */
final class OpenPoseTestJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OpenPoseTestJson() {
    }

    static Pose read(String resource) throws IOException {
        try (InputStream in = OpenPoseTestJson.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            JsonNode root = MAPPER.readTree(in);
            List<PersonPose> people = new ArrayList<>();
            for (JsonNode person : root.path("people")) {
                double[] flat = new double[PersonPose.KEYPOINT_COUNT * 3];
                copy(person.path("pose_keypoints_2d"), flat, BodyPart.BODY);
                copy(person.path("face_keypoints_2d"), flat, BodyPart.FACE);
                copy(person.path("hand_left_keypoints_2d"), flat, BodyPart.LEFT_HAND);
                copy(person.path("hand_right_keypoints_2d"), flat, BodyPart.RIGHT_HAND);
                people.add(PersonPose.ofFlat(flat));
            }
            return new Pose(root.path("canvas_width").asInt(), root.path("canvas_height").asInt(), people);
        }
    }

    private static void copy(JsonNode values, double[] flat, BodyPart part) {
        if (!values.isArray() || values.size() == 0) {
            return;
        }
        int points = Math.min(values.size() / 3, part.size());
        for (int i = 0; i < points; i++) {
            int g = part.offset() + i;
            flat[3 * g] = values.get(3 * i).asDouble();
            flat[3 * g + 1] = values.get(3 * i + 1).asDouble();
            flat[3 * g + 2] = values.get(3 * i + 2).asDouble();
        }
    }
}
