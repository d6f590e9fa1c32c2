package org.fvstudio.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a Pose as an OpenPose / ControlNet JSON file (pixel coordinates, missing points as 0, 0, 0):
 * pose_keypoints_2d (18 body points), foot_keypoints_2d (6), face_keypoints_2d (68),
 * hand_left_keypoints_2d and hand_right_keypoints_2d (21 each), canvas_width, canvas_height.
 */
final class PoseJsonFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PoseJsonFiles() {
    }

    static ObjectNode toJson(Pose pose) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1.3);
        root.put("canvas_width", pose.canvasWidth());
        root.put("canvas_height", pose.canvasHeight());
        ArrayNode people = root.putArray("people");
        for (PersonPose person : pose.people()) {
            ObjectNode p = people.addObject();
            points(p.putArray("pose_keypoints_2d"), person, BodyPart.BODY);
            points(p.putArray("foot_keypoints_2d"), person, BodyPart.FEET);
            points(p.putArray("face_keypoints_2d"), person, BodyPart.FACE);
            points(p.putArray("hand_left_keypoints_2d"), person, BodyPart.LEFT_HAND);
            points(p.putArray("hand_right_keypoints_2d"), person, BodyPart.RIGHT_HAND);
        }
        return root;
    }

    /** Writes through a temporary file and a rename, so a failure never leaves half a file. */
    static void write(Pose pose, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), toJson(pose));
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void points(ArrayNode array, PersonPose person, BodyPart part) {
        for (Keypoint k : person.part(part)) {
            if (k.isPresent()) {
                array.add(round(k.x())).add(round(k.y())).add(round(k.confidence()));
            } else {
                array.add(0.0).add(0.0).add(0.0);
            }
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
