package org.fvstudio.input;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * The hostile files too big to commit, or made from other test material, written at run time under the names the
 * corpus table (hostile/corpus.tsv) gives them. Large files are sparse where only their size matters.
 */
final class HostileFiles {

    private static final Map<String, BiConsumer<Path, Path>> MAKERS = Map.ofEntries(
            Map.entry("bomb-65500x65500.jpg", (file, dir) -> write(file, jpegDeclaring(65500, 65500))),
            Map.entry("truncated.jpg", (file, dir) -> {
                byte[] jpeg = jpeg(noise(256, 192));
                write(file, Arrays.copyOf(jpeg, jpeg.length / 2));
            }),
            Map.entry("huge-file.png", (file, dir) -> sparse(file, pngHeader(64, 64), 300L << 20)),
            Map.entry("truncated.mp4", (file, dir) -> {
                byte[] video = resource("/media/pose2sim_cam02.mp4");
                write(file, Arrays.copyOf(video, video.length / 3));
            }),
            Map.entry("video-8200x64.avi", (file, dir) -> video(file, 8200, 64)),
            Map.entry("project-symlink.fvs", HostileFiles::symlinkProject),
            Map.entry("project-references-link.fvs", HostileFiles::linkedReferencesProject),
            Map.entry("project-bomb.fvs", (bundle, dir) -> {
                write(bundle.resolve("project.json"), projectWithReference("bomb.png"));
                write(bundle.resolve("references").resolve("bomb.png"), resource("/hostile/bomb-20000x20000.png"));
            }),
            Map.entry("project-million-keys.fvs", (bundle, dir) -> millionCameraKeys(bundle.resolve("project.json"))),
            Map.entry("project-huge.fvs", (bundle, dir) ->
                    sparse(bundle.resolve("project.json"), "{\"format\": \"fvstudio-project\"".getBytes(StandardCharsets.UTF_8),
                            300L << 20)),
            Map.entry("pose-million-frames.json", (file, dir) -> millionEmptyFrames(file)),
            Map.entry("long-clip.bvh", (file, dir) -> longClip(file)),
            Map.entry("huge.bvh", (file, dir) -> sparse(file, "HIERARCHY\n".getBytes(StandardCharsets.UTF_8), 100L << 20)),
            Map.entry("movenet-x-3e9.json", (file, dir) -> write(file, new String(resource("/poses/movenet/singlepose.json"),
                    StandardCharsets.UTF_8).replaceFirst("\"x\": 320.0", "\"x\": 3000000000"))),
            Map.entry("project-many-poses.fvs", (bundle, dir) -> manyPoses(bundle.resolve("project.json"), 3, 70_000)),
            Map.entry("pose-many-people.json", (file, dir) -> manyPeopleFrames(file, 3, 70_000)),
            Map.entry("deep-chain.bvh", (file, dir) -> write(file, deepChain(3000))),
            Map.entry("project-no-json.fvs", (bundle, dir) -> createDirectories(bundle)),
            Map.entry("project-json-folder.fvs", (bundle, dir) -> createDirectories(bundle.resolve("project.json"))),
            Map.entry("project-json-fifo.fvs", (bundle, dir) -> fifo(bundle.resolve("project.json"))),
            Map.entry("project-json-device.fvs", (bundle, dir) -> link(bundle.resolve("project.json"), Path.of("/dev/zero"))));

    private HostileFiles() {
    }

    static boolean makes(String name) {
        return MAKERS.containsKey(name);
    }

    /** Writes case {@code name} into {@code dir} and returns its path (a file, or a bundle folder). */
    static Path make(String name, Path dir) {
        Path target = dir.resolve(name);
        MAKERS.get(name).accept(target, dir);
        return target;
    }

    /** A PNG whose header declares {@code width} x {@code height} RGB pixels, followed by a few rows of zeros. */
    static byte[] pngHeader(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, width);
        putInt(ihdr, 4, height);
        ihdr[8] = 8;
        ihdr[9] = 2;
        chunk(out, "IHDR", ihdr);
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[4 * (1 + 3 * Math.min(width, 4096))]);
        deflater.finish();
        byte[] buffer = new byte[65536];
        int length = deflater.deflate(buffer);
        chunk(out, "IDAT", Arrays.copyOf(buffer, length));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A small real JPEG with its frame header (SOF0) rewritten to declare {@code width} x {@code height}. */
    static byte[] jpegDeclaring(int width, int height) {
        byte[] jpeg = jpeg(noise(16, 16));
        for (int i = 0; i + 8 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                jpeg[i + 5] = (byte) (height >> 8);
                jpeg[i + 6] = (byte) height;
                jpeg[i + 7] = (byte) (width >> 8);
                jpeg[i + 8] = (byte) width;
                return jpeg;
            }
        }
        throw new IllegalStateException("no SOF0 marker in the encoded JPEG");
    }

    static byte[] jpeg(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "jpeg", out)) {
                throw new IllegalStateException("no JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(width * 31L + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    static byte[] resource(String name) {
        try (InputStream in = HostileFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String projectWithReference(String image) {
        return """
                {"format": "fvstudio-project", "version": 1, "name": "Hostile", "fps": 24, "frame_count": 10,
                 "canvas": {"width": 512, "height": 512},
                 "references": [{"id": "ref-1", "image": "%s", "scale": "close-up",
                                 "pose": {"canvas": {"width": 512, "height": 512}, "people": []}}]}
                """.formatted(image);
    }

    /** A chain of {@code depth} joints, each the child of the one before, as one ROOT. */
    static String deepChain(int depth) {
        StringBuilder bvh = new StringBuilder("HIERARCHY\nROOT J0\n{\n  OFFSET 0 0 0\n  CHANNELS 3 Xposition Yposition Zposition\n");
        for (int i = 1; i < depth; i++) {
            bvh.append("JOINT J").append(i).append("\n{\n  OFFSET 0 1 0\n  CHANNELS 3 Zrotation Xrotation Yrotation\n");
        }
        bvh.append("End Site\n{\n  OFFSET 0 1 0\n}\n");
        bvh.append("}\n".repeat(depth));
        bvh.append("MOTION\nFrames: 1\nFrame Time: 0.033333\n");
        bvh.append("0 ".repeat(3 * depth).strip()).append('\n');
        return bvh.toString();
    }

    private static void createDirectories(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fifo(Path file) {
        createDirectories(file.getParent());
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
            if (mkfifo.waitFor() != 0) {
                throw new IOException("mkfifo " + file + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void link(Path link, Path target) {
        createDirectories(link.getParent());
        try {
            Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** references/ itself a link to a folder outside the bundle, holding a real picture. */
    private static void linkedReferencesProject(Path bundle, Path dir) {
        Path outside = dir.resolve("someone-elses-pictures");
        write(outside.resolve("evil.png"), jpeg(noise(8, 8)));
        write(bundle.resolve("project.json"), projectWithReference("evil.png"));
        link(bundle.resolve("references"), outside);
    }

    private static void symlinkProject(Path bundle, Path dir) {
        try {
            Path outside = dir.resolve("outside-the-bundle.png");
            write(outside, jpeg(noise(8, 8)));
            write(bundle.resolve("project.json"), projectWithReference("evil.png"));
            Files.createDirectories(bundle.resolve("references"));
            Files.createSymbolicLink(bundle.resolve("references").resolve("evil.png"), outside);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code people} people keyed on each of {@code frames} frames with an 18-point body: within each track's limit. */
    private static void manyPoses(Path file, int people, int frames) {
        String body = "[" + String.join(",", java.util.Collections.nCopies(18, "[10,20,1]")) + "]";
        try (Writer out = Files.newBufferedWriter(mkdirs(file), StandardCharsets.UTF_8)) {
            out.write("{\"format\": \"fvstudio-project\", \"version\": 1, \"name\": \"Hostile\", \"fps\": 24,"
                    + " \"frame_count\": " + frames + ", \"canvas\": {\"width\": 512, \"height\": 512},\n \"target\": {\"people\": [");
            for (int person = 0; person < people; person++) {
                out.write((person == 0 ? "" : ",") + "{\"name\": \"Person " + (person + 1) + "\", \"keyframes\": [");
                for (int frame = 0; frame < frames; frame++) {
                    out.write((frame == 0 ? "" : ",") + "{\"frame\":" + frame + ",\"pose\":{\"body\":" + body + "}}\n");
                }
                out.write("]}");
            }
            out.write("]}}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void millionCameraKeys(Path file) {
        try (Writer out = Files.newBufferedWriter(mkdirs(file), StandardCharsets.UTF_8)) {
            out.write("{\"format\": \"fvstudio-project\", \"version\": 1, \"name\": \"Hostile\", \"fps\": 24,"
                    + " \"frame_count\": 1000000, \"canvas\": {\"width\": 512, \"height\": 512},\n \"camera\": {\"keyframes\": [");
            for (int frame = 0; frame < 1_000_000; frame++) {
                out.write((frame == 0 ? "" : ",") + "{\"frame\":" + frame + ",\"zoom\":1}");
            }
            out.write("]}}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An OpenPose array of {@code frames} frames of {@code people} people each: within the frame limit. */
    private static void manyPeopleFrames(Path file, int people, int frames) {
        String person = "{\"pose_keypoints_2d\":[" + String.join(",", java.util.Collections.nCopies(18, "10,20,0.9")) + "]}";
        String frame = "{\"canvas_width\":512,\"canvas_height\":512,\"people\":["
                + String.join(",", java.util.Collections.nCopies(people, person)) + "]}";
        try (Writer out = Files.newBufferedWriter(mkdirs(file), StandardCharsets.UTF_8)) {
            out.write("[");
            for (int i = 0; i < frames; i++) {
                out.write((i == 0 ? "" : ",\n") + frame);
            }
            out.write("]\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void millionEmptyFrames(Path file) {
        try (Writer out = Files.newBufferedWriter(mkdirs(file), StandardCharsets.UTF_8)) {
            out.write("[");
            for (int frame = 0; frame < 1_000_000; frame++) {
                out.write(frame == 0 ? "{\"people\":[]}" : ",{\"people\":[]}");
            }
            out.write("]\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CMU skeleton with 100 frames ten thousand seconds apart: a clip of 11 days. */
    private static void longClip(Path file) {
        String cmu = new String(resource("/bvh/cmu_01_01.bvh"), StandardCharsets.UTF_8);
        List<String> lines = cmu.lines().toList();
        StringBuilder out = new StringBuilder();
        int motion = lines.indexOf("MOTION");
        lines.subList(0, motion + 1).forEach(l -> out.append(l).append('\n'));
        out.append("Frames: 100\nFrame Time: 10000\n");
        lines.subList(motion + 3, motion + 103).forEach(l -> out.append(l).append('\n'));
        write(file, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A few frames of {@code width} x {@code height} MJPEG in AVI: a video too wide for the limits. */
    private static void video(Path file, int width, int height) {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(mkdirs(file).toFile(), width, height, 0)) {
            recorder.setFormat("avi");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MJPEG);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUVJ420P);
            recorder.setFrameRate(10);
            recorder.start();
            Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
            for (int i = 0; i < 3; i++) {
                recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
            }
            recorder.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode the test video " + file, e);
        }
    }

    private static void sparse(Path file, byte[] start, long size) {
        try (RandomAccessFile out = new RandomAccessFile(mkdirs(file).toFile(), "rw")) {
            out.write(start);
            out.setLength(size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(mkdirs(file), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Path mkdirs(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return file;
    }

    static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        out.writeBytes(length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        byte[] sum = new byte[4];
        putInt(sum, 0, (int) crc.getValue());
        out.writeBytes(sum);
    }

    static void putInt(byte[] target, int at, int value) {
        target[at] = (byte) (value >>> 24);
        target[at + 1] = (byte) (value >>> 16);
        target[at + 2] = (byte) (value >>> 8);
        target[at + 3] = (byte) value;
    }
}
