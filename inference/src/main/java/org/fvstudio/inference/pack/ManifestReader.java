package org.fvstudio.inference.pack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fvstudio.inference.runtime.ElementType;
import org.fvstudio.input.BadInputException;
import org.fvstudio.input.InputLimits;
import org.fvstudio.input.JsonFiles;
import org.fvstudio.inference.scheduler.BetaSchedule;
import org.fvstudio.inference.scheduler.PredictionType;
import org.fvstudio.inference.scheduler.SchedulerConfig;
import org.fvstudio.inference.scheduler.TimestepSpacing;
import org.fvstudio.inference.selection.BankSpec;
import org.fvstudio.inference.selection.SelectionRule;
import org.fvstudio.inference.selection.Weighting;

/** Reads pack.json into a {@link PackManifest}; every problem names the file and the JSON path. */
public final class ManifestReader {

    public static final String FILE_NAME = "pack.json";

    private final Path file;

    private ManifestReader(Path file) {
        this.file = file;
    }

    public static PackManifest read(Path packJson) throws PackException {
        return new ManifestReader(packJson).read();
    }

    private PackManifest read() throws PackException {
        JsonNode root;
        try {
            root = JsonFiles.readTree(file, file.toString(), InputLimits.PACK_JSON_MAX_BYTES, "a pack.json");
        } catch (BadInputException e) {
            throw new PackException(file, e.getMessage(), e);
        } catch (IOException e) {
            throw new PackException(file, file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw fail("", "expected a JSON object");
        }
        if (!"fvstudio-pack".equals(text(root, "format"))) {
            throw fail("format", "expected \"fvstudio-pack\", found " + root.get("format"));
        }
        int version = integer(root, "version");
        if (version != 1) {
            throw fail("version", "this FV Studio reads pack version 1, found " + version);
        }
        JsonNode res = object(root, "resolution");
        JsonNode pm = object(root, "pose_map");
        List<String> parts = new ArrayList<>();
        for (JsonNode p : array(pm, "parts", "pose_map.parts")) {
            parts.add(p.asText());
        }
        PackManifest.PoseMapSpec poseMap = new PackManifest.PoseMapSpec(integer(pm, "width", "pose_map.width"),
                integer(pm, "height", "pose_map.height"), parts, pm.path("fit").asText("stretch"),
                pm.path("stick_half_width").asInt(4), pm.path("joint_radius").asInt(4));
        JsonNode ri = object(root, "reference_image");
        PackManifest.ImageSpec refImage = new PackManifest.ImageSpec(integer(ri, "width", "reference_image.width"),
                integer(ri, "height", "reference_image.height"), ri.path("fit").asText("stretch"));
        JsonNode lt = object(root, "latent");
        PackManifest.LatentSpec latent = new PackManifest.LatentSpec(text(lt, "type", "latent.type"),
                integer(lt, "channels", "latent.channels"), integer(lt, "height", "latent.height"),
                integer(lt, "width", "latent.width"), lt.path("scale_factor").asDouble(1.0));

        Map<String, GraphDecl> graphs = new LinkedHashMap<>();
        JsonNode gs = object(root, "graphs");
        for (Iterator<Map.Entry<String, JsonNode>> it = gs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!PackManifest.KNOWN_GRAPHS.contains(e.getKey())) {
                throw fail("graphs." + e.getKey(), "unknown graph role (known: " + PackManifest.KNOWN_GRAPHS + ")");
            }
            graphs.put(e.getKey(), graph(e.getKey(), e.getValue()));
        }
        if (!graphs.containsKey(PackManifest.DENOISER)) {
            throw fail("graphs.denoiser", "the denoiser graph is required");
        }
        JsonNode corr = object(root, "correlation");
        JsonNode grid = array(corr, "grid", "correlation.grid");
        List<BankSpec> banks = new ArrayList<>();
        int bi = 0;
        for (JsonNode b : array(root, "banks", "banks")) {
            String path = "banks[" + bi++ + "]";
            JsonNode bg = array(b, "grid", path + ".grid");
            try {
                int topK = integer(b, "top_k", path + ".top_k");
                if (topK > InputLimits.TOKEN_BUDGET_MAX) {
                    throw fail(path + ".top_k", topK + " is more than the " + InputLimits.TOKEN_BUDGET_MAX
                            + " tokens FV Studio keeps per bank");
                }
                banks.add(new BankSpec(text(b, "name", path + ".name"), bg.get(0).asInt(), bg.get(1).asInt(),
                        integer(b, "channels", path + ".channels"), topK));
            } catch (IllegalArgumentException ex) {
                throw fail(path, ex.getMessage());
            }
        }
        JsonNode sel = object(root, "selection");
        if (!"bilinear".equals(sel.path("resize").asText("bilinear"))) {
            throw fail("selection.resize", "only bilinear is supported, found " + sel.get("resize"));
        }
        SelectionRule rule;
        try {
            rule = new SelectionRule(sel.path("align_corners").asBoolean(false), sel.path("softmax").asBoolean(false),
                    Weighting.fromName(sel.path("weight").asText("two_sigmoid")));
        } catch (IllegalArgumentException ex) {
            throw fail("selection.weight", ex.getMessage());
        }
        JsonNode gd = root.path("guidance");
        PackManifest.GuidanceSpec guidance = new PackManifest.GuidanceSpec(gd.path("default").asDouble(1.0),
                gd.path("unconditional").asText("zero_tokens"));
        PackManifest.SchedulerSpec scheduler = scheduler(object(root, "scheduler"));
        JsonNode ctx = root.path("context");
        PackManifest.ContextSpec context = new PackManifest.ContextSpec(ctx.path("frames").asInt(1),
                ctx.path("overlap").asInt(0), ctx.path("blend").asText("none"));
        Map<String, String> files = new LinkedHashMap<>();
        JsonNode fs = object(root, "files");
        for (Iterator<Map.Entry<String, JsonNode>> it = fs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String hash = e.getValue().asText();
            if (!isInsideThePack(e.getKey())) {
                throw fail("files", "'" + e.getKey() + "' is not a file inside the pack folder (no '..', no absolute"
                        + " path); a pack lists only its own files");
            }
            if (!hash.matches("[0-9a-f]{64}")) {
                throw fail("files." + e.getKey(), "expected a lower-case SHA-256 hex string, found " + e.getValue());
            }
            files.put(e.getKey(), hash);
        }
        for (GraphDecl g : graphs.values()) {
            if (!files.containsKey(g.file())) {
                throw fail("files", "graph '" + g.role() + "' file " + g.file() + " has no SHA-256 entry");
            }
            if (g.fp16File().isPresent() && !files.containsKey(g.fp16File().get())) {
                throw fail("files", "graph '" + g.role() + "' float16 file " + g.fp16File().get() + " has no SHA-256 entry");
            }
        }
        return new PackManifest(text(root, "id"), root.path("name").asText(text(root, "id")), root.path("license").asText(""),
                integer(res, "width", "resolution.width"), integer(res, "height", "resolution.height"), poseMap, refImage,
                latent, graphs, grid.get(0).asInt(), grid.get(1).asInt(), banks, rule, guidance, scheduler, context,
                root.path("noise").path("shared_across_frames").asBoolean(true), files);
    }

    private GraphDecl graph(String role, JsonNode g) throws PackException {
        String path = "graphs." + role;
        String f = text(g, "file", path + ".file");
        if (f.contains("/") || f.contains("\\") || f.startsWith(".")) {
            throw fail(path + ".file", "must be a plain file name inside the pack, found " + f);
        }
        java.util.Optional<String> fp16 = java.util.Optional.empty();
        if (g.has("file_fp16")) {
            String h = text(g, "file_fp16", path + ".file_fp16");
            if (h.contains("/") || h.contains("\\") || h.startsWith(".") || h.equals(f)) {
                throw fail(path + ".file_fp16", "must be a plain file name inside the pack, other than the float32 file, found " + h);
            }
            fp16 = java.util.Optional.of(h);
        }
        return new GraphDecl(role, f, fp16, tensors(object(g, "inputs", path + ".inputs"), path + ".inputs"),
                tensors(object(g, "outputs", path + ".outputs"), path + ".outputs"));
    }

    private List<TensorDecl> tensors(JsonNode node, String path) throws PackException {
        List<TensorDecl> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path + "." + e.getKey();
            List<Object> dims = new ArrayList<>();
            for (JsonNode d : array(e.getValue(), "shape", p + ".shape")) {
                if (d.isInt()) {
                    if (d.asInt() < 1 && d.asInt() != -1) {
                        throw fail(p + ".shape", "a dimension must be a positive size, -1 or an axis name, found "
                                + d.asInt());
                    }
                    dims.add(d.asInt());
                } else if (d.isTextual()) {
                    dims.add(d.asText());
                } else {
                    throw fail(p + ".shape", "dimensions must be integers or axis names, found " + d);
                }
            }
            ElementType type;
            try {
                type = ElementType.parse(e.getValue().path("dtype").asText("float32"));
            } catch (IllegalArgumentException ex) {
                throw fail(p + ".dtype", ex.getMessage());
            }
            out.add(new TensorDecl(e.getKey(), type, dims));
        }
        return out;
    }

    private PackManifest.SchedulerSpec scheduler(JsonNode s) throws PackException {
        try {
            if (s.path("eta").asDouble(0) != 0) {
                throw fail("scheduler.eta", "only eta = 0 (deterministic DDIM) is supported, found " + s.get("eta"));
            }
            double finalAlpha = s.path("final_alpha_cumprod").asDouble(1.0);
            TimestepSpacing spacing = TimestepSpacing.fromName(s.path("timestep_spacing").asText("leading"));
            SchedulerConfig config = new SchedulerConfig(s.path("num_train_timesteps").asInt(1000),
                    s.path("beta_start").asDouble(0.00085), s.path("beta_end").asDouble(0.012),
                    BetaSchedule.fromName(s.path("beta_schedule").asText("scaled_linear")),
                    PredictionType.fromName(s.path("prediction_type").asText("epsilon")), spacing,
                    s.path("steps_offset").asInt(0), s.path("rescale_zero_snr").asBoolean(false), finalAlpha == 1.0,
                    s.path("clip_sample").asBoolean(false));
            if (config.rescaleZeroSnr() && config.predictionType() == PredictionType.EPSILON) {
                throw fail("scheduler.prediction_type", "epsilon prediction cannot be used with rescale_zero_snr "
                        + "(alpha_bar of the last timestep is 0)");
            }
            return new PackManifest.SchedulerSpec(s.path("type").asText("ddim"), config, config.clipSample(),
                    s.path("default_steps").asInt(20));
        } catch (IllegalArgumentException e) {
            throw fail("scheduler", e.getMessage());
        }
    }

    /** A relative path of plain names: nothing that could lead out of the pack folder. */
    static boolean isInsideThePack(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0) {
            return false;
        }
        for (String part : name.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private PackException fail(String path, String message) {
        return new PackException(file, file + (path.isEmpty() ? "" : " at " + path) + ": " + message);
    }

    private JsonNode object(JsonNode parent, String key) throws PackException {
        return object(parent, key, key);
    }

    private JsonNode object(JsonNode parent, String key, String path) throws PackException {
        JsonNode n = parent.get(key);
        if (n == null || !n.isObject()) {
            throw fail(path, n == null ? "missing" : "expected an object, found " + n);
        }
        return n;
    }

    private JsonNode array(JsonNode parent, String key, String path) throws PackException {
        JsonNode n = parent.get(key);
        if (n == null || !n.isArray()) {
            throw fail(path, n == null ? "missing" : "expected an array, found " + n);
        }
        return n;
    }

    private String text(JsonNode parent, String key) throws PackException {
        return text(parent, key, key);
    }

    private String text(JsonNode parent, String key, String path) throws PackException {
        JsonNode n = parent.get(key);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw fail(path, n == null ? "missing" : "expected a non-empty string, found " + n);
        }
        return n.asText();
    }

    private int integer(JsonNode parent, String key) throws PackException {
        return integer(parent, key, key);
    }

    private int integer(JsonNode parent, String key, String path) throws PackException {
        JsonNode n = parent.get(key);
        if (n == null || !n.isInt() || n.asInt() < 1) {
            throw fail(path, n == null ? "missing" : "expected a positive integer, found " + n);
        }
        return n.asInt();
    }
}
