package org.fvstudio.project;

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
