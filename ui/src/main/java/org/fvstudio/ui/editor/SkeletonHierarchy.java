package org.fvstudio.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.PersonPose;

/**
 * Parent of each of the 134 DWPose keypoints, rooted at the neck: body joints follow the limbs,
 * hands hang from the body wrists, feet from the ankles, the face from the nose. Used to keep bone
 * lengths while dragging and to move a joint's children with it.
 */
public final class SkeletonHierarchy {

    public static final int ROOT = 1;
    private static final int[] BODY_PARENT = {
        1, -1, 1, 2, 3, 1, 5, 6, 1, 8, 9, 1, 11, 12, 0, 0, 14, 15,
    };
    private static final int[] PARENT = new int[PersonPose.KEYPOINT_COUNT];
    private static final int[][] CHILDREN = new int[PersonPose.KEYPOINT_COUNT][];

    static {
        System.arraycopy(BODY_PARENT, 0, PARENT, 0, BODY_PARENT.length);
        // feet: left big toe, left small toe, left heel, right big toe, right small toe, right heel
        for (int i = 0; i < 3; i++) {
            PARENT[BodyPart.FEET.offset() + i] = 13;
            PARENT[BodyPart.FEET.offset() + 3 + i] = 10;
        }
        for (int i = 0; i < BodyPart.FACE.size(); i++) {
            PARENT[BodyPart.FACE.offset() + i] = 0;
        }
        hand(BodyPart.LEFT_HAND, 7);
        hand(BodyPart.RIGHT_HAND, 4);
        List<List<Integer>> children = new ArrayList<>();
        for (int i = 0; i < PersonPose.KEYPOINT_COUNT; i++) {
            children.add(new ArrayList<>());
        }
        for (int i = 0; i < PersonPose.KEYPOINT_COUNT; i++) {
            if (PARENT[i] >= 0) {
                children.get(PARENT[i]).add(i);
            }
        }
        for (int i = 0; i < PersonPose.KEYPOINT_COUNT; i++) {
            CHILDREN[i] = children.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static void hand(BodyPart part, int bodyWrist) {
        int o = part.offset();
        PARENT[o] = bodyWrist;
        for (int finger = 0; finger < 5; finger++) {
            int base = o + 1 + 4 * finger;
            PARENT[base] = o;
            for (int k = 1; k < 4; k++) {
                PARENT[base + k] = base + k - 1;
            }
        }
    }

    private SkeletonHierarchy() {
    }

    /** The parent keypoint, or -1 for the neck. */
    public static int parent(int index) {
        return PARENT[index];
    }

    /** Every keypoint below {@code index} (not including it). */
    public static List<Integer> descendants(int index) {
        List<Integer> out = new ArrayList<>();
        collect(index, out);
        return out;
    }

    private static void collect(int index, List<Integer> out) {
        for (int child : CHILDREN[index]) {
            out.add(child);
            collect(child, out);
        }
    }
}
