package org.fvstudio.project.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.fvstudio.cache.CacheKey;
import org.fvstudio.cache.RenderCache;
import org.fvstudio.cache.RenderedFrame;
import org.fvstudio.export.ExportMonitor;
import org.fvstudio.export.FrameSource;
import org.fvstudio.export.Mp4Exporter;
import org.fvstudio.export.PngSequenceExporter;
import org.fvstudio.export.VideoSettings;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.render.RgbImage;
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

/**
 * The process {@link KillDuringSaveTest} kills: saves numbered versions of one project (a reference, 1,000 pose
 * and 1,000 camera keyframes), each followed by a render-cache entry and two exports (an MP4 and a PNG sequence),
 * and appends "saved N" to a progress file once all of version N is written (one short append: whole or absent
 * after a kill, unlike a line still in a pipe). Every artefact of version N is a function of N alone,
 * so the test can say what each file must hold. Run: {@code SaveLoop BUNDLE PROGRESS} (continues after the version
 * found in BUNDLE).
 */
public final class SaveLoop {

    static final int KEYFRAMES = 1000;
    static final int CACHE_SLOTS = 8;
    static final int EXPORT_FRAMES = 3;
    static final String REFERENCE = "reference.png";

    private SaveLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path bundleDir = Path.of(args[0]);
        ProjectBundle bundle;
        int version;
        if (Files.isDirectory(bundleDir)) {
            bundle = ProjectBundle.open(bundleDir);
            version = versionOf(bundle.project());
        } else {
            version = 0;
            bundle = create(bundleDir, project(version));
        }
        RenderCache cache = RenderCache.open(bundle.cacheDir(), Long.MAX_VALUE);
        Path progress = Path.of(args[1]);
        // the version found may have been killed before its cache entry and exports: write them again first
        writeOutputs(bundleDir, cache, version);
        report(progress, "saved " + version);
        while (true) {
            version++;
            bundle.save(project(version));
            writeOutputs(bundleDir, cache, version);
            report(progress, "saved " + version);
        }
    }

    private static void writeOutputs(Path bundleDir, RenderCache cache, int version) throws Exception {
        cache.put(version % CACHE_SLOTS, cacheKey(version), frame(version));
        new Mp4Exporter(VideoSettings.of(24)).export(FrameSource.still(picture(version, 64), EXPORT_FRAMES),
                mp4(bundleDir), ExportMonitor.NONE);
        new PngSequenceExporter("frame_").export(FrameSource.still(picture(version, 32), EXPORT_FRAMES),
                pngFolder(bundleDir), ExportMonitor.NONE);
    }

    private static void report(Path progress, String line) throws IOException {
        Files.writeString(progress, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** A new bundle holding {@code project}, its reference picture in references/. */
    static ProjectBundle create(Path bundleDir, Project project) throws Exception {
        ProjectBundle bundle = ProjectBundle.create(bundleDir, Project.createNew("Empty"));
        try (InputStream in = SaveLoop.class.getResourceAsStream("/dwpose-render/editor_pose.png")) {
            Files.copy(in, bundle.referencesDir().resolve(REFERENCE));
        }
        bundle.save(project);
        return bundle;
    }

    static Path mp4(Path bundleDir) {
        return bundleDir.resolveSibling("export.mp4");
    }

    static Path pngFolder(Path bundleDir) {
        return bundleDir.resolveSibling("export-frames");
    }

    static int versionOf(Project project) {
        return Integer.parseInt(project.name().substring(project.name().lastIndexOf(' ') + 1));
    }

    /** Version {@code n} of the project: every keyframe depends on {@code n}, so two versions differ throughout. */
    static Project project(int n) {
        List<PoseKeyframe> poseKeys = new ArrayList<>(KEYFRAMES);
        List<CameraKeyframe> cameraKeys = new ArrayList<>(KEYFRAMES);
        for (int frame = 0; frame < KEYFRAMES; frame++) {
            poseKeys.add(new PoseKeyframe(frame, body(n, frame), Interpolation.LINEAR));
            cameraKeys.add(new CameraKeyframe(frame, 1 + ((n * 7 + frame) % 100) / 100.0, 320, 240, n % 50, frame % 40,
                    0, false, Interpolation.LINEAR));
        }
        ReferenceShot reference = new ReferenceShot("ref-1", "Reference", REFERENCE,
                new Pose(640, 480, List.of(body(0, 0))), ShotScale.MEDIUM, true, "");
        return new Project("Kill trial, version " + n, 24, KEYFRAMES, 640, 480, List.of(reference),
                new PoseTrack(List.of(new PersonTrack("Person 1", poseKeys))), new CameraTrack(cameraKeys),
                GenerationSettings.DEFAULTS);
    }

    private static PersonPose body(int n, int frame) {
        double[] xyc = new double[PersonPose.KEYPOINT_COUNT * 3];
        for (int joint = 0; joint < 18; joint++) {
            xyc[3 * joint] = 100 + joint * 20 + (n % 13);
            xyc[3 * joint + 1] = 50 + joint * 15 + (frame % 17);
            xyc[3 * joint + 2] = 0.9;
        }
        return PersonPose.ofFlat(xyc);
    }

    /** A flat grey picture whose level steps by 37 from one version to the next, told apart after lossy coding. */
    static RgbImage picture(int n, int side) {
        byte[] rgb = new byte[side * side * 3];
        Arrays.fill(rgb, (byte) grey(n));
        return RgbImage.ofRgbBytes(side, side, rgb);
    }

    static int grey(int n) {
        return 16 + (n * 37) % 224;
    }

    static RenderedFrame frame(int n) {
        return new RenderedFrame(picture(n, 32), List.of(), List.of(), "{\"version\":" + n + "}", "{}");
    }

    static CacheKey cacheKey(int n) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("version " + n).getBytes(StandardCharsets.UTF_8));
            return new CacheKey(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
