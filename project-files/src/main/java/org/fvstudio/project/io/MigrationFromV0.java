package org.fvstudio.project.io;

import java.util.List;

import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.PersonPose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Version 0 is the pre-release layout written by the development builds before the schema was
 * frozen (documented here because no other record of it exists). It differs from version 1 in
 * three ways:
 * <ul>
 *   <li>{@code "frames": N} instead of {@code "frame_count"}, and {@code "width"}, {@code "height"}
 *       at the top level instead of {@code "canvas": {"width", "height"}};</li>
 *   <li>a pose is {@code {"width", "height", "people"}} (no canvas object), and every person is
 *       {@code {"keypoints": [x0, y0, c0, ..., x133, y133, c133]}}: one flat array of the 134
 *       DWPose points instead of the body / feet / face / hand parts;</li>
 *   <li>there are no {@code camera} and {@code generation} sections (version 1 defaults apply).</li>
 * </ul>
 */
final class MigrationFromV0 implements ProjectMigration {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public int fromVersion() {
        return 0;
    }

    @Override
    public void migrate(JsonAt root) throws ProjectFormatException {
        ObjectNode node = (ObjectNode) root.object().node();
        node.set("frame_count", root.field("frames").node());
        node.remove("frames");
        node.set("canvas", canvas(root));
        node.remove("width");
        node.remove("height");
        if (root.has("references")) {
            for (JsonAt ref : root.field("references").array()) {
                JsonAt pose = ref.object().field("pose");
                ObjectNode poseNode = (ObjectNode) pose.object().node();
                poseNode.set("canvas", canvas(pose));
                poseNode.remove("width");
                poseNode.remove("height");
                ArrayNode people = (ArrayNode) pose.field("people").node();
                List<JsonAt> items = pose.field("people").array();
                for (int i = 0; i < items.size(); i++) {
                    people.set(i, person(items.get(i)));
                }
            }
        }
        if (root.has("target")) {
            for (JsonAt track : root.field("target").object().field("people").array()) {
                for (JsonAt key : track.object().field("keyframes").array()) {
                    ((ObjectNode) key.object().node()).set("pose", person(key.field("pose")));
                }
            }
        }
    }

    private static ObjectNode canvas(JsonAt owner) throws ProjectFormatException {
        ObjectNode canvas = NODES.objectNode();
        canvas.set("width", owner.field("width").node());
        canvas.set("height", owner.field("height").node());
        return canvas;
    }

    private static ObjectNode person(JsonAt at) throws ProjectFormatException {
        List<JsonAt> values = at.object().field("keypoints").array(PersonPose.KEYPOINT_COUNT * 3,
                "numbers (" + PersonPose.KEYPOINT_COUNT + " points of x, y, confidence)");
        ObjectNode person = NODES.objectNode();
        for (BodyPart part : BodyPart.values()) {
            ArrayNode points = NODES.arrayNode();
            boolean anyPresent = false;
            for (int i = part.offset(); i < part.offset() + part.size(); i++) {
                JsonNode c = values.get(3 * i + 2).node();
                anyPresent |= !c.isNumber() || c.doubleValue() != 0;
                points.addArray().add(values.get(3 * i).node()).add(values.get(3 * i + 1).node()).add(c);
            }
            if (part == BodyPart.BODY || anyPresent) {
                person.set(part.jsonName(), points);
            }
        }
        return person;
    }
}
