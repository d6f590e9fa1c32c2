package org.fvstudio.ui.studio;

/** What the centre viewer shows. */
public enum ViewerMode {
    /** The selected reference image with its skeleton. */
    REFERENCE,
    /** The target skeleton of the current frame. */
    TARGET
}
