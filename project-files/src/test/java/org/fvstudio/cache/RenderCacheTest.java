package org.fvstudio.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.fvstudio.export.FloatMap;
import org.fvstudio.export.MotionMaps;
import org.fvstudio.pose.render.PngImages;
import org.fvstudio.export.Images;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.export.TestVideos;
import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.project.GenerationSettings;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.ShotScale;
import org.fvstudio.timeline.CameraKeyframe;
import org.fvstudio.timeline.CameraTrack;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.PersonTrack;
import org.fvstudio.timeline.PoseKeyframe;
import org.fvstudio.timeline.PoseTrack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCacheTest {

    private static final String PACK_HASH = "3f1c0a9e5b7d2f4c6e8a0b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a";
    private static final long NO_LIMIT = Long.MAX_VALUE;

    @TempDir
    static Path work;

    static List<RgbImage> frames;
    static Map<String, String> imageHashes;
    static Project project;

    @TempDir
    Path bundle;

    @BeforeAll
    static void setUp() throws IOException {
        frames = TestVideos.pose2simFrames(work);
        imageHashes = Map.of("ref-1", CacheKeyBuilder.sha256Hex(png(frames.get(0))),
                "ref-2", CacheKeyBuilder.sha256Hex(png(frames.get(49))));
        Pose a = TestPoses.load("pose2sim_cam03_0030.json");
        Pose b = TestPoses.load("pose2sim_cam01_0050.json");
        Pose c = TestPoses.load("pose2sim_cam01_0000.json");
        PersonTrack person = new PersonTrack("Person 1", List.of(
                new PoseKeyframe(0, a.people().get(0), Interpolation.LINEAR),
                new PoseKeyframe(6, b.people().get(0), Interpolation.LINEAR),
                new PoseKeyframe(11, c.people().get(0), Interpolation.LINEAR)));
        project = new Project("Cache test", 24, 12, 270, 480,
                List.of(new ReferenceShot("ref-1", "Close-up", "closeup.png", c, ShotScale.CLOSE_UP, true, ""),
                        new ReferenceShot("ref-2", "Wide", "wide.png", b, ShotScale.WIDE, true, "")),
                new PoseTrack(List.of(person)),
                new CameraTrack(List.of(CameraKeyframe.identity(0, 135, 240))),
                GenerationSettings.DEFAULTS);
    }

    @Test
    void restoresFramesExactlyAndMapsWithinTheQuantisationStepAfterReopening() throws Exception {
        Path folder = bundle.resolve("cache");
        RenderedFrame stored = renderedFrame(17);
        CacheKey key = FrameKeys.frameKey(project, PACK_HASH, imageHashes, 3);
        RenderCache.open(folder, NO_LIMIT).put(3, key, stored);

        RenderCache reopened = RenderCache.open(folder, NO_LIMIT);
        RenderedFrame restored = reopened.get(3).orElseThrow();

        assertThat(reopened.isStale(3, key)).isFalse();
        assertThat(Images.samePixels(restored.image(), stored.image())).isTrue();
        assertThat(restored.selections()).isEqualTo(stored.selections());
        assertThat(restored.selections().get(0).scores()).isEqualTo(stored.selections().get(0).scores());
        assertThat(restored.settingsJson()).isEqualTo(stored.settingsJson());
        assertThat(restored.statsJson()).isEqualTo(stored.statsJson());
        assertThat(restored.references()).hasSize(2);
        for (int r = 0; r < 2; r++) {
            ReferenceResult before = stored.references().get(r);
            ReferenceResult after = restored.references().get(r);
            assertThat(after.referenceId()).isEqualTo(before.referenceId());
            assertThat(after.share()).isEqualTo(before.share());
            FloatMap in = before.correlation();
            FloatMap out = after.correlation();
            double step = ((double) in.max() - in.min()) / 65535;
            float[] a = in.values();
            float[] b = out.values();
            double worst = 0;
            for (int i = 0; i < a.length; i++) {
                worst = Math.max(worst, Math.abs(a[i] - b[i]));
            }
            assertThat(worst).isLessThanOrEqualTo(step / 2 + Math.ulp(in.max()) * 2).isPositive();
            assertThat(out.min()).isEqualTo(in.min());
        }
        Path mapFile = folder.resolve("entries").resolve(key.hex()).resolve("map-0.png");
        BufferedImage mapPng = ImageIO.read(mapFile.toFile());
        assertThat(mapPng.getRaster().getSampleModel().getSampleSize(0)).isEqualTo(16);
    }

    @Test
    void anEditMarksExactlyTheFramesWhoseInputsChanged() throws Exception {
        RenderCache cache = RenderCache.open(bundle.resolve("cache"), NO_LIMIT);
        Map<Integer, CacheKey> keys = keys(project);
        for (var e : keys.entrySet()) {
            cache.put(e.getKey(), e.getValue(), renderedFrame(e.getKey()));
        }
        assertThat(cache.staleFrames(keys)).isEmpty();

        // Move the right wrist of the last keyframe (frame 11) by 5 px: frames 7..11 interpolate towards it.
        PersonTrack person = project.target().people().get(0);
        PoseKeyframe last = person.keyAt(11).orElseThrow();
        Keypoint wrist = last.pose().get(4);
        PersonPose moved = last.pose().with(4, wrist.withPosition(wrist.x() + 5, wrist.y()));
        Project edited = project.withTarget(new PoseTrack(List.of(person.withKey(last.withPose(moved)))));

        List<Integer> stale = cache.staleFrames(keys(edited));

        assertThat(stale).isEqualTo(framesWhoseTargetChanged(project, edited)).containsExactly(7, 8, 9, 10, 11);
    }

    @Test
    void cameraSettingsAndReferenceEditsMarkTheRightFrames() throws Exception {
        RenderCache cache = RenderCache.open(bundle.resolve("cache"), NO_LIMIT);
        keys(project).forEach((frame, key) -> put(cache, frame, key));

        Project zoomed = project.withCamera(project.camera()
                .withKey(new CameraKeyframe(9, 1.5, 135, 240, 0, 0, 0, false, Interpolation.LINEAR)));
        Project reseeded = project.withGeneration(new GenerationSettings("fvs-tiny", "auto", 8, 1.0, 43, 0, List.of()));
        Project refDisabled = project.withReference(project.references().get(1).withEnabled(false));
        Project renamed = project.withReference(project.references().get(0).withName("Face").withNote("for the dolly"));

        assertThat(cache.staleFrames(keys(zoomed))).isEqualTo(IntStream.rangeClosed(1, 11).boxed().toList());
        assertThat(cache.staleFrames(keys(reseeded))).hasSize(12);
        assertThat(cache.staleFrames(keys(refDisabled))).hasSize(12);
        assertThat(cache.staleFrames(keys(renamed))).isEmpty();
    }

    @Test
    void anUndoRestoresEarlierResultsWithoutRecomputing() throws Exception {
        RenderCache cache = RenderCache.open(bundle.resolve("cache"), NO_LIMIT);
        Map<Integer, CacheKey> original = keys(project);
        original.forEach((frame, key) -> put(cache, frame, key));
        Project reseeded = project.withGeneration(new GenerationSettings("fvs-tiny", "auto", 8, 1.0, 7, 0, List.of()));
        Map<Integer, CacheKey> changed = keys(reseeded);
        changed.forEach((frame, key) -> put(cache, frame, key, renderedFrame(frame + 20)));

        assertThat(cache.staleFrames(original)).hasSize(12);
        RenderedFrame back = cache.restore(5, original.get(5)).orElseThrow();

        assertThat(Images.samePixels(back.image(), frames.get(5))).isTrue();
        assertThat(cache.isStale(5, original.get(5))).isFalse();
        assertThat(Images.samePixels(cache.get(5).orElseThrow().image(), frames.get(5))).isTrue();
        assertThat(cache.entryCount()).isEqualTo(24);
    }

    @Test
    void clearRemovesEverythingAndSurvivesReopening() throws Exception {
        Path folder = bundle.resolve("cache");
        RenderCache cache = RenderCache.open(folder, NO_LIMIT);
        Map<Integer, CacheKey> keys = keys(project);
        keys.forEach((frame, key) -> put(cache, frame, key));
        assertThat(cache.sizeBytes()).isPositive();

        cache.clear();

        assertThat(cache.sizeBytes()).isZero();
        assertThat(cache.get(0)).isEmpty();
        assertThat(cache.staleFrames(keys)).hasSize(12);
        try (Stream<Path> left = Files.list(folder.resolve("entries"))) {
            assertThat(left).isEmpty();
        }
        RenderCache reopened = RenderCache.open(folder, NO_LIMIT);
        assertThat(reopened.frames()).isEmpty();
        assertThat(reopened.warnings()).isEmpty();
    }

    @Test
    void aCorruptedEntryIsIgnoredWithAWarning() throws Exception {
        Path folder = bundle.resolve("cache");
        RenderCache cache = RenderCache.open(folder, NO_LIMIT);
        Map<Integer, CacheKey> keys = keys(project);
        keys.forEach((frame, key) -> put(cache, frame, key));
        Path damaged = folder.resolve("entries").resolve(keys.get(4).hex()).resolve("frame.png");
        byte[] bytes = Files.readAllBytes(damaged);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(damaged, bytes);
        Path truncated = folder.resolve("entries").resolve(keys.get(8).hex()).resolve("entry.json");
        Files.writeString(truncated, Files.readString(truncated).substring(0, 60));

        RenderCache reopened = RenderCache.open(folder, NO_LIMIT);

        assertThat(reopened.get(4)).isEmpty();
        assertThat(reopened.get(8)).isEmpty();
        assertThat(reopened.warnings()).hasSize(2);
        assertThat(reopened.warnings().get(0)).contains(keys.get(4).hex()).contains("frame.png does not match its checksum");
        assertThat(reopened.warnings().get(1)).contains(keys.get(8).hex());
        assertThat(reopened.staleFrames(keys)).containsExactly(4, 8);
        assertThat(Images.samePixels(reopened.get(5).orElseThrow().image(), frames.get(5))).isTrue();
        reopened.put(4, keys.get(4), renderedFrame(4));
        assertThat(Images.samePixels(reopened.get(4).orElseThrow().image(), frames.get(4))).isTrue();
    }

    @Test
    void anEntryFromANewerVersionIsSkippedButKept() throws Exception {
        Path folder = bundle.resolve("cache");
        CacheKey key = FrameKeys.frameKey(project, PACK_HASH, imageHashes, 0);
        RenderCache.open(folder, NO_LIMIT).put(0, key, renderedFrame(0));
        Path entryJson = folder.resolve("entries").resolve(key.hex()).resolve("entry.json");
        Files.writeString(entryJson, Files.readString(entryJson).replace("\"version\" : 1", "\"version\" : 2"));

        RenderCache reopened = RenderCache.open(folder, NO_LIMIT);

        assertThat(reopened.get(0)).isEmpty();
        assertThat(reopened.warnings()).singleElement().asString().contains("newer version");
        assertThat(entryJson).exists();
    }

    @Test
    void aDamagedIndexOrAnInterruptedWriteNeverStopsTheCacheFromOpening() throws Exception {
        Path folder = bundle.resolve("cache");
        RenderCache cache = RenderCache.open(folder, NO_LIMIT);
        Map<Integer, CacheKey> keys = keys(project);
        keys.forEach((frame, key) -> put(cache, frame, key));
        // What a crash can leave: a half-written staging folder, and (disk trouble) a garbled index.
        Path half = Files.createDirectories(folder.resolve("tmp").resolve("0123456789abcdef.123"));
        Files.write(half.resolve("frame.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(folder.resolve("index.json"), "{\"format\": \"fvstudio-render-cache-index\", \"vers");

        RenderCache reopened = RenderCache.open(folder, NO_LIMIT);

        assertThat(reopened.warnings()).singleElement().asString()
                .startsWith("Rebuilt the render cache index " + folder.toRealPath().resolve("index.json")
                        + " from its entries because it is damaged")
                .endsWith(": 12 frame(s) found");
        // issue 20 item 5: the index is rebuilt from the frames the entries name, nothing is generated again
        assertThat(reopened.staleFrames(keys)).isEmpty();
        assertThat(Files.exists(half)).isFalse();
        assertThat(Images.samePixels(reopened.get(2).orElseThrow().image(), frames.get(2))).isTrue();
        assertThat(RenderCache.open(folder, NO_LIMIT).warnings()).as("the rebuilt index was written").isEmpty();
    }

    @Test
    void theSizeLimitEvictsUnreferencedEntriesLeastRecentlyUsedFirst() throws Exception {
        RenderCache cache = RenderCache.open(bundle.resolve("cache"), NO_LIMIT);
        CacheKey first = new CacheKeyBuilder().integer("take", 1).build();
        CacheKey second = new CacheKeyBuilder().integer("take", 2).build();
        CacheKey third = new CacheKeyBuilder().integer("take", 3).build();
        cache.put(0, first, renderedFrame(1));
        cache.put(0, second, renderedFrame(2));
        cache.put(0, third, renderedFrame(3));
        long all = cache.sizeBytes();

        cache.setSizeLimit(all - 1);

        assertThat(cache.entryCount()).isEqualTo(2);
        assertThat(cache.restore(1, first)).isEmpty();
        assertThat(cache.isStale(0, third)).isFalse();

        cache.setSizeLimit(0);

        assertThat(cache.entryCount()).isEqualTo(1);
        assertThat(Images.samePixels(cache.get(0).orElseThrow().image(), frames.get(3))).isTrue();
    }

    @Test
    void aSelectionTellsEachReferencesCellsAndShare() {
        // two references on a 16x16 grid: 300 + i lies in reference 1 (cells 256..511), -1 is padding
        TokenSelection selection = renderedFrame(4).selections().get(0);
        boolean[] second = selection.mask(1);
        assertThat(second[304 - 256]).isTrue();
        assertThat(selection.mask(0)[17]).isTrue();
        assertThat(selection.share(0)).isEqualTo(5.0 / 6);
        assertThat(selection.share(1)).isEqualTo(1.0 / 6);
    }

    @Test
    void refusesSettingsThatAreNotAJsonObject() {
        assertThatThrownBy(() -> new RenderedFrame(frames.get(0), List.of(), List.of(), "[1, 2", "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("settings is not valid JSON");
    }

    // ---- helpers

    private static Map<Integer, CacheKey> keys(Project p) {
        Map<Integer, CacheKey> keys = new HashMap<>();
        for (int f = 0; f < p.frameCount(); f++) {
            keys.put(f, FrameKeys.frameKey(p, PACK_HASH, imageHashes, f));
        }
        return keys;
    }

    private static List<Integer> framesWhoseTargetChanged(Project before, Project after) {
        List<Integer> changed = new ArrayList<>();
        for (int f = 0; f < before.frameCount(); f++) {
            if (!before.targetPoseAt(f).equals(after.targetPoseAt(f))) {
                changed.add(f);
            }
        }
        return changed;
    }

    private static void put(RenderCache cache, int frame, CacheKey key) {
        put(cache, frame, key, renderedFrame(frame));
    }

    private static void put(RenderCache cache, int frame, CacheKey key, RenderedFrame result) {
        try {
            cache.put(frame, key, result);
        } catch (CacheException e) {
            throw new AssertionError(e);
        }
    }

    /** A frame as the pipeline would report it: a real picture, two real-data maps, shares, settings and stats. */
    private static RenderedFrame renderedFrame(int i) {
        RgbImage image = frames.get(i);
        FloatMap near = MotionMaps.motion(image, frames.get(0), 16, 16);
        FloatMap far = MotionMaps.motion(image, frames.get(49), 16, 16);
        return new RenderedFrame(image,
                List.of(new ReferenceResult("ref-1", near, 0.625), new ReferenceResult("ref-2", far, 0.375)),
                List.of(new TokenSelection("down1", 16, 16, new int[] {3, 17, 40, 41, 255, 300 + i, -1},
                                new float[] {0.91f, 0.875f, 0.8125f, 0.7f, 0.61f, 0.5f + i / 1000f, 0f}),
                        new TokenSelection("mid", 8, 8, new int[] {5, 64 + 9}, null)),
                "{\"pack\": \"fvs-tiny\", \"steps\": 8, \"guidance\": 1.0, \"seed\": 42, \"token_budget\": 64}",
                "{\"seconds\": " + (0.5 + i / 100.0) + ", \"device\": \"cpu\"}");
    }

    private static byte[] png(RgbImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngImages.write(image, out);
        return out.toByteArray();
    }
}
