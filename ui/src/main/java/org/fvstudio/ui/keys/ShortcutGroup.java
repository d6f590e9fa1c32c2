package org.fvstudio.ui.keys;

/** Where a shortcut applies, in the order the shortcut table lists them. */
public enum ShortcutGroup {
    FILE("File menu"),
    EDIT("Edit menu"),
    VIEW("View menu"),
    POSE("Pose menu"),
    TIMELINE("Timeline menu"),
    GENERATE("Generate menu"),
    HELP("Help menu"),
    PLAYBACK("Playback"),
    KEYFRAMES("Keyframes"),
    SKELETON("Skeleton editor"),
    MOUSE("Mouse in the viewer and timeline"),
    WINDOW("Window");

    private final String title;

    ShortcutGroup(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** A menu group's shortcuts are accelerators of items in the menu of that name. */
    public boolean isMenu() {
        return ordinal() <= HELP.ordinal();
    }

    /** The menu's name ("File" for FILE). */
    public String menuName() {
        return title.substring(0, title.length() - " menu".length());
    }
}
