package org.fvstudio.timeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;

/** The real Pose2Sim cam03 sequence (100 frames, BODY_25B, 1088x1920), read directly for tests. */
final class Pose2SimTestSequence {

    /** BODY_25B index of each of the 18 OpenPose body points (17 is the upper neck). */
    static final int[] BODY_25B_TO_18 = {0, 17, 6, 8, 10, 5, 7, 9, 12, 14, 16, 11, 13, 15, 2, 1, 4, 3};
    static final int WIDTH = 1088;
    static final int HEIGHT = 1920;

    private Pose2SimTestSequence() {
    }

    static List<Pose> cam03() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Pose> frames = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String name = String.format("/poses/pose2sim/cam03/cam03.%04d.json", i);
            try (InputStream in = Pose2SimTestSequence.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException("missing test resource " + name);
                }
                JsonNode root = mapper.readTree(in);
                List<PersonPose> people = new ArrayList<>();
                for (JsonNode person : root.path("people")) {
                    JsonNode k = person.path("pose_keypoints_2d");
                    double[] flat = new double[PersonPose.KEYPOINT_COUNT * 3];
                    for (int j = 0; j < 18; j++) {
                        int src = BODY_25B_TO_18[j];
                        double x = k.get(3 * src).asDouble();
                        double y = k.get(3 * src + 1).asDouble();
                        double c = k.get(3 * src + 2).asDouble();
                        if (c > 0 && !(x == 0 && y == 0)) {
                            flat[3 * j] = x;
                            flat[3 * j + 1] = y;
                            flat[3 * j + 2] = c;
                        }
                    }
                    people.add(PersonPose.ofFlat(flat));
                }
                frames.add(new Pose(WIDTH, HEIGHT, people));
            }
        }
        return frames;
    }
}
