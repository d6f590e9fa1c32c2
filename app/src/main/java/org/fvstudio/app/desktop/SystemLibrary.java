package org.fvstudio.app.desktop;

/**
 * A shared library that JavaFX's Linux desktop toolkit loads, with the packages that provide it.
 *
 * @param soname the file name the dynamic loader looks for, e.g. {@code libgtk-3.so.0}
 * @param debianPackage the Debian / Ubuntu package that installs it
 * @param fedoraPackage the Fedora package that installs it
 * @param role what the studio loses without it, in a user's words
 */
public record SystemLibrary(String soname, String debianPackage, String fedoraPackage, String role) {
}
