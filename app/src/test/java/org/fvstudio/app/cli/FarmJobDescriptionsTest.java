package org.fvstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fvstudio.app.farm.FarmYaml;
import org.fvstudio.app.farm.FrameRanges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 15: the Open Job Description template and the Kubernetes manifests that {@code fvstudio farm} writes are
 * parsed and held to the rules of their specifications that apply (below, with their sections), then the commands
 * they hold are run for both chunks of a 4-frame job the way the engine would substitute them, and the assemble
 * step after them. No openjd CLI or cluster is needed.
 */
class FarmJobDescriptionsTest {

    /** OpenJD 2023-09 section 7.1. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    /** Section 7.3: {{ Name.Name... }}. */
    private static final Pattern FORMAT_REFERENCE = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
    /** Kubernetes: an RFC 1123 label (object names of Jobs that run Indexed pods, container and volume names). */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    @TempDir
    Path tmp;

    @Test
    void theOpenJobDescriptionTemplateFollowsTheSpecificationAndItsTasksRenderAndAssemble() throws Exception {
        Path project = CliProjects.create(tmp.resolve("Farm.fvs"), 4);
        Path bundle = tmp.resolve("bundle");
        assertThat(new CommandLine(new FarmCommand()).execute("openjd", project.toString(), "--chunk-size", "2",
                "--to", bundle.toString(), "--device", "cpu", "--steps", "2")).isZero();
        JsonNode t = FarmYaml.MAPPER.readTree(bundle.resolve("template.yaml").toFile());

        // 1.1 root
        assertThat(t.get("specificationVersion").asText()).isEqualTo("jobtemplate-2023-09");
        assertThat(t.get("extensions")).isNotEmpty().allSatisfy(e -> assertThat(e.asText()).matches("[A-Z_0-9]{3,128}"));
        assertThat(t.get("name").asText()).hasSizeBetween(1, 128).doesNotContainPattern("\\p{Cc}");
        assertThat(t.get("description").asText()).hasSizeBetween(1, 2048);
        // 2. job parameters: 1..50, identifiers, unique, known types, defaults within their constraints
        Map<String, JsonNode> parameters = new HashMap<>();
        assertThat(t.get("parameterDefinitions").size()).isBetween(1, 50);
        for (JsonNode p : t.get("parameterDefinitions")) {
            String name = p.get("name").asText();
            assertThat(name).matches(IDENTIFIER);
            assertThat(parameters.put(name, p)).as("parameter %s defined once", name).isNull();
            String type = p.get("type").asText();
            assertThat(type).isIn("STRING", "PATH", "INT", "FLOAT");
            if (type.equals("PATH")) {
                assertThat(p.get("objectType").asText()).isIn("FILE", "DIRECTORY");
                assertThat(p.get("dataFlow").asText()).isIn("NONE", "IN", "OUT", "INOUT");
            }
            if (type.equals("INT")) {
                assertThat(p.get("default").isInt()).isTrue();
                assertThat(p.get("default").asInt()).isGreaterThanOrEqualTo(p.path("minValue").asInt(Integer.MIN_VALUE));
            }
            if (type.equals("STRING") || type.equals("PATH")) {
                assertThat(p.get("default").asText()).hasSizeLessThanOrEqualTo(1024);
            }
        }
        // the frame range parameter holds an <IntRangeExpr> (3.4.1.1.1) naming the project's frames
        assertThat(FrameRanges.parse(parameters.get("Frames").get("default").asText())).containsExactly(0, 1, 2, 3);
        // 3. steps: unique names of 1..64 characters; dependencies name another step
        Map<String, JsonNode> steps = new HashMap<>();
        for (JsonNode s : t.get("steps")) {
            assertThat(s.get("name").asText()).hasSizeBetween(1, 64);
            assertThat(steps.put(s.get("name").asText(), s)).isNull();
        }
        for (JsonNode s : t.get("steps")) {
            for (JsonNode d : s.path("dependencies")) {
                assertThat(steps).containsKey(d.get("dependsOn").asText());
                assertThat(d.get("dependsOn").asText()).isNotEqualTo(s.get("name").asText());
            }
        }
        JsonNode render = steps.get("Render");
        assertThat(steps.get("Assemble").get("dependencies").get(0).get("dependsOn").asText()).isEqualTo("Render");
        // 3.4: 1..16 task parameters, at most one CHUNK[INT] (which needs TASK_CHUNKING), its chunks well formed
        JsonNode taskParameters = render.get("parameterSpace").get("taskParameterDefinitions");
        assertThat(taskParameters.size()).isBetween(1, 16);
        Set<String> taskNames = new HashSet<>();
        int chunked = 0;
        for (JsonNode p : taskParameters) {
            assertThat(p.get("name").asText()).matches(IDENTIFIER);
            taskNames.add(p.get("name").asText());
            if (p.get("type").asText().equals("CHUNK[INT]")) {
                chunked++;
                assertThat(t.get("extensions")).anySatisfy(e -> assertThat(e.asText()).isEqualTo("TASK_CHUNKING"));
                assertThat(p.get("chunks").get("rangeConstraint").asText()).isIn("CONTIGUOUS", "NONCONTIGUOUS");
                assertThat(p.has("range")).isTrue();
            }
        }
        assertThat(chunked).isEqualTo(1);
        // 5. actions: a command, string arguments, a known cancelation with a notify period of at most 600 s
        for (JsonNode s : t.get("steps")) {
            JsonNode onRun = s.get("script").get("actions").get("onRun");
            assertThat(onRun.get("command").asText()).isNotEmpty();
            assertThat(onRun.get("args")).allSatisfy(a -> assertThat(a.isTextual()).isTrue());
            if (onRun.has("cancelation")) {
                assertThat(onRun.get("cancelation").get("mode").asText()).isIn("TERMINATE", "NOTIFY_THEN_TERMINATE");
                assertThat(onRun.get("cancelation").path("notifyPeriodInSeconds").asInt(1)).isBetween(1, 600);
            }
        }
        // 7.3: every format string names a defined job parameter, or a task parameter of its own step
        t.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("steps")) {
                assertFormatStringsResolve(field.getValue(), parameters.keySet(), Set.of());
            }
        });
        for (JsonNode s : t.get("steps")) {
            Set<String> own = new HashSet<>();
            s.path("parameterSpace").path("taskParameterDefinitions").forEach(p -> own.add(p.get("name").asText()));
            assertFormatStringsResolve(s.get("script"), parameters.keySet(), own);
            // task parameters are known only when a task runs: never in the parameter space itself
            assertFormatStringsResolve(s.path("parameterSpace"), parameters.keySet(), Set.of());
        }

        // The engine: job parameters at their defaults, the range in contiguous chunks of defaultTaskCount.
        Map<String, String> values = new HashMap<>();
        parameters.forEach((name, p) -> values.put("Param." + name, p.get("default").asText()));
        JsonNode frame = taskParameters.get(0);
        List<Integer> range = FrameRanges.parse(resolve(frame.get("range").asText(), values));
        int perChunk = Integer.parseInt(resolve(frame.get("chunks").get("defaultTaskCount").asText(), values));
        List<String> chunks = contiguousChunks(range, perChunk);
        assertThat(chunks).containsExactly("0-1", "2-3");
        JsonNode renderAction = render.get("script").get("actions").get("onRun");
        JsonNode assembleAction = steps.get("Assemble").get("script").get("actions").get("onRun");
        for (String chunk : chunks) {
            values.put("Task.Param.Frame", chunk);
            assertThat(runAction(renderAction, values)).isZero();
        }
        Path out = Path.of(values.get("Param.OutputDir"));
        assertThat(RenderFolders.visibleFiles(out)).contains("frame_00000.png", "frame_00003.png", "frame_00003.json");
        assertThat(runAction(assembleAction, values)).isZero();
        assertThat(Path.of(values.get("Param.Video"))).isNotEmptyFile();
    }

    @Test
    void theKubernetesManifestsAreAnIndexedJobAndAnAssembleJobWhoseCommandsRun() throws Exception {
        Path project = CliProjects.create(tmp.resolve("Farm.fvs"), 4);
        Path manifests = tmp.resolve("k8s");
        assertThat(new CommandLine(new FarmCommand()).execute("k8s", project.toString(), "--chunk-size", "2",
                "--to", manifests.toString(), "--image", "registry.example/fvstudio:cpu", "--device", "cpu",
                "--steps", "2", "--parallelism", "8")).isZero();
        JsonNode job = FarmYaml.MAPPER.readTree(manifests.resolve("render-job.yaml").toFile());
        JsonNode assemble = FarmYaml.MAPPER.readTree(manifests.resolve("assemble-job.yaml").toFile());
        for (JsonNode m : List.of(job, assemble)) {
            assertThat(m.get("apiVersion").asText()).isEqualTo("batch/v1");
            assertThat(m.get("kind").asText()).isEqualTo("Job");
            assertThat(m.get("metadata").get("name").asText()).matches(DNS_LABEL);
            m.get("metadata").get("labels").fields().forEachRemaining(l ->
                    assertThat(l.getValue().asText()).matches("([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]"));
            JsonNode pod = m.get("spec").get("template").get("spec");
            // a Job's pods restart Never or OnFailure; a podFailurePolicy needs Never
            assertThat(pod.get("restartPolicy").asText()).isEqualTo("Never");
            Set<String> volumes = new HashSet<>();
            pod.get("volumes").forEach(v -> volumes.add(v.get("name").asText()));
            for (JsonNode c : pod.get("containers")) {
                assertThat(c.get("name").asText()).matches(DNS_LABEL);
                assertThat(c.get("image").asText()).isEqualTo("registry.example/fvstudio:cpu");
                c.path("volumeMounts").forEach(v -> {
                    assertThat(volumes).contains(v.get("name").asText());
                    assertThat(Path.of(v.get("mountPath").asText())).isAbsolute();
                    assertThat(project.startsWith(v.get("mountPath").asText())).isTrue();
                });
                // $(VAR) in args is expanded by the kubelet only for variables the container defines
                Set<String> env = new HashSet<>();
                c.path("env").forEach(e -> env.add(e.get("name").asText()));
                c.get("args").forEach(a -> Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)").matcher(a.asText())
                        .results().forEach(r -> assertThat(env).contains(r.group(1))));
            }
        }
        JsonNode spec = job.get("spec");
        assertThat(spec.get("completionMode").asText()).isEqualTo("Indexed");
        assertThat(spec.get("completions").asInt()).isEqualTo(2);
        assertThat(spec.get("parallelism").asInt()).isBetween(1, 2);
        JsonNode container = spec.get("template").get("spec").get("containers").get(0);
        assertThat(container.get("env").get(0).get("valueFrom").get("fieldRef").get("fieldPath").asText())
                .isEqualTo("metadata.annotations['batch.kubernetes.io/job-completion-index']");
        JsonNode rule = spec.get("podFailurePolicy").get("rules").get(0);
        assertThat(rule.get("action").asText()).isIn("FailJob", "Ignore", "Count", "FailIndex");
        assertThat(rule.get("onExitCodes").get("containerName").asText()).isEqualTo(container.get("name").asText());
        assertThat(rule.get("onExitCodes").get("values")).noneSatisfy(v -> assertThat(v.asInt()).isZero());
        assertThat(container.path("resources").path("limits").has("nvidia.com/gpu")).isFalse();

        // The kubelet's work for the pods of completion index 0 and 1, then the assemble Job.
        for (int index = 0; index < 2; index++) {
            List<String> args = new ArrayList<>();
            for (JsonNode a : container.get("args")) {
                args.add(a.asText().replace("$(JOB_COMPLETION_INDEX)", Integer.toString(index)));
            }
            assertThat(container.get("command").get(0).asText()).isEqualTo("fvstudio");
            assertThat(run(args)).isZero();
        }
        JsonNode assembler = assemble.get("spec").get("template").get("spec").get("containers").get(0);
        List<String> assembleArgs = new ArrayList<>();
        assembler.get("args").forEach(a -> assembleArgs.add(a.asText()));
        assertThat(run(assembleArgs)).isZero();
        assertThat(project.resolveSibling("Farm.mp4")).isNotEmptyFile();

        // With --device cuda every render pod asks for a GPU.
        assertThat(new CommandLine(new FarmCommand()).execute("k8s", project.toString(), "--chunk-size", "3",
                "--to", manifests.toString(), "--image", "registry.example/fvstudio:gpu", "--device", "cuda")).isZero();
        JsonNode gpu = FarmYaml.MAPPER.readTree(manifests.resolve("render-job.yaml").toFile());
        assertThat(gpu.get("spec").get("template").get("spec").get("containers").get(0).get("resources").get("limits")
                .get("nvidia.com/gpu").asInt()).isEqualTo(1);
        assertThat(gpu.get("spec").get("completions").asInt()).isEqualTo(2);
    }

    private static void assertFormatStringsResolve(JsonNode node, Set<String> jobParameters, Set<String> taskParameters) {
        if (node.isTextual()) {
            Matcher m = FORMAT_REFERENCE.matcher(node.asText());
            while (m.find()) {
                String reference = m.group(1);
                assertThat(reference).matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
                if (reference.startsWith("Param.") || reference.startsWith("RawParam.")) {
                    assertThat(jobParameters).contains(reference.substring(reference.indexOf('.') + 1));
                } else {
                    assertThat(reference).startsWith("Task.Param.");
                    assertThat(taskParameters).contains(reference.substring("Task.Param.".length()));
                }
            }
        }
        node.forEach(child -> assertFormatStringsResolve(child, jobParameters, taskParameters));
    }

    private static String resolve(String format, Map<String, String> values) {
        Matcher m = FORMAT_REFERENCE.matcher(format);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            assertThat(values).containsKey(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        return m.appendTail(out).toString();
    }

    /** CONTIGUOUS chunks (3.4.1.5): runs of consecutive values, at most {@code size} each, written start-end. */
    private static List<String> contiguousChunks(List<Integer> values, int size) {
        List<String> chunks = new ArrayList<>();
        int i = 0;
        while (i < values.size()) {
            int start = values.get(i);
            int end = start;
            while (i + 1 < values.size() && values.get(i + 1) == end + 1 && end - start + 1 < size) {
                end = values.get(++i);
            }
            chunks.add(start + "-" + end);
            i++;
        }
        return chunks;
    }

    private int runAction(JsonNode action, Map<String, String> values) throws Exception {
        assertThat(resolve(action.get("command").asText(), values)).isEqualTo("fvstudio");
        List<String> args = new ArrayList<>();
        action.get("args").forEach(a -> args.add(resolve(a.asText(), values)));
        return run(args);
    }

    /** What the worker's {@code fvstudio} launcher would run, in this JVM. */
    private static int run(List<String> args) {
        Object command = switch (args.get(0)) {
            case "render" -> new RenderCommand();
            case "assemble" -> new AssembleCommand();
            default -> throw new AssertionError("unexpected command " + args);
        };
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = new CommandLine(command).execute(args.subList(1, args.size()).toArray(String[]::new));
        } finally {
            System.setErr(saved);
        }
        if (rc != 0) {
            System.err.println(String.join(" ", args) + "\n" + err);
        }
        return rc;
    }
}
