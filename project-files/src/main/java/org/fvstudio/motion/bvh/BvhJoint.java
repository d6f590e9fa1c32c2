package org.fvstudio.motion.bvh;

import java.util.List;

/**
 * A joint of the BVH hierarchy. {@code parent} is -1 for the root; parents always come before
 * their children. {@code firstChannel} is the column of this joint's first channel in a motion row.
 * {@code endSite} is the offset of an "End Site" child, or null.
 */
public record BvhJoint(String name, int parent, Vec3 offset, List<BvhChannel> channels, int firstChannel, Vec3 endSite) {

    public BvhJoint {
        channels = List.copyOf(channels);
    }

    public boolean isRoot() {
        return parent < 0;
    }

    public boolean hasEndSite() {
        return endSite != null;
    }
}
