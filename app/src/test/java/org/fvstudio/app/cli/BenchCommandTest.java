package org.fvstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The bench sub-commands at tiny sizes: they run on real data and print their figures with the machine they ran on. */
class BenchCommandTest {

    private static final Path MODELS = Path.of("src/test/resources/cli");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void withoutASubcommandTheUsageNamesAllFourBenchmarks() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("pipeline", "scrub", "extract", "export");
    }

    @Test
    void scrubPrintsPerFrameTimesOfTheBvhProjectAgainstTheTarget() {
        Path bvh = CliProjects.testData().resolve("bvh/cmu_01_01.bvh");
        int code = run("scrub", bvh.toString(), "--frames", "40", "--size", "64", "--passes", "1");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("40 frames", "64x64 canvas", "load average", "CPU cores")
                .containsPattern("scrub 40-frame project at 64x64, 40 samples: wall mean [0-9.]+ ms")
                .contains("target < 4 ms");
    }

    @Test
    void farmRunsLocalWorkersAndPrintsFramesPerSecondAndTheStartUpCostOfAChunk(@TempDir Path tmp) throws Exception {
        Path project = CliProjects.create(tmp.resolve("Farm.fvs"), 4);
        int code = run("farm", project.toString(), "--workers", "1,2", "--frames", "0-3", "--steps", "1", "--threads", "1");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("bench farm: Farm.fvs, frames 0-3 (4), 1 steps", "load average")
                .containsPattern("start-up per chunk \\(JVM \\+ pack load\\): [0-9.]+ s")
                .containsPattern("(?m)^      1 +[0-9.]+ +[0-9.]+ +[0-9.]+$")
                .containsPattern("(?m)^      2 +[0-9.]+ +[0-9.]+ +[0-9.]+$")
                .containsPattern("chunks of at least [0-9]+ frames");
    }

    @Test
    void scrubNamesAMissingClip() {
        assertThat(run("scrub", "target/no-such.bvh", "--frames", "10")).isEqualTo(1);
        assertThat(err.toString()).contains("target/no-such.bvh: file not found");
    }

    @Test
    void extractTimesTheStandInModelsAndSaysTheCudaPathWasNotExercisedOnCpu() {
        int code = run("extract", "--models", MODELS.toString(), "--video", MODELS.resolve("cam03_small.avi").toString(),
                "--frames", "3", "--warmup", "1", "--device", "cpu", "--threads", "1");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("frames    3 measured after 1 warm-up", "CUDA path not exercised (ran on CPU)",
                "threads   1").containsPattern("extract   [0-9.]+ ms/frame \\([0-9.]+ frames/s\\)");
    }

    @Test
    void extractSaysWhichModelFilesAreMissing(@TempDir Path empty) {
        int code = run("extract", "--models", empty.toString(), "--video", MODELS.resolve("cam03_small.avi").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("yolox_l.onnx");
    }

    @Test
    void extractRefusesAnUnknownDevice() {
        int code = run("extract", "--models", MODELS.toString(), "--video", "x.mp4", "--device", "tpu");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("unknown device 'tpu'");
    }

    /** Frames 0 and 50 of Pose2Sim cam01: the walker and the bystander, both found, measured against OpenPose. */
    @Test
    void pckMeasuresTheSubjectAndCountsTheBystandersFound() {
        int code = run("pck", "--cameras", "cam01", "--stride", "50", "--body-only", "--device", "cpu");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("embedded estimator (MoveNet Thunder + MultiPose) on estimator CPU", "every 50. frame")
                .containsPattern("cam01 +2 +\\d+ +0\\.\\d{3} +[01]\\.\\d{3} +0/\\d+ +NaN +NaN +2/2 +0 ");
        assertThat(run("pck", "--cameras", "cam09")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown camera 'cam09': use cam01, cam02, cam03, cam04");
    }

    @Test
    void exportPrintsFramesPerSecondAt512ForEveryExport() {
        int code = run("export", "--frames", "2");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("2 frames of 512x512", "PNG sequence", "review MP4")
                .containsPattern("MP4 H\\.264 [a-z]+ +: +[0-9.]+ frames/s");
    }

    @Test
    void pipelinePrintsTheFourSectionsOnTheContractPack(@TempDir Path dir) throws Exception {
        Path project = CliProjects.create(dir.resolve("Bench.fvs"), 3);
        int code = run("pipeline", project.toString(), "--pack", CliProjects.contractPack().toString(), "--steps", "1",
                "--frames", "1", "--long-frames", "4", "--long-steps", "1", "--device", "cpu");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("1. seconds per frame against the number of references",
                "top-K at N=8 / N=1", "Python not measured", "3. stage breakdown", "4 frames in a row", "load average");
    }

    @Test
    void pipelineRunsOnlyTheItemsAskedFor(@TempDir Path dir) throws Exception {
        Path project = CliProjects.create(dir.resolve("Bench.fvs"), 3);
        int code = run("pipeline", project.toString(), "--pack", CliProjects.contractPack().toString(), "--steps", "1",
                "--frames", "1", "--items", "3", "--device", "cpu");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("3. stage breakdown", "Java CPU outside ORT")
                .doesNotContain("1. seconds per frame", "2. Java vs", "frames in a row");
    }

    @Test
    void pipelineRefusesAnItemThatDoesNotExist(@TempDir Path dir) {
        assertThat(run("pipeline", dir.toString(), "--items", "3,5")).isEqualTo(2);
        assertThat(err.toString()).contains("--items takes numbers from 1 to 4, got [3, 5]");
    }

    @Test
    void pipelineNamesAFolderThatIsNotAProject(@TempDir Path dir) {
        assertThat(run("pipeline", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot open project " + dir);
    }
}
