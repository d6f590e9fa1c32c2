package org.fvstudio.app.farm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes manifests of a farm render: an Indexed Job ({@code completionMode: Indexed}) with one completion per
 * chunk, the completion index (downward API annotation {@code batch.kubernetes.io/job-completion-index}, as
 * {@code JOB_COMPLETION_INDEX}) choosing the chunk through {@code --chunk $(JOB_COMPLETION_INDEX)/N}, and a
 * follow-up Job that assembles the video once the render Job is complete. Both mount one shared volume at the same
 * path as on the submitting machine, so the project and output paths are the same everywhere. A pod that fails
 * with exit 2 or 3 (bad input, missing pack) fails the Job at once: a retry cannot help; other failures are retried.
 */
public final class KubernetesJobs {

    /** Where the completion index lives on an Indexed Job's pods. */
    public static final String INDEX_ANNOTATION = "metadata.annotations['batch.kubernetes.io/job-completion-index']";
    public static final String INDEX_VARIABLE = "JOB_COMPLETION_INDEX";

    private KubernetesJobs() {
    }

    /**
     * @param claim       the PersistentVolumeClaim holding the project and the output folder
     * @param mount       where the claim is mounted (a folder above the project and the output)
     * @param parallelism pods at once (at most the number of chunks)
     */
    public static Map<String, Object> renderJob(FarmJob job, String image, String claim, String mount, int parallelism) {
        List<String> args = job.renderArgs(job.project().toString(), job.out().toString(),
                List.of("--frames", job.frames(), "--chunk", "$(" + INDEX_VARIABLE + ")/" + job.chunkCount()));
        Map<String, Object> container = container("render", image, job, args);
        container.put("env", List.of(Map.of("name", INDEX_VARIABLE,
                "valueFrom", Map.of("fieldRef", Map.of("fieldPath", INDEX_ANNOTATION)))));
        if (job.gpu()) {
            container.put("resources", Map.of("limits", Map.of("nvidia.com/gpu", 1)));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("completionMode", "Indexed");
        spec.put("completions", job.chunkCount());
        spec.put("parallelism", Math.max(1, Math.min(parallelism, job.chunkCount())));
        spec.put("backoffLimit", 2 * job.chunkCount());
        Map<String, Object> noRetry = new LinkedHashMap<>();
        noRetry.put("action", "FailJob");
        noRetry.put("onExitCodes", Map.of("containerName", "render", "operator", "In", "values", List.of(2, 3)));
        spec.put("podFailurePolicy", Map.of("rules", List.of(noRetry)));
        spec.put("template", podTemplate(job, container, claim, mount));
        return manifest(renderName(job), job, spec);
    }

    public static Map<String, Object> assembleJob(FarmJob job, String image, String claim, String mount) {
        List<String> args = job.assembleArgs(job.project().toString(), job.out().toString(), job.frames(),
                job.video().toString());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("completions", 1);
        spec.put("backoffLimit", 2);
        spec.put("template", podTemplate(job, container("assemble", image, job, args), claim, mount));
        return manifest("fvstudio-assemble-" + job.slug(40), job, spec);
    }

    public static String renderName(FarmJob job) {
        return "fvstudio-render-" + job.slug(40);
    }

    private static Map<String, Object> container(String name, String image, FarmJob job, List<String> args) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("image", image);
        c.put("command", List.of(job.command()));
        c.put("args", args);
        return c;
    }

    private static Map<String, Object> podTemplate(FarmJob job, Map<String, Object> container, String claim, String mount) {
        container.put("volumeMounts", List.of(Map.of("name", "farm", "mountPath", mount)));
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("restartPolicy", "Never");
        pod.put("containers", List.of(container));
        pod.put("volumes", List.of(Map.of("name", "farm", "persistentVolumeClaim", Map.of("claimName", claim))));
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("metadata", Map.of("labels", labels(job)));
        template.put("spec", pod);
        return template;
    }

    private static Map<String, Object> manifest(String name, FarmJob job, Map<String, Object> spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiVersion", "batch/v1");
        m.put("kind", "Job");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("labels", labels(job));
        m.put("metadata", metadata);
        m.put("spec", spec);
        return m;
    }

    private static Map<String, Object> labels(FarmJob job) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", "fvstudio");
        labels.put("fvstudio.org/project", job.slug(63));
        return labels;
    }
}
