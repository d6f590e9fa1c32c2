package org.fvstudio.pose.openpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Test-side access to the raw JSON and the documented index mappings (../shared/data/README.md). */
final class RawPoseFiles {

    /** README "Layout conversions": OpenPose-18 body point j comes from BODY_25 index BODY_25[j]. */
    static final int[] BODY_25 = {0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18};
    static final int[] BODY_25B = {0, 17, 6, 8, 10, 5, 7, 9, 12, 14, 16, 11, 13, 15, 2, 1, 4, 3};
    /** OpenPose BODY_25 / 25B feet 19-24 are in COCO-WholeBody order, the order of DWPose's six foot points. */
    static final int FIRST_FOOT = 19;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RawPoseFiles() {
    }

    static Path resource(String name) {
        try {
            return Path.of(RawPoseFiles.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    static JsonNode json(Path file) throws IOException {
        return MAPPER.readTree(file.toFile());
    }

    /** Asserts that DWPose point {@code index} is raw point {@code rawIndex} of {@code raw} times the scale, or missing. */
    static void assertPoint(PersonPose person, int index, JsonNode raw, int rawIndex, double sx, double sy) {
        double x = raw.get(3 * rawIndex).doubleValue();
        double y = raw.get(3 * rawIndex + 1).doubleValue();
        double c = raw.get(3 * rawIndex + 2).doubleValue();
        if (c == 0 || (x == 0 && y == 0)) {
            assertThat(person.confidence(index)).as("point %d missing", index).isZero();
        } else {
            assertThat(person.x(index)).as("x of point %d", index).isCloseTo(x * sx, within(1e-9));
            assertThat(person.y(index)).as("y of point %d", index).isCloseTo(y * sy, within(1e-9));
            assertThat(person.confidence(index)).as("confidence of point %d", index).isEqualTo(c);
        }
    }

    static void assertPart(PersonPose person, BodyPart part, JsonNode raw, double sx, double sy) {
        if (raw == null || raw.isNull() || raw.isEmpty()) {
            assertThat(person.hasAnyPresent(part)).as(part + " absent").isFalse();
            return;
        }
        for (int i = 0; i < part.size(); i++) {
            assertPoint(person, part.offset() + i, raw, i, sx, sy);
        }
    }

    /** Asserts every imported point against the raw person of a BODY_25/25B, 18-point file. */
    static void assertPerson(PersonPose person, JsonNode raw, int[] bodyMapping, boolean feet, double sx, double sy) {
        JsonNode body = raw.get("pose_keypoints_2d");
        for (int j = 0; j < 18; j++) {
            assertPoint(person, j, body, bodyMapping[j], sx, sy);
        }
        for (int f = 0; f < 6; f++) {
            if (feet) {
                assertPoint(person, BodyPart.FEET.offset() + f, body, FIRST_FOOT + f, sx, sy);
            } else {
                assertThat(person.confidence(BodyPart.FEET.offset() + f)).isZero();
            }
        }
        assertPart(person, BodyPart.FACE, raw.get("face_keypoints_2d"), sx, sy);
        assertPart(person, BodyPart.LEFT_HAND, raw.get("hand_left_keypoints_2d"), sx, sy);
        assertPart(person, BodyPart.RIGHT_HAND, raw.get("hand_right_keypoints_2d"), sx, sy);
    }

    static void assertSamePoses(Pose actual, Pose expected) {
        assertThat(actual.canvasWidth()).isEqualTo(expected.canvasWidth());
        assertThat(actual.canvasHeight()).isEqualTo(expected.canvasHeight());
        assertThat(actual.people()).hasSameSizeAs(expected.people());
        for (int p = 0; p < expected.people().size(); p++) {
            double[] a = actual.people().get(p).toFlat();
            double[] e = expected.people().get(p).toFlat();
            for (int i = 0; i < e.length; i++) {
                assertThat(a[i]).as("person %d value %d", p, i).isCloseTo(e[i], within(1e-3));
            }
        }
    }
}
