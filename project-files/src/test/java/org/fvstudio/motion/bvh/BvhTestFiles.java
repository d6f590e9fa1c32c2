package org.fvstudio.motion.bvh;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;

final class BvhTestFiles {

    /** Two joints with the same rotations in different channel orders, plus position channels on the root. */
    static final String SMALL = """
            HIERARCHY
            ROOT Root
            {
              OFFSET 0 0 0
              CHANNELS 6 Xposition Yposition Zposition Yrotation Xrotation Zrotation
              JOINT A
              {
                OFFSET 0 0 2
                CHANNELS 3 Xrotation Zrotation Yrotation
                End Site
                {
                  OFFSET 0 3 0
                }
              }
              JOINT B
              {
                OFFSET 1 0 0
                CHANNELS 3 Zrotation Xrotation Yrotation
                End Site
                {
                  OFFSET 0 3 0
                }
              }
            }
            MOTION
            Frames: 2
            Frame Time: 0.5
            0 0 0 0 0 0 0 0 0 0 0 0
            1 2 3 90 0 0 90 90 0 90 90 0
            """;

    private BvhTestFiles() {
    }

    static BvhMotion parse(String text, String name) throws IOException, BvhFormatException {
        return BvhParser.parse(new StringReader(text), name);
    }

    static Path cmu() {
        try {
            return Path.of(BvhTestFiles.class.getResource("/bvh/cmu_01_01.bvh").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
