package org.fvstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fvstudio.pose.render.PngImages;
import org.fvstudio.pose.render.RgbImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RenderCommandTest {

    @TempDir
    Path tmp;

    @Test
    void rendersFramesHeatmapsAndStatsForARange() throws Exception {
        Path project = CliProjects.create(tmp.resolve("Test.fvs"), 4);
        Path out = tmp.resolve("out");
        int rc = new CommandLine(new RenderCommand()).execute(project.toString(), "--frames", "1-2", "--out", out.toString(),
                "--steps", "2", "--seed", "5", "--device", "cpu");
        assertThat(rc).isZero();
        RgbImage frame = PngImages.read(out.resolve("frame_00001.png"));
        assertThat(frame.width()).isEqualTo(270);
        assertThat(frame.height()).isEqualTo(480);
        assertThat(out.resolve("frame_00002.png")).exists();
        assertThat(out.resolve("frame_00000.png")).doesNotExist();
        RgbImage heatmap = PngImages.read(out.resolve("heatmap_00002_ref-2.png"));
        assertThat(heatmap.width()).isEqualTo(256);
        // Coloured with the one inferno table the studio and the exports use.
        java.util.Set<Integer> inferno = java.util.Arrays.stream(org.fvstudio.export.InfernoColorMap.table()).boxed()
                .collect(java.util.stream.Collectors.toSet());
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < heatmap.height(); y += 3) {
            for (int x = 0; x < heatmap.width(); x += 3) {
                colours.add(heatmap.rgb(x, y) & 0xFFFFFF);
            }
        }
        assertThat(inferno).containsAll(colours);
        assertThat(colours.size()).isGreaterThan(10);
        JsonNode stats = new ObjectMapper().readTree(out.resolve("stats.json").toFile());
        assertThat(stats.get("steps").asInt()).isEqualTo(2);
        assertThat(stats.get("seed").asLong()).isEqualTo(5);
        assertThat(stats.get("frames")).hasSize(2);
        JsonNode refs = stats.get("frames").get(0).get("references");
        assertThat(refs.get(0).get("share").asDouble() + refs.get(1).get("share").asDouble()).isEqualTo(1.0);
        assertThat(refs.get(0).get("selected_tokens").get("g16").asInt() + refs.get(1).get("selected_tokens").get("g16").asInt())
                .isEqualTo(64);
    }

    @Test
    void badRangeAndMissingProjectAreClearErrors() throws Exception {
        Path project = CliProjects.create(tmp.resolve("Test.fvs"), 2);
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        try {
            int rc = new CommandLine(new RenderCommand()).execute(project.toString(), "--frames", "1-9", "--out",
                    tmp.resolve("o").toString());
            assertThat(rc).isEqualTo(2);
            assertThat(err.toString()).contains("--frames 1-9 is outside the project's frames 0-1");
            rc = new CommandLine(new RenderCommand()).execute(tmp.resolve("Nope.fvs").toString(), "--out", tmp.resolve("o").toString());
            assertThat(rc).isEqualTo(2);
            assertThat(err.toString()).contains("cannot open project").contains("Nope.fvs");
        } finally {
            System.setErr(saved);
        }
        assertThat(Files.exists(tmp.resolve("o").resolve("frame_00001.png"))).isFalse();
    }

    @Test
    void infoPrintsSignaturesParametersAndDevices() {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        try {
            int rc = new CommandLine(new InfoCommand()).execute(CliProjects.contractPack().toString(), "--device", "cpu");
            assertThat(rc).isZero();
        } finally {
            System.setOut(saved);
        }
        assertThat(out.toString())
                .contains("pack        contract-mini")
                .contains("reference_net: reference_net.onnx, 336 parameters")
                .contains("runs on CPU")
                .contains("  out  bank_g16 float32 [?, 24, 16, 16]")
                .contains("vae_decoder: not in this pack (stage off)");
    }
}
