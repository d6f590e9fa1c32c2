package org.fvstudio.inference.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fvstudio.inference.job.GenerationError;
import org.fvstudio.inference.job.GenerationException;
import org.fvstudio.input.BadInputException;
import org.fvstudio.input.InputLimits;
import org.fvstudio.pose.render.PngImages;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.io.BundlePaths;
import org.fvstudio.project.io.ProjectBundle;

/**
 * Reference pictures read from a project bundle's references/ folder; a bad file names itself. Pictures are
 * decoded with at most {@link InputLimits#WORKING_MAX_SIDE} pixels a side (the pipeline resizes them to the pack's
 * reference size, 128 px for the bundled pack), and a picture declaring more than the limits is refused unread.
 */
public final class BundleReferenceImages implements ReferenceImages {

    private final Path referencesDir;

    public BundleReferenceImages(ProjectBundle bundle) {
        this(bundle.referencesDir());
    }

    private BundleReferenceImages(Path referencesDir) {
        this.referencesDir = referencesDir;
    }

    /** The pictures of the bundle folder {@code bundleDir} (NAME.fvs). */
    public static BundleReferenceImages ofBundleFolder(Path bundleDir) {
        return new BundleReferenceImages(bundleDir.resolve(ProjectBundle.REFERENCES_DIR));
    }

    @Override
    public RgbImage load(ReferenceShot shot) throws GenerationException {
        Path file = referencesDir.resolve(shot.imageFile());
        if (!Files.isRegularFile(file)) {
            throw new GenerationException(GenerationError.Kind.INVALID_INPUT,
                    "reference '" + shot.name() + "': image " + file + " is missing");
        }
        try {
            if (!BundlePaths.isInsideReferences(file, referencesDir)) {
                throw new GenerationException(GenerationError.Kind.INVALID_INPUT, "reference '" + shot.name()
                        + "': image " + file + " is a link to a file outside the project's references/; copy the"
                        + " picture into the project");
            }
            return PngImages.readWithin(file, InputLimits.WORKING_MAX_SIDE);
        } catch (BadInputException e) {
            throw new GenerationException(GenerationError.Kind.INVALID_INPUT,
                    "reference '" + shot.name() + "': image " + file + " " + e.problem(), e);
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            throw new GenerationException(GenerationError.Kind.IO, "reference '" + shot.name() + "': "
                    + (message.startsWith(file.toString()) ? message : "cannot read image " + file + " (" + message + ")"), e);
        }
    }
}
