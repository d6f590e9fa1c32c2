package org.fvstudio.ui.studio;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A command that features add to the reference bin's context menu (e.g. "Detect pose").
 *
 * @param text   the menu text
 * @param id     the menu item's node id, for tests and styling
 * @param action called on the FX thread with the reference's id
 */
public record ReferenceCommand(String text, String id, Consumer<String> action) {

    /** The id of Detect pose, which other features offer as a fix. */
    public static final String DETECT_POSE = "contextDetectPose";

    public ReferenceCommand {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
    }
}
