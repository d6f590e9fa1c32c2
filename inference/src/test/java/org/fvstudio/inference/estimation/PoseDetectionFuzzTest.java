package org.fvstudio.inference.estimation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.fvstudio.inference.dwpose.DwposeExtractor;
import org.fvstudio.inference.dwpose.DwposeModels;
import org.fvstudio.inference.movenet.MoveNetExtractor;
import org.fvstudio.inference.runtime.InferenceException;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.input.FuzzFolders;
import org.fvstudio.input.InputLimits;
import org.fvstudio.input.LoaderContract;
import org.fvstudio.media.ImageFiles;
import org.fvstudio.media.MediaException;
import org.fvstudio.pose.render.RgbImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Pose detection on arbitrary pictures: a file decoded as pose detection reads a still, or raw pixels of any
 * size from 1x1 to 1024x1024, through the embedded estimator (MoveNet Lightning, with its whole-picture and
 * person crops) and DWPose's letterbox and person crops (the stand-in graphs of src/test/python, which find two
 * people wherever they look). The rule is the loaders' one: a pose or a checked error with a message.
 */
class PoseDetectionFuzzTest {

    private static final Path DIR = FuzzFolders.create("fuzz-detect");
    private static final MoveNetExtractor EMBEDDED = open(() -> MoveNetExtractor.open(
            Path.of("../assets/models/movenet/movenet-lightning.onnx"), Optional.empty(), Optional.empty(),
            SessionSettings.defaults()));
    private static final DwposeExtractor DWPOSE = open(() -> DwposeExtractor.open(
            DwposeModels.locate(Path.of("src/test/resources/dwpose")), SessionSettings.defaults()));

    @FuzzTest
    @Timeout(20)
    void detect(FuzzedDataProvider data) throws Exception {
        boolean asFile = data.consumeBoolean();
        RgbImage[] image = new RgbImage[1];
        if (asFile) {
            Path file = DIR.resolve(data.consumeBoolean() ? "still.png" : "still.jpg");
            Files.write(file, data.consumeRemainingAsBytes());
            LoaderContract.holds(DIR, () -> image[0] = ImageFiles.readWithin(file, InputLimits.WORKING_MAX_SIDE).image(),
                    MediaException.class);
        } else {
            int width = data.consumeInt(1, 1024);
            int height = data.consumeInt(1, 1024);
            byte[] pixels = new byte[width * height * 3];
            byte[] given = data.consumeRemainingAsBytes();
            for (int i = 0; i < pixels.length && given.length > 0; i++) {
                pixels[i] = given[i % given.length];
            }
            image[0] = RgbImage.ofRgbBytes(width, height, pixels);
        }
        if (image[0] != null) {
            LoaderContract.holds(DIR, () -> EMBEDDED.detect(image[0], false), InferenceException.class);
            LoaderContract.holds(DIR, () -> DWPOSE.detect(image[0], false), InferenceException.class);
        }
    }

    @AfterAll
    static void close() {
        EMBEDDED.close();
        DWPOSE.close();
    }

    @FunctionalInterface
    private interface Opener<T> {
        T open() throws ModelLoadException;
    }

    private static <T> T open(Opener<T> opener) {
        try {
            return opener.open();
        } catch (ModelLoadException e) {
            throw new IllegalStateException(e);
        }
    }
}
