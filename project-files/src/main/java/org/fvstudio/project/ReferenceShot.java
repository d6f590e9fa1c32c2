package org.fvstudio.project;

import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;

/**
 * A reference image of the character with its skeleton.
 *
 * @param id        stable identifier within the project (survives renames)
 * @param name      the artist's label
 * @param imageFile path of the copied image, relative to the bundle's {@code references/} folder
 */
public record ReferenceShot(String id, String name, String imageFile, Pose pose, ShotScale scale,
                            boolean enabled, String note) {

    /** Fewer visible body joints than this and a reference cannot be correlated with a target pose. */
    public static final int MIN_SKELETON_JOINTS = 2;
    private static final int BODY_JOINTS = 18;

    public ReferenceShot {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("reference id must not be blank");
        }
        if (imageFile == null || imageFile.isBlank()) {
            throw new IllegalArgumentException("reference '" + id + "' has no image file");
        }
        if (pose == null || scale == null) {
            throw new IllegalArgumentException("reference '" + id + "' needs a pose and a shot scale");
        }
        name = name == null ? "" : name;
        note = note == null ? "" : note;
    }

    /** Whether the skeleton shows a body: at least {@link #MIN_SKELETON_JOINTS} body joints above the visibility threshold. */
    public boolean hasSkeleton() {
        return visibleBodyJoints(pose) >= MIN_SKELETON_JOINTS;
    }

    /** Body joints (the 18 OpenPose points) visible in {@code pose}, over every person. */
    public static int visibleBodyJoints(Pose pose) {
        int n = 0;
        for (PersonPose person : pose.people()) {
            for (int j = 0; j < BODY_JOINTS; j++) {
                n += person.confidence(j) > Keypoint.VISIBLE_THRESHOLD ? 1 : 0;
            }
        }
        return n;
    }

    /** The name an artist reads: the label, else the id. */
    public String displayName() {
        return name.isBlank() ? id : name;
    }

    public ReferenceShot withName(String newName) {
        return new ReferenceShot(id, newName, imageFile, pose, scale, enabled, note);
    }

    public ReferenceShot withPose(Pose newPose) {
        return new ReferenceShot(id, name, imageFile, newPose, scale, enabled, note);
    }

    public ReferenceShot withScale(ShotScale newScale) {
        return new ReferenceShot(id, name, imageFile, pose, newScale, enabled, note);
    }

    public ReferenceShot withEnabled(boolean newEnabled) {
        return new ReferenceShot(id, name, imageFile, pose, scale, newEnabled, note);
    }

    public ReferenceShot withNote(String newNote) {
        return new ReferenceShot(id, name, imageFile, pose, scale, enabled, newNote);
    }
}
