/** Frames of the driving video for the editor's background, decoded off the FX thread and cached. */
package org.fvstudio.ui.video;
