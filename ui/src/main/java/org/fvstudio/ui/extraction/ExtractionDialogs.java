package org.fvstudio.ui.extraction;

import java.nio.file.Path;
import java.util.Optional;

import org.fvstudio.inference.dwpose.VideoExtractionOptions;

/** The questions "Extract poses from video" asks; tests answer them from a script. */
public interface ExtractionDialogs {

    Optional<Path> chooseVideo();

    /** The frame stride, smoothing and person options for {@code video}; empty when cancelled. */
    Optional<VideoExtractionOptions> askVideoOptions(Path video);
}
