package org.fvstudio.inference.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fvstudio.inference.job.GenerationError;
import org.fvstudio.inference.job.GenerationException;
import org.fvstudio.pose.render.PngImages;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.io.ProjectBundle;

/** Reference pictures read from a project bundle's references/ folder; a bad file names itself. */
public final class BundleReferenceImages implements ReferenceImages {

    private final ProjectBundle bundle;

    public BundleReferenceImages(ProjectBundle bundle) {
        this.bundle = bundle;
    }

    @Override
    public RgbImage load(ReferenceShot shot) throws GenerationException {
        Path file = bundle.referenceImage(shot.imageFile());
        if (!Files.isRegularFile(file)) {
            throw new GenerationException(GenerationError.Kind.INVALID_INPUT,
                    "reference '" + shot.name() + "': image " + file + " is missing");
        }
        try {
            return PngImages.read(file);
        } catch (IOException | RuntimeException e) {
            throw new GenerationException(GenerationError.Kind.IO,
                    "reference '" + shot.name() + "': cannot read image " + file + " (" + e.getMessage() + ")", e);
        }
    }
}
