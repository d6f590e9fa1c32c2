package org.fvstudio.inference.pack;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fvstudio.inference.scheduler.SchedulerConfig;
import org.fvstudio.inference.selection.BankSpec;
import org.fvstudio.inference.selection.SelectionRule;

/** pack.json, parsed and checked (docs/model-pack.md section 1). */
public record PackManifest(String id, String name, String license, int width, int height,
                           PoseMapSpec poseMap, ImageSpec referenceImage, LatentSpec latent,
                           Map<String, GraphDecl> graphs, int correlationH, int correlationW, List<BankSpec> banks,
                           SelectionRule selection, GuidanceSpec guidance, SchedulerSpec scheduler,
                           ContextSpec context, boolean noiseSharedAcrossFrames, Map<String, String> files) {

    public static final String PCM = "pcm";
    public static final String REFERENCE_NET = "reference_net";
    public static final String POSE_GUIDER = "pose_guider";
    public static final String DENOISER = "denoiser";
    public static final String VAE_DECODER = "vae_decoder";
    public static final String IMAGE_ENCODER = "image_encoder";
    public static final String VAE_ENCODER = "vae_encoder";
    public static final List<String> KNOWN_GRAPHS = List.of(PCM, REFERENCE_NET, POSE_GUIDER, IMAGE_ENCODER, DENOISER,
            VAE_ENCODER, VAE_DECODER);

    public PackManifest {
        graphs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(graphs));
        banks = List.copyOf(banks);
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
    }

    public Optional<GraphDecl> graph(String role) {
        return Optional.ofNullable(graphs.get(role));
    }

    /** @param parts which DWPose parts the maps show ({@code body}, {@code hands}, {@code face}, {@code feet}) */
    public record PoseMapSpec(int width, int height, List<String> parts, String fit, int stickHalfWidth, int jointRadius) {
    }

    public record ImageSpec(int width, int height, String fit) {
    }

    /** {@code type} is {@code pixel} or {@code vae}; values are in [-1, 1] in pixel space. */
    public record LatentSpec(String type, int channels, int height, int width, double scaleFactor) {
        public int size() {
            return channels * height * width;
        }
    }

    /** {@code unconditional}: {@code zero_tokens} = every token and weight 0. */
    public record GuidanceSpec(double defaultScale, String unconditional) {
    }

    public record SchedulerSpec(String type, SchedulerConfig config, boolean clipSample, int defaultSteps) {
    }

    public record ContextSpec(int frames, int overlap, String blend) {
    }
}
