package org.fvstudio.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fvstudio.export.TestVideos;
import org.fvstudio.pose.render.RgbImage;

/**
 * A second FV Studio for {@link RenderCacheSharingTest}, in its own JVM: {@code write FOLDER FIRST COUNT} stores
 * frames FIRST.. of the Pose2Sim clip; {@code hold FOLDER} keeps the cache open until its standard input closes.
 */
public final class CacheWriterProcess {

    private CacheWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[1]);
        try (RenderCache cache = RenderCache.open(folder, Long.MAX_VALUE)) {
            System.out.println("open, elsewhere=" + cache.openElsewhere());
            System.out.flush();
            if (args[0].equals("hold")) {
                System.in.read();
                return;
            }
            int first = Integer.parseInt(args[2]);
            int count = Integer.parseInt(args[3]);
            List<RgbImage> frames = clip();
            for (int f = first; f < first + count; f++) {
                cache.put(f, keyOf(f), frame(frames, f));
            }
            System.out.println("stored " + count);
        }
    }

    static List<RgbImage> clip() throws IOException {
        return TestVideos.pose2simFrames(Files.createTempDirectory("fvstudio-clip"));
    }

    static CacheKey keyOf(int frame) {
        return new CacheKeyBuilder().integer("frame", frame).build();
    }

    static RenderedFrame frame(List<RgbImage> clip, int frame) {
        return new RenderedFrame(clip.get(frame % clip.size()), List.of(), List.of(), "{\"seed\": " + frame + "}",
                "{\"seconds\": 0.5}");
    }
}
