package org.fvstudio.ui.editor;

/** One keypoint of one person of the edited pose. */
public record JointRef(int person, int index) {
}
