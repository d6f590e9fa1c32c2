package org.fvstudio.pose.openpose;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.fvstudio.input.InputLimits;
import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Imports pose JSON into DWPose-layout {@link Pose}s: OpenPose / ControlNet-editor JSON
 * ({@code {"people": [...], "canvas_width", "canvas_height"}}), TensorFlow.js / MoveNet keypoints
 * ({@link MoveNetJsonParser}) and MediaPipe pose landmarks ({@link MediaPipeJsonParser}), told apart
 * per file by their fields ({@link PoseJsonFormat}).
 * <ul>
 *   <li>Coordinates: a frame whose every |x| and |y| is at most 1 is normalised (the editors' rule)
 *       and is multiplied by its canvas; otherwise values are pixels.</li>
 *   <li>Canvas: the frame's own {@code canvas_width} / {@code canvas_height}; if absent, the default
 *       canvas given with {@link #withDefaultCanvas}; if none was given, a normalised frame gets
 *       {@value #FALLBACK_CANVAS}x{@value #FALLBACK_CANVAS} and pixel frames get the extent of all
 *       canvas-less frames of the import (largest x and y, floored, plus one).</li>
 *   <li>MoveNet keypoints are pixels (or normalised by the editors' rule), MediaPipe landmarks are always
 *       fractions of the image; neither states a canvas unless the object carries {@code canvas_width} /
 *       {@code canvas_height}. 17 MoveNet keypoints read as COCO-17; 33 (BlazePose, MediaPipe) as COCO-17
 *       from landmarks 0, 2, 5, 7, 8, 11-16, 23-28 plus the feet of {@link BlazePoseLandmarks#footLandmark}.</li>
 *   <li>Body layout by point count: 18 OpenPose, 17 COCO, 25 BODY_25 or BODY_25B told apart by
 *       {@link BodyLayoutDetector} over the whole import; {@link #withBodyLayout} overrides it.
 *       Feet come from BODY_25/25B points 19-24; face 70 drops the two pupils; hands 21 + 21.</li>
 *   <li>A point with confidence 0, or at exactly (0, 0), is missing; other confidences are kept.</li>
 * </ul>
 * Instances are immutable and can be shared.
 */
public final class OpenPoseReader {

    public static final int FALLBACK_CANVAS = 512;

    private static final Logger LOG = LoggerFactory.getLogger(OpenPoseReader.class);

    private final BodyLayout forcedLayout;
    private final int defaultWidth;
    private final int defaultHeight;

    public OpenPoseReader() {
        this(null, 0, 0);
    }

    private OpenPoseReader(BodyLayout forcedLayout, int defaultWidth, int defaultHeight) {
        this.forcedLayout = forcedLayout;
        this.defaultWidth = defaultWidth;
        this.defaultHeight = defaultHeight;
    }

    /** Reads every body as {@code layout} instead of detecting it; a body of another size is an error. */
    public OpenPoseReader withBodyLayout(BodyLayout layout) {
        return new OpenPoseReader(layout, defaultWidth, defaultHeight);
    }

    /** The canvas for frames that do not state theirs. */
    public OpenPoseReader withDefaultCanvas(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("default canvas must be positive, got " + width + "x" + height);
        }
        return new OpenPoseReader(forcedLayout, width, height);
    }

    /** One frame file. A file holding an array of frames is refused: use {@link #readSequence}. */
    public Pose readFrame(Path file) throws PoseFormatException {
        if (Files.isDirectory(file)) {
            throw new PoseFormatException(file, "is a folder; import it as a sequence");
        }
        OpenPoseJsonParser parser = new OpenPoseJsonParser(file, forcedLayout);
        JsonNode tree = parser.readTree();
        if (OpenPoseJsonParser.isFrameSequence(tree)) {
            throw new PoseFormatException(file, "holds a sequence of " + tree.size() + " frames, not a single frame");
        }
        return convert(List.of(parser.frame(tree, ""))).get(0);
    }

    /**
     * These files, one frame each, as one sequence in the given order: read together, so frames without
     * a canvas share one (the extent of all of them) and the body layout is detected over all.
     */
    public OpenPoseImport read(List<Path> frameFiles) throws PoseFormatException {
        if (frameFiles.size() == 1) {
            return read(frameFiles.get(0));
        }
        List<RawFrame> raw = new ArrayList<>();
        for (Path file : frameFiles) {
            raw.add(oneFrame(file));
        }
        return result(raw, frameFiles, List.of());
    }

    /** A folder of per-frame files or one file (one frame or an array of frames), in frame order. */
    public List<Pose> readSequence(Path fileOrFolder) throws PoseFormatException {
        return read(fileOrFolder).frames();
    }

    /** Like {@link #readSequence}, also telling what was found. */
    public OpenPoseImport read(Path fileOrFolder) throws PoseFormatException {
        List<RawFrame> raw = new ArrayList<>();
        List<Path> files;
        List<Path> skipped = List.of();
        if (Files.isDirectory(fileOrFolder)) {
            SequenceFiles listing = sequenceFiles(fileOrFolder);
            files = listing.files();
            if (files.size() > InputLimits.SEQUENCE_MAX_FRAMES) {
                throw new PoseFormatException(fileOrFolder, "holds " + files.size() + " frame files, more than the "
                        + InputLimits.SEQUENCE_MAX_FRAMES + " FV Studio reads in one sequence");
            }
            skipped = listing.skipped();
            for (Path file : files) {
                raw.add(oneFrame(file));
            }
        } else {
            files = List.of(fileOrFolder);
            OpenPoseJsonParser parser = new OpenPoseJsonParser(fileOrFolder, forcedLayout);
            raw.addAll(parser.frames(parser.readTree()));
        }
        return result(raw, files, skipped);
    }

    private RawFrame oneFrame(Path file) throws PoseFormatException {
        OpenPoseJsonParser parser = new OpenPoseJsonParser(file, forcedLayout);
        JsonNode tree = parser.readTree();
        if (OpenPoseJsonParser.isFrameSequence(tree)) {
            throw new PoseFormatException(file, "holds an array of frames; a sequence needs one frame per file");
        }
        return parser.frame(tree, "");
    }

    private OpenPoseImport result(List<RawFrame> raw, List<Path> files, List<Path> skipped) throws PoseFormatException {
        long poses = raw.stream().mapToLong(frame -> frame.people().size()).sum();
        if (poses > InputLimits.POSE_KEYFRAMES_MAX) {
            Path source = files.size() == 1 ? files.get(0) : files.get(0).toAbsolutePath().getParent();
            throw new PoseFormatException(source, "holds " + poses + " poses over " + raw.size() + " frames, more than the "
                    + InputLimits.POSE_KEYFRAMES_MAX + " pose keyframes FV Studio holds in one project");
        }
        Set<BodyLayout> layouts = EnumSet.noneOf(BodyLayout.class);
        List<Pose> frames = convert(raw, layouts);
        boolean normalised = !raw.isEmpty() && raw.stream().allMatch(RawFrame::isNormalised);
        Set<PoseJsonFormat> formats = EnumSet.noneOf(PoseJsonFormat.class);
        raw.forEach(frame -> formats.add(frame.format()));
        boolean pixelsWithoutCanvas = defaultWidth == 0
                && raw.stream().anyMatch(frame -> !frame.hasCanvas() && !frame.isNormalised());
        return new OpenPoseImport(frames, layouts, normalised, files, skipped, formats, pixelsWithoutCanvas);
    }

    /** The per-frame files of a folder and the JSON files left out. */
    public record SequenceFiles(List<Path> files, List<Path> skipped) {
    }

    /**
     * The JSON files of {@code folder} that form the sequence: names are grouped by their pattern
     * with digit runs masked ({@code cam01.0007.json} -> {@code cam#.#.json}), the largest group is
     * the sequence (stray files such as Pose2Sim's {@code del_000000_0.json} are left out), and its
     * files are sorted naturally, so frame 2 comes before frame 10.
     */
    public static SequenceFiles sequenceFiles(Path folder) throws PoseFormatException {
        Map<String, List<Path>> byPattern = new LinkedHashMap<>();
        List<Path> all = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Files.isRegularFile(entry) && name.toLowerCase(Locale.ROOT).endsWith(".json")) {
                    all.add(entry);
                }
            }
        } catch (IOException e) {
            throw new PoseFormatException(folder, "folder cannot be read (" + e.getMessage() + ")", e);
        }
        if (all.isEmpty()) {
            throw new PoseFormatException(folder, "no .json pose files in this folder");
        }
        all.sort((a, b) -> NaturalOrder.INSTANCE.compare(a.getFileName().toString(), b.getFileName().toString()));
        for (Path file : all) {
            byPattern.computeIfAbsent(file.getFileName().toString().replaceAll("[0-9]+", "#"), k -> new ArrayList<>()).add(file);
        }
        List<Path> sequence = byPattern.values().stream().max((a, b) -> Integer.compare(a.size(), b.size())).orElseThrow();
        List<Path> skipped = new ArrayList<>(all);
        skipped.removeAll(sequence);
        if (!skipped.isEmpty()) {
            LOG.info("{}: reading {} frames named like {}, leaving out {}", folder.getFileName(), sequence.size(),
                    sequence.get(0).getFileName(), skipped.stream().map(Path::getFileName).toList());
        }
        return new SequenceFiles(sequence, skipped);
    }

    private List<Pose> convert(List<RawFrame> raw) {
        return convert(raw, EnumSet.noneOf(BodyLayout.class));
    }

    private List<Pose> convert(List<RawFrame> raw, Set<BodyLayout> layoutsUsed) {
        BodyLayout layout25 = forcedLayout != null ? forcedLayout : detect25(raw);
        int[] extentCanvas = extentCanvas(raw);
        List<Pose> poses = new ArrayList<>(raw.size());
        for (RawFrame frame : raw) {
            boolean normalised = frame.isNormalised();
            int width;
            int height;
            if (frame.hasCanvas()) {
                width = frame.canvasWidth();
                height = frame.canvasHeight();
            } else if (defaultWidth > 0) {
                width = defaultWidth;
                height = defaultHeight;
            } else if (normalised) {
                width = FALLBACK_CANVAS;
                height = FALLBACK_CANVAS;
            } else {
                width = extentCanvas[0];
                height = extentCanvas[1];
            }
            double sx = normalised ? width : 1;
            double sy = normalised ? height : 1;
            List<PersonPose> people = new ArrayList<>(frame.people().size());
            for (RawPerson person : frame.people()) {
                BodyLayout layout = layoutFor(person, layout25);
                if (layout != null) {
                    layoutsUsed.add(layout);
                }
                people.add(person(person, layout, sx, sy));
            }
            poses.add(new Pose(width, height, people));
        }
        return poses;
    }

    private static BodyLayout detect25(List<RawFrame> raw) {
        List<double[]> bodies = new ArrayList<>();
        for (RawFrame frame : raw) {
            for (RawPerson person : frame.people()) {
                if (person.bodyPointCount() == 25) {
                    bodies.add(person.body());
                }
            }
        }
        return BodyLayoutDetector.detect25(bodies);
    }

    private static BodyLayout layoutFor(RawPerson person, BodyLayout layout25) {
        return switch (person.bodyPointCount()) {
            case 0 -> null;
            case 17 -> BodyLayout.COCO_17;
            case 18 -> BodyLayout.OPENPOSE_18;
            case 25 -> layout25;
            default -> throw new IllegalStateException("parser let through a body of " + person.bodyPointCount() + " points");
        };
    }

    /** Canvas covering every present point of the pixel frames that state no canvas. */
    private static int[] extentCanvas(List<RawFrame> raw) {
        double maxX = -1;
        double maxY = -1;
        for (RawFrame frame : raw) {
            if (!frame.hasCanvas() && !frame.isNormalised()) {
                double[] extents = frame.extents();
                maxX = Math.max(maxX, extents[0]);
                maxY = Math.max(maxY, extents[1]);
            }
        }
        int width = maxX < 0 ? FALLBACK_CANVAS : Math.max(1, (int) Math.floor(maxX) + 1);
        int height = maxY < 0 ? FALLBACK_CANVAS : Math.max(1, (int) Math.floor(maxY) + 1);
        return new int[] {width, height};
    }

    private static PersonPose person(RawPerson raw, BodyLayout layout, double sx, double sy) {
        double[] out = new double[PersonPose.KEYPOINT_COUNT * 3];
        if (layout != null) {
            for (int j = 0; j < BodyPart.BODY.size(); j++) {
                int source = layout.sourceIndex(j);
                if (source == BodyLayout.COMPUTED_NECK) {
                    neckFromShoulders(raw.body(), out, j, sx, sy);
                } else {
                    copy(raw.body(), source, out, j, sx, sy);
                }
            }
        }
        if (raw.feet() != null) {
            copyPart(raw.feet(), 0, out, BodyPart.FEET, sx, sy);
        } else if (layout != null && layout.hasFeet()) {
            copyPart(raw.body(), BodyLayout.FIRST_FOOT, out, BodyPart.FEET, sx, sy);
        }
        copyPart(raw.face(), 0, out, BodyPart.FACE, sx, sy);
        copyPart(raw.leftHand(), 0, out, BodyPart.LEFT_HAND, sx, sy);
        copyPart(raw.rightHand(), 0, out, BodyPart.RIGHT_HAND, sx, sy);
        return PersonPose.ofFlat(out);
    }

    private static void copyPart(double[] source, int first, double[] out, BodyPart part, double sx, double sy) {
        if (source == null) {
            return;
        }
        for (int i = 0; i < part.size(); i++) {
            copy(source, first + i, out, part.offset() + i, sx, sy);
        }
    }

    private static void copy(double[] source, int from, double[] out, int to, double sx, double sy) {
        double x = source[3 * from];
        double y = source[3 * from + 1];
        double c = source[3 * from + 2];
        if (c <= 0 || (x == 0 && y == 0)) {
            return;
        }
        out[3 * to] = x * sx;
        out[3 * to + 1] = y * sy;
        out[3 * to + 2] = c;
    }

    /** COCO-17 shoulders are 5 (left) and 6 (right); the neck takes the lower confidence of the two. */
    private static void neckFromShoulders(double[] body, double[] out, int to, double sx, double sy) {
        double[] left = new double[3];
        double[] right = new double[3];
        copy(body, 5, left, 0, sx, sy);
        copy(body, 6, right, 0, sx, sy);
        if (left[2] > 0 && right[2] > 0) {
            out[3 * to] = (left[0] + right[0]) / 2;
            out[3 * to + 1] = (left[1] + right[1]) / 2;
            out[3 * to + 2] = Math.min(left[2], right[2]);
        }
    }
}
