package org.fvstudio.coverage;

import static org.fvstudio.pose.BodyJoint.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;

/**
 * The body region under every cell of a token grid laid over a picture (the grid stretched over the whole picture,
 * as the model stretches it): each bone of the main person is a capsule around it (limbs 0.15 torso lengths thick,
 * the head half the neck-to-nose distance, hands around the wrist and the hand points), a cell belongs to the capsule
 * it lies deepest in, and cells in none are {@link BodyRegion#ELSEWHERE}. The torso also holds everything between
 * the shoulders and the hips.
 */
public final class RegionGrid {

    static final double LIMB = 0.15;
    static final double HEAD = 0.5;
    private static final int[][] FOOT_POINTS = {{LEFT_ANKLE.index(), 18, 19, 20}, {RIGHT_ANKLE.index(), 21, 22, 23}};

    private record Capsule(BodyRegion region, double ax, double ay, double bx, double by, double radius) {
        /** Distance from the axis over the radius: below 1 inside. */
        double depth(double x, double y) {
            double dx = bx - ax;
            double dy = by - ay;
            double l2 = dx * dx + dy * dy;
            double t = l2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / l2));
            return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) / radius;
        }
    }

    /** A shot's frames ask for the same few references' grids again and again. */
    private static final int REMEMBERED = 32;
    private static final Map<List<Object>, BodyRegion[]> RECENT = new LinkedHashMap<>(REMEMBERED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, BodyRegion[]> eldest) {
            return size() > REMEMBERED;
        }
    };

    private RegionGrid() {
    }

    /** Row-major regions of a {@code gridH x gridW} grid over {@code pose}'s canvas (callers must not change it). */
    public static BodyRegion[] of(Pose pose, int gridH, int gridW) {
        List<Object> key = List.of(pose, gridH, gridW);
        synchronized (RECENT) {
            BodyRegion[] known = RECENT.get(key);
            if (known != null) {
                return known;
            }
        }
        BodyRegion[] cells = computed(pose, gridH, gridW);
        synchronized (RECENT) {
            RECENT.put(key, cells);
        }
        return cells;
    }

    private static BodyRegion[] computed(Pose pose, int gridH, int gridW) {
        BodyRegion[] cells = new BodyRegion[gridH * gridW];
        java.util.Arrays.fill(cells, BodyRegion.ELSEWHERE);
        PersonPose person = ShotReading.mainPerson(pose);
        if (person == null) {
            return cells;
        }
        List<Capsule> capsules = capsules(person, pose.canvasHeight());
        double[][] torso = torsoQuad(person);
        for (int y = 0; y < gridH; y++) {
            double py = (y + 0.5) * pose.canvasHeight() / gridH;
            for (int x = 0; x < gridW; x++) {
                double px = (x + 0.5) * pose.canvasWidth() / gridW;
                double best = 1;
                BodyRegion region = torso != null && insideQuad(torso, px, py) ? BodyRegion.TORSO : BodyRegion.ELSEWHERE;
                for (Capsule c : capsules) {
                    double d = c.depth(px, py);
                    if (d < best || d == best && region == BodyRegion.ELSEWHERE) {
                        best = d;
                        region = c.region;
                    }
                }
                cells[y * gridW + x] = region;
            }
        }
        return cells;
    }

    private static List<Capsule> capsules(PersonPose p, int canvasHeight) {
        double torso = Facing.torsoLength(p);
        double shoulders = both(p, RIGHT_SHOULDER, LEFT_SHOULDER) ? distance(p, RIGHT_SHOULDER.index(), LEFT_SHOULDER.index()) : 0;
        double limb = torso > 0 ? LIMB * torso : shoulders > 0 ? 0.25 * shoulders : 0.03 * canvasHeight;
        double head = both(p, NECK, NOSE) ? HEAD * distance(p, NECK.index(), NOSE.index()) : 1.5 * limb;
        List<Capsule> out = new ArrayList<>();
        bone(out, p, BodyRegion.HEAD, head, NECK, NOSE, NOSE, RIGHT_EYE, NOSE, LEFT_EYE, RIGHT_EYE, RIGHT_EAR, LEFT_EYE, LEFT_EAR);
        for (int i = BodyPart.FACE.offset(); i < BodyPart.FACE.offset() + BodyPart.FACE.size(); i++) {
            point(out, p, BodyRegion.HEAD, head / 2, i);
        }
        bone(out, p, BodyRegion.TORSO, limb, NECK, RIGHT_HIP, NECK, LEFT_HIP, RIGHT_SHOULDER, LEFT_SHOULDER,
                RIGHT_HIP, LEFT_HIP, RIGHT_SHOULDER, RIGHT_HIP, LEFT_SHOULDER, LEFT_HIP);
        bone(out, p, BodyRegion.RIGHT_ARM, limb, RIGHT_SHOULDER, RIGHT_ELBOW, RIGHT_ELBOW, RIGHT_WRIST);
        bone(out, p, BodyRegion.LEFT_ARM, limb, LEFT_SHOULDER, LEFT_ELBOW, LEFT_ELBOW, LEFT_WRIST);
        bone(out, p, BodyRegion.RIGHT_LEG, limb, RIGHT_HIP, RIGHT_KNEE, RIGHT_KNEE, RIGHT_ANKLE);
        bone(out, p, BodyRegion.LEFT_LEG, limb, LEFT_HIP, LEFT_KNEE, LEFT_KNEE, LEFT_ANKLE);
        BodyRegion[] footRegion = {BodyRegion.LEFT_LEG, BodyRegion.RIGHT_LEG};
        for (int side = 0; side < 2; side++) {
            int[] foot = FOOT_POINTS[side];
            for (int k = 1; k < foot.length; k++) {
                segment(out, p, footRegion[side], limb, foot[0], foot[k]);
            }
        }
        hand(out, p, RIGHT_WRIST, BodyPart.RIGHT_HAND, limb);
        hand(out, p, LEFT_WRIST, BodyPart.LEFT_HAND, limb);
        return out;
    }

    private static void hand(List<Capsule> out, PersonPose p, BodyJoint wrist, BodyPart part, double limb) {
        point(out, p, BodyRegion.HANDS, 1.2 * limb, wrist.index());
        for (int i = part.offset(); i < part.offset() + part.size(); i++) {
            segment(out, p, BodyRegion.HANDS, limb / 2, wrist.index(), i);
        }
    }

    private static void bone(List<Capsule> out, PersonPose p, BodyRegion region, double radius, BodyJoint... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            segment(out, p, region, radius, pairs[i].index(), pairs[i + 1].index());
        }
    }

    private static void segment(List<Capsule> out, PersonPose p, BodyRegion region, double radius, int a, int b) {
        if (p.get(a).isVisible() && p.get(b).isVisible() && radius > 0) {
            out.add(new Capsule(region, p.x(a), p.y(a), p.x(b), p.y(b), radius));
        }
    }

    private static void point(List<Capsule> out, PersonPose p, BodyRegion region, double radius, int i) {
        segment(out, p, region, radius, i, i);
    }

    private static double[][] torsoQuad(PersonPose p) {
        BodyJoint[] corners = {RIGHT_SHOULDER, LEFT_SHOULDER, LEFT_HIP, RIGHT_HIP};
        double[][] quad = new double[4][];
        for (int i = 0; i < 4; i++) {
            if (!p.get(corners[i]).isVisible()) {
                return null;
            }
            quad[i] = new double[] {p.x(corners[i].index()), p.y(corners[i].index())};
        }
        return quad;
    }

    /** Even-odd rule: works for the quad whichever way round its corners go. */
    private static boolean insideQuad(double[][] quad, double x, double y) {
        boolean inside = false;
        for (int i = 0, j = quad.length - 1; i < quad.length; j = i++) {
            if ((quad[i][1] > y) != (quad[j][1] > y)
                    && x < (quad[j][0] - quad[i][0]) * (y - quad[i][1]) / (quad[j][1] - quad[i][1]) + quad[i][0]) {
                inside = !inside;
            }
        }
        return inside;
    }

    private static boolean both(PersonPose p, BodyJoint a, BodyJoint b) {
        return p.get(a).isVisible() && p.get(b).isVisible();
    }

    private static double distance(PersonPose p, int a, int b) {
        return Math.hypot(p.x(a) - p.x(b), p.y(a) - p.y(b));
    }
}
