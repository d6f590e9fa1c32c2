package org.fvstudio.project.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.fvstudio.cache.RenderCache;
import org.fvstudio.cache.RenderedFrame;
import org.fvstudio.media.VideoFrame;
import org.fvstudio.media.VideoFrameReader;
import org.fvstudio.pose.render.PngImages;
import org.fvstudio.pose.render.RgbImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability under kill -9: a real JVM ({@link SaveLoop}) saves a project, a render-cache entry and two exports in
 * a loop and is SIGKILLed at 30 random moments (a fixed seed, so a failure replays). After each kill the project opens and is exactly the last version
 * the child reported as saved or the one it was writing, never a mix of two, never empty; the cache opens and
 * every entry is whole; the MP4 and every PNG of the sequence export are whole files of one of those versions.
 */
class KillDuringSaveTest {

    static final int TRIALS = 30;
    private static final long SEED = 19;

    @TempDir
    Path work;

    @Test
    void everyKillLeavesTheLastSaveOrTheOneBeingWritten() throws Exception {
        Path bundle = work.resolve("Kill.fvs");
        Random random = new Random(SEED);
        List<String> trials = new ArrayList<>();
        for (int trial = 1; trial <= TRIALS; trial++) {
            long delayMs = random.nextInt(1500);
            int completed = runAndKill(bundle, delayMs);
            int found = checkProject(bundle, completed, trial);
            checkCache(bundle, completed, trial);
            checkExports(bundle, completed, trial);
            trials.add(trial + ": killed " + delayMs + " ms in, saved " + completed + ", found " + found);
        }
        System.out.println("kill -9 trials survived: " + trials.size() + " (seed " + SEED + ")\n  "
                + String.join("\n  ", trials));
    }

    /** Starts the child, kills it {@code delayMs} after it is ready and returns the last version it reported whole. */
    private int runAndKill(Path bundle, long delayMs) throws Exception {
        Path progress = work.resolve("progress.txt");
        Path log = work.resolve("save-loop.log");
        Files.deleteIfExists(progress);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path")));
        for (String property : new String[] {"org.bytedeco.javacpp.cachedir", "java.io.tmpdir"}) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.addAll(List.of(SaveLoop.class.getName(), bundle.toString(), progress.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (lines(progress).isEmpty()) {
                assertThat(child.isAlive()).as("the save loop ended before its first save:%n%s", Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("the save loop has saved nothing after 120 s").isLessThan(deadline);
                Thread.sleep(5);
            }
            Thread.sleep(delayMs);
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux and macOS
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(log)).as("the save loop's own output").doesNotContain("Exception");
        List<String> reported = lines(progress);
        String last = reported.get(reported.size() - 1);
        return Integer.parseInt(last.substring(last.indexOf(' ') + 1));
    }

    private static List<String> lines(Path progress) throws IOException {
        if (!Files.exists(progress)) {
            return List.of();
        }
        return Files.readAllLines(progress, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }

    private static int checkProject(Path bundle, int completed, int trial) throws Exception {
        ProjectBundle opened = ProjectBundle.open(bundle);
        int found = SaveLoop.versionOf(opened.project());
        assertThat(found).as("trial %d: version of project.json", trial).isIn(completed, completed + 1);
        assertThat(new String(ProjectJson.toBytes(opened.project(), opened.dir()), StandardCharsets.UTF_8))
                .as("trial %d: project.json is version %d throughout", trial, found)
                .isEqualTo(new String(ProjectJson.toBytes(SaveLoop.project(found), opened.dir()), StandardCharsets.UTF_8));
        return found;
    }

    private static void checkCache(Path bundle, int completed, int trial) throws Exception {
        RenderCache cache = RenderCache.open(bundle.resolve(ProjectBundle.CACHE_DIR), Long.MAX_VALUE);
        for (int slot : cache.frames()) {
            Optional<RenderedFrame> entry = cache.get(slot);
            assertThat(entry).as("trial %d: cache entry %d reads back", trial, slot).isPresent();
            int version = versionOfSettings(entry.get().settingsJson());
            assertThat(version % SaveLoop.CACHE_SLOTS).isEqualTo(slot);
            assertThat(version).as("trial %d: cache entry %d", trial, slot).isLessThanOrEqualTo(completed + 1);
            assertThat(entry.get()).as("trial %d: cache entry %d is version %d throughout", trial, slot, version)
                    .isEqualTo(SaveLoop.frame(version));
            assertThat(cache.keyOf(slot)).contains(SaveLoop.cacheKey(version));
        }
        assertThat(cache.get(completed % SaveLoop.CACHE_SLOTS)).as("trial %d: the entry of the last save", trial)
                .contains(SaveLoop.frame(completed));
    }

    private static void checkExports(Path bundle, int completed, int trial) throws Exception {
        List<Integer> allowed = List.of(completed, completed + 1);
        try (VideoFrameReader reader = VideoFrameReader.open(SaveLoop.mp4(bundle))) {
            int frames = 0;
            VideoFrame frame;
            Integer version = null;
            while ((frame = reader.nextFrame()) != null) {
                int v = versionOfGrey(frame.image(), allowed);
                assertThat(version == null || version == v).as("trial %d: one version throughout the MP4", trial).isTrue();
                version = v;
                frames++;
            }
            assertThat(frames).as("trial %d: frames of export.mp4", trial).isEqualTo(SaveLoop.EXPORT_FRAMES);
        }
        try (Stream<Path> files = Files.list(SaveLoop.pngFolder(bundle))) {
            List<Path> pngs = files.filter(p -> p.getFileName().toString().endsWith(".png")).sorted().toList();
            assertThat(pngs).as("trial %d: the PNG sequence", trial).hasSize(SaveLoop.EXPORT_FRAMES);
            for (Path png : pngs) {
                RgbImage image = PngImages.read(png);
                int v = versionOfGrey(image, allowed);
                assertThat(image).as("trial %d: %s is whole", trial, png.getFileName()).matches(i -> samePixels(i, SaveLoop.picture(v, 32)));
            }
        }
    }

    private static boolean samePixels(RgbImage a, RgbImage b) {
        return a.width() == b.width() && a.height() == b.height() && java.util.Arrays.equals(a.toRgbBytes(), b.toRgbBytes());
    }

    /** Which of {@code allowed} versions a flat grey picture shows (lossy video is within a few levels). */
    private static int versionOfGrey(RgbImage image, List<Integer> allowed) {
        byte[] rgb = image.toRgbBytes();
        int centre = rgb[3 * (image.width() * (image.height() / 2) + image.width() / 2)] & 0xff;
        for (int v : allowed) {
            if (Math.abs(centre - SaveLoop.grey(v)) <= 8) {
                return v;
            }
        }
        throw new AssertionError("grey level " + centre + " belongs to none of the versions " + allowed);
    }

    private static int versionOfSettings(String settingsJson) {
        return Integer.parseInt(settingsJson.replaceAll("\\D", ""));
    }
}
