package org.fvstudio.app.farm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job template of Open Job Description, template schemas version 2023-09 ({@code jobtemplate-2023-09}) with the
 * TASK_CHUNKING extension (RFC 0001): step {@code Render} has one {@code CHUNK[INT]} task parameter {@code Frame}
 * over the range expression of job parameter {@code Frames}, in contiguous chunks of {@code ChunkSize}; each task runs
 * {@code fvstudio render ... --frames {{Task.Param.Frame}}} (a contiguous chunk expands to {@code start-end}). Step
 * {@code Assemble} depends on it and encodes the video. {@code Frames} is a STRING holding the range expression: the
 * RANGE_EXPR job parameter type exists only with the later EXPR extension, which engines need not support.
 */
public final class OpenJdTemplate {

    public static final String SPECIFICATION = "jobtemplate-2023-09";
    public static final String CHUNKING = "TASK_CHUNKING";

    private OpenJdTemplate() {
    }

    public static Map<String, Object> of(FarmJob job) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("specificationVersion", SPECIFICATION);
        t.put("extensions", List.of(CHUNKING));
        t.put("name", truncate("FV Studio render: " + job.name(), 128));
        t.put("description", "Renders the frames of " + job.project().getFileName() + " in chunks with fvstudio render, "
                + "then encodes them with fvstudio assemble (docs/farm.md).");
        List<Object> parameters = new ArrayList<>();
        parameters.add(path("ProjectDir", "DIRECTORY", "IN", job.project().toString(), "The project bundle (NAME.fvs)"));
        parameters.add(path("OutputDir", "DIRECTORY", "OUT", job.out().toString(),
                "Shared folder for the frames, heatmaps and stats"));
        parameters.add(path("Video", "FILE", "OUT", job.video().toString(), "The MP4 the assemble step writes"));
        Map<String, Object> frames = new LinkedHashMap<>();
        frames.put("name", "Frames");
        frames.put("type", "STRING");
        frames.put("description", "Frames to render, a range expression such as 0-99 or 1,3,7-20:2");
        frames.put("default", job.frames());
        frames.put("minLength", 1);
        parameters.add(frames);
        Map<String, Object> chunkSize = new LinkedHashMap<>();
        chunkSize.put("name", "ChunkSize");
        chunkSize.put("type", "INT");
        chunkSize.put("description", "Frames per task; each task pays the start-up (JVM and model pack load) once");
        chunkSize.put("default", job.chunkSize());
        chunkSize.put("minValue", 1);
        parameters.add(chunkSize);
        t.put("parameterDefinitions", parameters);
        t.put("steps", List.of(renderStep(job), assembleStep(job)));
        return t;
    }

    private static Map<String, Object> renderStep(FarmJob job) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("name", "Frame");
        frame.put("type", "CHUNK[INT]");
        frame.put("range", "{{Param.Frames}}");
        Map<String, Object> chunks = new LinkedHashMap<>();
        chunks.put("defaultTaskCount", "{{Param.ChunkSize}}");
        chunks.put("rangeConstraint", "CONTIGUOUS");
        frame.put("chunks", chunks);
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("name", "Render");
        step.put("description", "fvstudio render of one contiguous chunk of frames into OutputDir");
        if (job.gpu()) {
            step.put("hostRequirements", Map.of("amounts", List.of(Map.of("name", "amount.worker.gpu", "min", 1))));
        }
        step.put("parameterSpace", Map.of("taskParameterDefinitions", List.of(frame)));
        // SIGTERM first: the renderer stops between two denoising steps and keeps every finished frame (exit 5).
        Map<String, Object> cancel = new LinkedHashMap<>();
        cancel.put("mode", "NOTIFY_THEN_TERMINATE");
        cancel.put("notifyPeriodInSeconds", 120);
        step.put("script", Map.of("actions", Map.of("onRun",
                action(job, job.renderArgs("{{Param.ProjectDir}}", "{{Param.OutputDir}}",
                        List.of("--frames", "{{Task.Param.Frame}}")), cancel))));
        return step;
    }

    private static Map<String, Object> assembleStep(FarmJob job) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("name", "Assemble");
        step.put("description", "fvstudio assemble: checks every frame is there, then encodes the MP4");
        step.put("dependencies", List.of(Map.of("dependsOn", "Render")));
        step.put("script", Map.of("actions", Map.of("onRun", action(job, job.assembleArgs("{{Param.ProjectDir}}",
                "{{Param.OutputDir}}", "{{Param.Frames}}", "{{Param.Video}}"), null))));
        return step;
    }

    private static Map<String, Object> action(FarmJob job, List<String> args, Map<String, Object> cancel) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("command", job.command());
        action.put("args", args);
        if (cancel != null) {
            action.put("cancelation", cancel);
        }
        return action;
    }

    private static Map<String, Object> path(String name, String objectType, String dataFlow, String value, String description) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("type", "PATH");
        p.put("objectType", objectType);
        p.put("dataFlow", dataFlow);
        p.put("description", description);
        p.put("default", value);
        return p;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
