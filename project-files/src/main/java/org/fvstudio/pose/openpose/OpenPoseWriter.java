package org.fvstudio.pose.openpose;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Exports poses as standard OpenPose JSON that ControlNet editors read: {@code canvas_width},
 * {@code canvas_height} and per person an 18-point {@code pose_keypoints_2d}, a 70-point
 * {@code face_keypoints_2d} (the two pupils written as missing) and 21-point hands; a part with no
 * point present is written as an empty array, as OpenPose does; missing points are 0, 0, 0. When a
 * person has feet they go into the extra field {@code foot_keypoints_2d} (6 points, DWPose order),
 * which other tools ignore and {@link OpenPoseReader} reads back; {@link #withoutFeet()} leaves it out.
 * <p>
 * Normalised output divides by the canvas size. A reader applying the editors' rule sees pixels
 * if a point lies outside the canvas (a value above 1), so export normalised only poses inside it.
 */
public final class OpenPoseWriter {

    static final String FRAME_FILE_FORMAT = "frame_%012d_keypoints.json";
    private static final Pattern FRAME_FILE = Pattern.compile("frame_[0-9]{12}_keypoints\\.json");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final boolean feet;

    public OpenPoseWriter() {
        this(true);
    }

    private OpenPoseWriter(boolean feet) {
        this.feet = feet;
    }

    /** A writer that writes only the standard OpenPose fields. */
    public OpenPoseWriter withoutFeet() {
        return new OpenPoseWriter(false);
    }

    public void writeFrame(Pose pose, Path file, CoordinateMode mode) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // Through a temporary file and a rename, so a failed write never leaves half a pose file.
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            MAPPER.writeValue(tmp.toFile(), frame(pose, mode));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    ObjectNode frame(Pose pose, CoordinateMode mode) {
        double sx = mode == CoordinateMode.NORMALISED ? 1.0 / pose.canvasWidth() : 1;
        double sy = mode == CoordinateMode.NORMALISED ? 1.0 / pose.canvasHeight() : 1;
        ObjectNode root = NODES.objectNode();
        root.put("version", 1.3);
        root.put("canvas_width", pose.canvasWidth());
        root.put("canvas_height", pose.canvasHeight());
        ArrayNode people = root.putArray("people");
        for (PersonPose person : pose.people()) {
            ObjectNode p = people.addObject();
            p.set(OpenPoseJsonParser.BODY, values(person, BodyPart.BODY, 0, sx, sy, true));
            p.set(OpenPoseJsonParser.FACE, values(person, BodyPart.FACE, 2, sx, sy, false));
            p.set(OpenPoseJsonParser.LEFT_HAND, values(person, BodyPart.LEFT_HAND, 0, sx, sy, false));
            p.set(OpenPoseJsonParser.RIGHT_HAND, values(person, BodyPart.RIGHT_HAND, 0, sx, sy, false));
            if (feet && person.hasAnyPresent(BodyPart.FEET)) {
                p.set(OpenPoseJsonParser.FEET, values(person, BodyPart.FEET, 0, sx, sy, true));
            }
        }
        return root;
    }

    private static ArrayNode values(PersonPose person, BodyPart part, int missingTail, double sx, double sy, boolean always) {
        ArrayNode array = NODES.arrayNode();
        if (!always && !person.hasAnyPresent(part)) {
            return array;
        }
        for (int i = part.offset(); i < part.offset() + part.size(); i++) {
            if (person.confidence(i) > 0) {
                array.add(person.x(i) * sx).add(person.y(i) * sy).add(person.confidence(i));
            } else {
                array.add(0.0).add(0.0).add(0.0);
            }
        }
        for (int i = 0; i < missingTail; i++) {
            array.add(0.0).add(0.0).add(0.0);
        }
        return array;
    }
}
