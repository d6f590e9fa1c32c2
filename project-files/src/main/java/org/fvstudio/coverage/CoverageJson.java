package org.fvstudio.coverage;

import org.fvstudio.project.Project;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A {@link CoverageReport} as JSON (what {@code fvstudio coverage --json} prints). */
public final class CoverageJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CoverageJson() {
    }

    public static ObjectNode of(CoverageReport report, Project project) {
        ObjectNode root = NODES.objectNode();
        root.put("project", project.name());
        root.put("frames", report.frames());
        root.put("frames_generated", report.framesGenerated());
        ArrayNode advice = root.putArray("advice");
        for (CoverageAdvice a : report.advice()) {
            ObjectNode node = advice.addObject();
            node.put("kind", a.kind().jsonName());
            node.put("first_frame", a.firstFrame());
            node.put("last_frame", a.lastFrame());
            node.put("message", a.message());
            node.put("shot_to_add", a.shotToAdd());
            if (!a.evidence().isEmpty()) {
                node.put("evidence", a.evidence());
            }
        }
        ArrayNode references = root.putArray("references");
        for (CoverageReport.ReferenceSummary r : report.references()) {
            ObjectNode node = references.addObject();
            node.put("id", r.id());
            node.put("name", r.name());
            node.put("scale", r.scale().jsonName());
            node.put("facing", r.reading().facing().jsonName());
            ArrayNode regions = node.putArray("regions");
            for (BodyRegion region : BodyRegion.body()) {
                if (r.reading().shows(region)) {
                    regions.add(region.jsonName());
                }
            }
            if (Double.isFinite(r.reading().faceHeight())) {
                node.put("face_height_px", Math.round(r.reading().faceHeight() * 10) / 10.0);
            }
        }
        FeedMatrix feed = report.shotFeed();
        if (feed != null) {
            ObjectNode matrix = root.putObject("feed_over_generated_frames");
            for (int n = 0; n < feed.referenceIds().size(); n++) {
                ObjectNode row = matrix.putObject(feed.referenceIds().get(n));
                for (BodyRegion region : BodyRegion.values()) {
                    row.put(region.jsonName(), Math.round(feed.share(n, region) * 10000) / 10000.0);
                }
            }
        }
        return root;
    }
}
