package org.fvstudio.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.fvstudio.media.ImageFiles;
import org.fvstudio.media.VideoFrameReader;
import org.fvstudio.media.VideoFrameSeeker;
import org.fvstudio.motion.bvh.BvhParser;
import org.fvstudio.motion.bvh.BvhPoseTrackBuilder;
import org.fvstudio.pose.openpose.OpenPoseReader;
import org.fvstudio.pose.render.PngImages;
import org.fvstudio.project.Project;
import org.fvstudio.project.io.ProjectBundle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks the hostile corpus (hostile/corpus.tsv: case, entry point, expected message): every case is refused
 * through its entry point with exactly its message, which names the file and says what is wrong, with no stack
 * trace and none of a library's internals. Cases not in hostile/ are written at run time by {@link HostileFiles}.
 */
class HostileInputCorpusTest {

    private static final Map<String, EntryPoint> ENTRY_POINTS = Map.of(
            "image", file -> ImageFiles.read(file),
            "render-picture", file -> PngImages.readWithin(file, InputLimits.WORKING_MAX_SIDE),
            "reference-import", file -> ProjectBundle.create(file.resolveSibling("import-target.fvs"),
                    Project.createNew("Import")).importReferenceImage(file),
            "project-open", ProjectBundle::open,
            "pose", file -> new OpenPoseReader().readSequence(file),
            "bvh", BvhParser::parse,
            "bvh-track", file -> new BvhPoseTrackBuilder(BvhParser.parse(file)).trackFrameCountAt(24),
            "video", HostileInputCorpusTest::readEveryFrame,
            "video-seek", file -> {
                try (VideoFrameSeeker seeker = VideoFrameSeeker.open(file)) {
                    seeker.frame(seeker.frameCount() - 1);
                }
            });

    @FunctionalInterface
    interface EntryPoint {
        void read(Path file) throws Exception;
    }

    record Case(String name, String entryPoint, String expected) {
        @Override
        public String toString() {
            return name + " through " + entryPoint;
        }
    }

    @TempDir
    static Path work;

    static Stream<Case> corpus() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = HostileInputCorpusTest.class.getResourceAsStream("/hostile/corpus.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                assertThat(columns).as("corpus line '%s': case, entry point, message", line).hasSize(3);
                cases.add(new Case(columns[0], columns[1], columns[2]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyHostileFileGetsItsMessage(Case c) throws Exception {
        assertThat(ENTRY_POINTS).as("entry point of %s", c).containsKey(c.entryPoint());
        Path file = materialise(c.name(), work.resolve(c.entryPoint() + "-" + c.name().replace('.', '_')));

        Throwable refused = catchThrowable(() -> ENTRY_POINTS.get(c.entryPoint()).read(file));

        assertThat(refused).as("%s must be refused", c).isInstanceOf(Exception.class);
        String message = refused.getMessage();
        String expected = c.expected().replace("{file}", file.toString()).replace("{name}", String.valueOf(file.getFileName()));
        assertThat(message).as(c.toString()).isEqualTo(expected);
        assertThat(message).as("%s names the file", c)
                .containsAnyOf(String.valueOf(file.getFileName()), ProjectBundle.PROJECT_FILE);
        assertThat(message).as("%s speaks FV Studio's words", c).doesNotContain(LoaderContract.LIBRARY_INTERNALS).doesNotContain("\n");
    }

    private static Path materialise(String name, Path dir) throws IOException {
        Files.createDirectories(dir);
        if (HostileFiles.makes(name)) {
            return HostileFiles.make(name, dir);
        }
        URL resource = HostileInputCorpusTest.class.getResource("/hostile/" + name);
        assertThat(resource).as("corpus case %s is neither in hostile/ nor made by HostileFiles", name).isNotNull();
        Path source;
        try {
            source = Path.of(resource.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path target = dir.resolve(name);
        try (Stream<Path> tree = Files.walk(source)) {
            tree.forEach(p -> copy(p, target.resolve(source.relativize(p).toString())));
        }
        return target;
    }

    private static void copy(Path from, Path to) {
        try {
            if (Files.isDirectory(from)) {
                Files.createDirectories(to);
            } else {
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readEveryFrame(Path file) throws Exception {
        try (VideoFrameReader reader = VideoFrameReader.open(file)) {
            while (reader.nextFrame() != null) {
                // decoding is the test
            }
        }
    }
}
