package org.fvstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.fvstudio.project.Project;
import org.fvstudio.project.RetargetOptions;
import org.fvstudio.project.io.FolderCopy;
import org.fvstudio.project.io.ProjectBundle;
import org.fvstudio.project.io.ProjectJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** {@code fvstudio retarget} and {@code fvstudio coverage} on a copy of the bundled sample project. */
class RetargetAndCoverageCommandTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Object command, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new CommandLine(command).execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private Path sample() throws Exception {
        Path project = tmp.resolve("Sample.fvs");
        FolderCopy.copy(Path.of(System.getProperty("user.dir")).resolve("../assets/sample/Sample.fvs").normalize(), project);
        return project;
    }

    @Test
    void retargetSavesTheRetargetedMotionAndRestoreBringsTheOriginalBack() throws Exception {
        Path project = sample();
        Project before = ProjectBundle.open(project).project();
        assertThat(run(new RetargetCommand(), project.toString(), "--height", "character", "--strength", "0.8"))
                .as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("character proportions (torso = 1)", "thigh",
                "retargeted 48 keyframes to the character (strength 80 %, the character's height)", "saved ");
        Project after = ProjectBundle.open(project).project();
        assertThat(after.retarget().options()).isEqualTo(new RetargetOptions(0.8, RetargetOptions.Height.CHARACTER));
        assertThat(after.target().equals(before.target())).as("the target changed").isFalse();

        assertThat(run(new RetargetCommand(), project.toString(), "--restore")).as(err.toString()).isZero();
        Project restored = ProjectBundle.open(project).project();
        assertThat(restored.retarget()).isNull();
        // the writer leaves out parts with no point present: compare what each saves
        assertThat(java.util.Arrays.equals(ProjectJson.toBytes(restored), ProjectJson.toBytes(before)))
                .as("the restored project saves as the original").isTrue();
    }

    @Test
    void badOptionsAndProjectsAreNamedWithoutATrace() throws Exception {
        Path project = sample();
        assertThat(run(new RetargetCommand(), project.toString(), "--height", "giant")).isEqualTo(2);
        assertThat(run(new RetargetCommand(), project.toString(), "--strength", "3")).isEqualTo(2);
        assertThat(run(new RetargetCommand(), project.toString(), "--restore")).isEqualTo(1);
        assertThat(run(new CoverageCommand(), tmp.resolve("missing.fvs").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("unknown height 'giant' (expected source or character)")
                .contains("retarget strength must lie in 0..1, got 3.0")
                .contains("the motion is not retargeted, nothing to restore")
                .contains("fvstudio coverage: cannot open project " + tmp.resolve("missing.fvs"))
                .doesNotContain("\tat ");
    }

    @Test
    void coveragePrintsTheAdviceAsTextAndJson() throws Exception {
        Path project = sample();
        ProjectBundle bundle = ProjectBundle.open(project);
        Project frontOnly = bundle.project().withReferences(bundle.project().references().stream()
                .map(r -> r.withEnabled(r.id().equals("ref-1"))).toList());
        bundle.save(frontOnly);
        assertThat(run(new CoverageCommand(), project.toString())).as(err.toString()).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Close-up (close-up): front", "advice over 48 frames (0 generated)",
                "- the back of the body is seen in frames 43-47 but no reference shows it: add a shot from behind");
        out.reset();
        assertThat(run(new CoverageCommand(), project.toString(), "--json")).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.path("frames").asInt()).isEqualTo(48);
        assertThat(json.path("references").get(0).path("facing").asText()).isEqualTo("front");
        assertThat(json.path("advice")).anySatisfy(a -> {
            assertThat(a.path("kind").asText()).isEqualTo("side");
            assertThat(a.path("first_frame").asInt()).isEqualTo(43);
            assertThat(a.path("shot_to_add").asText()).isEqualTo("a shot from behind");
        });
    }
}
