package org.fvstudio.ui.help;

/** The text of one licence or notice file shipped with the studio, and where it was read from. */
public record LicenceText(String source, String text) {
}
