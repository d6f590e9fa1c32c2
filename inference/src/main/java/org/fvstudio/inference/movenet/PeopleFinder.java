package org.fvstudio.inference.movenet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fvstudio.inference.image.SquareCrop;
import org.fvstudio.inference.runtime.InferenceException;
import org.fvstudio.inference.skeleton.BodyBox;
import org.fvstudio.inference.skeleton.BoundingBox;
import org.fvstudio.pose.render.RgbImage;

/**
 * Finds everyone in a picture with MoveNet MultiPose. The graph sees a 256-pixel square; a bystander at the edge
 * of a portrait frame is then a few dozen pixels tall and scores too low to tell from nothing (about 0.05 in the
 * Pose2Sim frames). So a picture clearly longer than wide (or wider than tall) is looked at in overlapping squares
 * of its short side along its length, besides the whole: each person is large enough in one of them. The
 * candidates of all looks are merged by box overlap, a person cut by a square's edge into the whole of them.
 */
final class PeopleFinder {

    /** MultiPose's person score from which a candidate counts (rows of absent people score about 0). */
    static final double MIN_SCORE = 0.2;
    /** Pictures longer than this ratio of their sides are looked at in squares too. */
    static final double TILE_ASPECT = 4.0 / 3.0;
    /** Two candidates of one look are one person from this IoU (MultiPose already keeps one row per person). */
    static final double SAME_LOOK_IOU = 0.5;
    /** A candidate of another look that lies this much inside a person's box is that person, or a part of them. */
    static final double OTHER_LOOK_INSIDE = 0.8;

    /**
     * One person found: the 17 points [x, y, score] in picture pixels of the best look, MultiPose's box, the box of
     * the confident points (both over every look that saw the person) and the best score.
     */
    record Seed(double[] xys, BoundingBox box, BoundingBox pointsBox, double score) {

        Seed joined(Seed other) {
            return new Seed(xys, box.union(other.box), pointsBox.union(other.pointsBox), score);
        }
    }

    private record Found(Seed seed, int look) {
    }

    private final MultiPoseModel model;

    PeopleFinder(MultiPoseModel model) {
        this.model = model;
    }

    /**
     * Everyone found, best score first. {@code wholeOnly} skips the squares, for when only the largest person
     * matters: the whole picture finds them.
     */
    List<Seed> find(RgbImage image, boolean wholeOnly) throws InferenceException {
        List<Found> found = new ArrayList<>();
        List<SquareCrop> looks = wholeOnly ? List.of(SquareCrop.around(image.width(), image.height()))
                : looks(image.width(), image.height());
        for (int look = 0; look < looks.size(); look++) {
            SquareCrop crop = looks.get(look);
            for (MultiPoseModel.Candidate candidate : model.run(image, crop, MIN_SCORE)) {
                found.add(new Found(toPicture(candidate, crop), look));
            }
        }
        found.sort((a, b) -> Double.compare(b.seed().score(), a.seed().score()));
        List<Found> merged = new ArrayList<>();
        for (Found next : found) {
            int same = -1;
            for (int i = 0; i < merged.size() && same < 0; i++) {
                if (samePerson(merged.get(i), next)) {
                    same = i;
                }
            }
            if (same < 0) {
                merged.add(next);
            } else {
                Found kept = merged.get(same);
                merged.set(same, new Found(kept.seed().joined(next.seed()), kept.look()));
            }
        }
        return merged.stream().map(Found::seed).toList();
    }

    private static boolean samePerson(Found a, Found b) {
        BoundingBox boxA = a.seed().box();
        BoundingBox boxB = b.seed().box();
        return a.look() == b.look()
                ? boxA.iou(boxB) >= SAME_LOOK_IOU
                : boxA.iou(boxB) >= SAME_LOOK_IOU || boxA.overlapOfSmaller(boxB) >= OTHER_LOOK_INSIDE;
    }

    /** The whole picture, and for a long picture squares of its short side from one end to the other. */
    static List<SquareCrop> looks(int width, int height) {
        List<SquareCrop> looks = new ArrayList<>();
        looks.add(SquareCrop.around(width, height));
        int shortSide = Math.min(width, height);
        int longSide = Math.max(width, height);
        if (longSide <= TILE_ASPECT * shortSide) {
            return looks;
        }
        // One square more than it takes to cover the length, so that neighbours overlap and nobody is only cut.
        int squares = (int) Math.ceil((double) longSide / shortSide) + 1;
        for (int i = 0; i < squares; i++) {
            int start = (int) Math.round((double) i * (longSide - shortSide) / (squares - 1));
            looks.add(width < height ? new SquareCrop(0, start, shortSide) : new SquareCrop(start, 0, shortSide));
        }
        return looks;
    }

    static Seed toPicture(MultiPoseModel.Candidate candidate, SquareCrop crop) {
        double[] xys = MoveNetExtractor.toPicture(candidate.keypointsYxs(), crop);
        double x1 = crop.pictureX(candidate.xmin());
        double x2 = crop.pictureX(candidate.xmax());
        double y1 = crop.pictureY(candidate.ymin());
        double y2 = crop.pictureY(candidate.ymax());
        BoundingBox box = new BoundingBox(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
        Optional<BoundingBox> points = BodyBox.of(MoveNetExtractor.toDwpose(xys), MoveNetExtractor.MIN_POINTS_FOR_SECOND_LOOK);
        return new Seed(xys, box, points.orElse(box), candidate.score());
    }
}
