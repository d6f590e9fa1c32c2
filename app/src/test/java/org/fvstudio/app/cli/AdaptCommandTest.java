package org.fvstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.fvstudio.cache.CacheKey;
import org.fvstudio.inference.adapt.AdaptationBudget;
import org.fvstudio.inference.adapt.AdaptationCancelledException;
import org.fvstudio.inference.adapt.AdaptationException;
import org.fvstudio.inference.adapt.AdaptationListener;
import org.fvstudio.inference.adapt.AdaptationRequest;
import org.fvstudio.inference.adapt.PackAdaptation;
import org.fvstudio.inference.adapt.TorchProbe;
import org.fvstudio.inference.job.FrameResult;
import org.fvstudio.inference.pack.BundlePacks;
import org.fvstudio.inference.pack.ModelPack;
import org.fvstudio.inference.pipeline.BundleReferenceImages;
import org.fvstudio.inference.pipeline.GenerationOptions;
import org.fvstudio.inference.pipeline.GenerationPipeline;
import org.fvstudio.inference.runtime.DevicePreference;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.project.GenerationSettings;
import org.fvstudio.project.Project;
import org.fvstudio.project.io.ProjectBundle;
import org.fvstudio.ui.generation.FrameKeyer;
import org.fvstudio.ui.generation.PackResolver;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code fvstudio adapt} on a project with a real photo as its references (the astronaut, two skeletons). The tests
 * that train need PyTorch and skip with the reason printed when it is missing; the missing-PyTorch message is checked
 * everywhere with a simulated python that lacks it.
 */
class AdaptCommandTest {

    @TempDir
    Path tmp;

    static Path shippedPack() {
        return Path.of(System.getProperty("user.dir")).resolve("../assets/packs/fvs-tiny").normalize();
    }

    private static PackAdaptation adaptationOrSkip() {
        try {
            return PackAdaptation.locate();
        } catch (AdaptationException e) {
            System.out.println("AdaptCommandTest: skipping the adaptation runs: " + e.getMessage());
            Assumptions.abort(e.getMessage());
            return null;
        }
    }

    @Test
    void missingPyTorchGivesTheInstallMessage() throws Exception {
        Path project = CliProjects.create(tmp.resolve("Test.fvs"), 2);
        Path python = tmp.resolve("python3-without-torch");
        Files.writeString(python, "#!/bin/sh\nexec python3 -S \"$@\"\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String saved = System.getProperty("fvstudio.python");
        System.setProperty("fvstudio.python", python.toString());
        try {
            int rc = new CommandLine(new AdaptCommand(System.out, new PrintStream(err, true, StandardCharsets.UTF_8)))
                    .execute(project.toString(), "--steps", "2", "--base", shippedPack().toString());
            assertThat(rc).isEqualTo(2);
        } finally {
            restore(saved);
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("fvstudio adapt: Adapting a pack needs PyTorch")
                .contains(python.toString())
                .contains(TorchProbe.INSTALL_HINT);
        assertThat(BundlePacks.folder(project)).doesNotExist();
    }

    @Test
    void aTinyAdaptationWritesAPackInTheBundleThatPassesTheChecksAndGenerates() throws Exception {
        adaptationOrSkip();
        Path project = CliProjects.create(tmp.resolve("Test.fvs"), 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = new CommandLine(new AdaptCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err))
                .execute(project.toString(), "--steps", "2", "--base", shippedPack().toString(), "--use");
        assertThat(rc).isZero();
        Path pack = BundlePacks.folder(project).resolve("fvs-tiny-cli-test");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("adapted pack fvs-tiny-cli-test: " + pack);

        JsonNode manifest = new ObjectMapper().readTree(pack.resolve("pack.json").toFile());
        JsonNode provenance = manifest.get("adaptation");
        assertThat(manifest.get("id").asText()).isEqualTo("fvs-tiny-cli-test");
        assertThat(provenance.get("base_pack").get("id").asText()).isEqualTo("fvs-tiny");
        assertThat(provenance.get("base_pack").get("pack_json_sha256").asText())
                .isEqualTo(org.fvstudio.inference.pack.Sha256.of(shippedPack().resolve("pack.json")));
        assertThat(provenance.get("references").findValuesAsText("id")).containsExactly("ref-1", "ref-2");
        assertThat(provenance.get("steps").asInt()).isEqualTo(2);
        assertThat(manifest.get("files").get("denoiser.onnx").asText())
                .isNotEqualTo(new ObjectMapper().readTree(shippedPack().resolve("pack.json").toFile())
                        .get("files").get("denoiser.onnx").asText());

        ProjectBundle bundle = ProjectBundle.open(project);
        Project adapted = bundle.project();
        assertThat(adapted.generation().packId()).isEqualTo("fvs-tiny-cli-test");
        assertThat(PackResolver.resolve("fvs-tiny-cli-test", project)).isEqualTo(pack);
        assertThat(PackResolver.offeredIds(project)).startsWith("fvs-tiny-cli-test");
        try (ModelPack opened = ModelPack.open(pack, SessionSettings.defaults().withDevice(DevicePreference.CPU))) {
            GenerationPipeline pipeline = new GenerationPipeline(opened, adapted, new BundleReferenceImages(bundle),
                    GenerationOptions.from(adapted.generation()).withSteps(2));
            FrameResult frame = pipeline.generate(0, (done, steps, preview) -> { });
            assertThat(frame.image().width()).isEqualTo(270);
            assertThat(frame.image().height()).isEqualTo(480);
            assertThat(distinctColours(frame)).isGreaterThan(50);
        }
        // the render cache keys the adapted pack apart from its base
        FrameKeyer keyer = new FrameKeyer();
        Project onBase = adapted.withGeneration(withPack(adapted.generation(), shippedPack().toString()));
        CacheKey adaptedKey = keyer.key(adapted, project, 0);
        assertThat(adaptedKey).isNotEqualTo(keyer.key(onBase, project, 0));
    }

    @Test
    void cancelLeavesNoPack() throws Exception {
        PackAdaptation adaptation = adaptationOrSkip();
        Path project = CliProjects.create(tmp.resolve("Test.fvs"), 2);
        Project p = ProjectBundle.open(project).project();
        AdaptationRequest request = AdaptationRequest.forProject(p, project, shippedPack(), AdaptationBudget.ofSteps(100_000),
                false, null);
        AtomicBoolean cancel = new AtomicBoolean();
        AdaptationListener cancelOnFirstStep = (step, fraction, loss, eta) -> cancel.set(true);
        assertThatThrownBy(() -> adaptation.run(p, request, cancelOnFirstStep, cancel::get))
                .isInstanceOf(AdaptationCancelledException.class)
                .hasMessageContaining("checkpoint");
        assertThat(request.out()).doesNotExist();
        try (Stream<Path> left = Files.exists(BundlePacks.folder(project)) ? Files.list(BundlePacks.folder(project)) : Stream.empty()) {
            assertThat(left.toList()).isEmpty();
        }
        // the trainer's own checkpoint-on-SIGTERM is checked in training/tests/test_adapt.py
        assertThat(request.workFolder().resolve("shots.json")).isRegularFile();
    }

    private static GenerationSettings withPack(GenerationSettings g, String pack) {
        return new GenerationSettings(pack, g.device(), g.steps(), g.guidance(), g.seed(), g.tokenBudget(), g.referencesUsed());
    }

    private static int distinctColours(FrameResult frame) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < frame.image().height(); y += 4) {
            for (int x = 0; x < frame.image().width(); x += 4) {
                colours.add(frame.image().rgb(x, y));
            }
        }
        return colours.size();
    }

    private static void restore(String saved) {
        if (saved == null) {
            System.clearProperty("fvstudio.python");
        } else {
            System.setProperty("fvstudio.python", saved);
        }
    }

}
