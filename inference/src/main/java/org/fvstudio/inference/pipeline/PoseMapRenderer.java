package org.fvstudio.inference.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.fvstudio.inference.image.ImageTensors;
import org.fvstudio.inference.pack.PackManifest;
import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.render.DwposeRenderer;
import org.fvstudio.pose.render.RgbImage;

/**
 * Pose -> model input (docs/model-pack.md section 3): keypoints stretched from the pose's canvas to the map
 * size, only the parts the pack lists, drawn at map size by the studio's one DWPose renderer, RGB / 255, CHW.
 * Not thread-safe: {@link #render} draws into one picture it keeps.
 */
public final class PoseMapRenderer {

    private final DwposeRenderer renderer = new DwposeRenderer();
    private final PackManifest.PoseMapSpec spec;
    private final RgbImage scratch;

    public PoseMapRenderer(PackManifest.PoseMapSpec spec) {
        if (!"stretch".equals(spec.fit())) {
            throw new IllegalArgumentException("pose map fit '" + spec.fit() + "' is not supported (only stretch)");
        }
        this.spec = spec;
        this.scratch = new RgbImage(spec.width(), spec.height());
    }

    public RgbImage renderImage(Pose pose) {
        RgbImage image = new RgbImage(spec.width(), spec.height());
        renderer.renderInto(atMapSize(pose), image);
        return image;
    }

    /** {@code [3, H, W]} in [0, 1]. */
    public float[] render(Pose pose) {
        renderer.renderInto(atMapSize(pose), scratch);
        return ImageTensors.toChw(scratch, 1 / 255.0, 0);
    }

    private Pose atMapSize(Pose pose) {
        double sx = (double) spec.width() / pose.canvasWidth();
        double sy = (double) spec.height() / pose.canvasHeight();
        List<PersonPose> people = new ArrayList<>();
        for (PersonPose person : pose.people()) {
            people.add(keepListedParts(person.transformed(sx, 0, 0, sy, 0, 0)));
        }
        return new Pose(spec.width(), spec.height(), people);
    }

    public int size() {
        return 3 * spec.width() * spec.height();
    }

    private PersonPose keepListedParts(PersonPose person) {
        PersonPose out = person;
        for (BodyPart part : BodyPart.values()) {
            if (part != BodyPart.BODY && !listed(part)) {
                out = out.withPart(part, Collections.nCopies(part.size(), Keypoint.MISSING));
            }
        }
        return out;
    }

    private boolean listed(BodyPart part) {
        List<String> parts = spec.parts();
        return switch (part) {
            case BODY -> true;
            case FEET -> parts.contains("feet");
            case FACE -> parts.contains("face");
            case LEFT_HAND, RIGHT_HAND -> parts.contains("hands");
        };
    }
}
