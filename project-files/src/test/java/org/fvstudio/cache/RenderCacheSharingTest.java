package org.fvstudio.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.fvstudio.export.Images;
import org.fvstudio.export.TestVideos;
import org.fvstudio.pose.render.RgbImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 item 5: one render cache open in two FV Studios (two processes, or two windows of one). Before: the last
 * writer of index.json won (22 frames indexed, 568 entries on disk), an open emptied cache/tmp under the other
 * writer, and 4 of 10 concurrent opens died with an UncheckedIOException from Files.walk.
 */
class RenderCacheSharingTest {

    @TempDir
    static Path work;

    static List<RgbImage> clip;

    @TempDir
    Path bundle;

    @BeforeAll
    static void decodeClip() throws Exception {
        clip = TestVideos.pose2simFrames(work);
    }

    @Test
    void twoProcessesStoringFramesAtOnceLoseNoneOfThem() throws Exception {
        Path folder = bundle.resolve("cache");
        Process other = start("write", folder.toString(), "100", "40");
        try (RenderCache cache = RenderCache.open(folder, Long.MAX_VALUE)) {
            for (int f = 0; f < 40; f++) {
                cache.put(f, CacheWriterProcess.keyOf(f), CacheWriterProcess.frame(clip, f));
            }
        }
        assertThat(output(other)).endsWith("stored 40\n");

        try (RenderCache reopened = RenderCache.open(folder, Long.MAX_VALUE)) {
            List<Integer> expected = new ArrayList<>(IntStream.range(0, 40).boxed().toList());
            expected.addAll(IntStream.range(100, 140).boxed().toList());
            assertThat(reopened.frames()).containsExactlyElementsOf(expected);
            assertThat(reopened.entryCount()).isEqualTo(80);
            assertThat(reopened.warnings()).isEmpty();
            assertThat(Images.samePixels(reopened.get(117).orElseThrow().image(), clip.get(17))).isTrue();
        }
    }

    @Test
    void aSecondFvStudioIsToldAndEmptiesNothingUnderTheFirst() throws Exception {
        Path folder = bundle.resolve("cache");
        Process holder = start("hold", folder.toString());
        BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertThat(said.readLine()).isEqualTo("open, elsewhere=false");
        List<Path> holdersStaging = list(folder.resolve("tmp"));
        assertThat(holdersStaging).singleElement().asString().contains("/p" + holder.pid() + "-");

        try (RenderCache second = RenderCache.open(folder, Long.MAX_VALUE)) {
            assertThat(second.openElsewhere()).isTrue();
            assertThat(list(folder.resolve("tmp"))).containsAll(holdersStaging).hasSize(2);
        }

        holder.getOutputStream().close();
        assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
        try (RenderCache alone = RenderCache.open(folder, Long.MAX_VALUE)) {
            assertThat(alone.openElsewhere()).as("the lock goes with the process").isFalse();
            assertThat(list(folder.resolve("tmp"))).singleElement().asString().contains("/p" + ProcessHandle.current().pid() + "-");
        }
    }

    @Test
    void opensWhileAnotherWindowStoresFramesNeitherFailNorDisturbIt() throws Exception {
        Path folder = bundle.resolve("cache");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Throwable> problems = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch writing = new CountDownLatch(1);
        try (RenderCache window = RenderCache.open(folder, Long.MAX_VALUE)) {
            Future<?> writer = pool.submit(() -> {
                for (int f = 0; f < 30; f++) {
                    window.put(f, CacheWriterProcess.keyOf(f), CacheWriterProcess.frame(clip, f));
                    writing.countDown();
                }
                return null;
            });
            writing.await();
            List<Future<?>> openers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int thread = t;
                openers.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        try (RenderCache other = RenderCache.open(folder, Long.MAX_VALUE)) {
                            other.put(1000 + thread * 10 + i, CacheWriterProcess.keyOf(1000 + thread * 10 + i),
                                    CacheWriterProcess.frame(clip, i));
                        } catch (Throwable e) {
                            problems.add(e);
                        }
                    }
                    return null;
                }));
            }
            writer.get(120, TimeUnit.SECONDS);
            for (Future<?> opener : openers) {
                opener.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(problems).isEmpty();
        try (RenderCache reopened = RenderCache.open(folder, Long.MAX_VALUE)) {
            assertThat(reopened.frames()).hasSize(60).contains(0, 29, 1000, 1029);
        }
    }

    private static Process start(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), CacheWriterProcess.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String output(Process process) throws Exception {
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }

    private static List<Path> list(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
