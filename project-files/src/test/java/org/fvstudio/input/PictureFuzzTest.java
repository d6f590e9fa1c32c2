package org.fvstudio.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.fvstudio.media.ImageFiles;
import org.fvstudio.media.MediaException;
import org.fvstudio.pose.render.PngImages;
import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * PNG and JPEG files through every picture reader: the header, the bounded decoder at the working size, the
 * still-image reader of pose detection (which falls back to FFmpeg) and the render's reader of references. The
 * first byte picks the file's extension. Seeds: real photos and pose renderings, the hostile pictures
 * (PictureFuzzTestInputs/).
 */
class PictureFuzzTest {

    private static final Path DIR = FuzzFolders.create("fuzz-picture");
    private static final String[] EXTENSIONS = {".png", ".jpg", ".jpeg", ".webp"};

    @FuzzTest
    @Timeout(20)
    void picture(byte[] data) throws Exception {
        if (data.length == 0) {
            return;
        }
        byte[] content = Arrays.copyOfRange(data, 1, data.length);
        Path file = DIR.resolve("picture" + EXTENSIONS[(data[0] & 0xff) % EXTENSIONS.length]);
        FuzzFolders.empty(DIR);
        Files.write(file, content);
        // the picture readers' checked error is an IOException whose message names the file and the problem
        LoaderContract.holds(DIR, content, () -> BoundedImageReader.header(content, file.toString()), IOException.class);
        LoaderContract.holds(DIR, content, () -> BoundedImageReader.read(file, file.toString(), InputLimits.WORKING_MAX_SIDE),
                IOException.class);
        LoaderContract.holds(DIR, content, () -> ImageFiles.readWithin(file, InputLimits.WORKING_MAX_SIDE), MediaException.class);
        LoaderContract.holds(DIR, content, () -> PngImages.readWithin(file, InputLimits.WORKING_MAX_SIDE), IOException.class);
    }
}
