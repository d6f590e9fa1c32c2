package org.fvstudio.inference.pipeline;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.security.MessageDigest;
import org.fvstudio.inference.image.ImageTensors;
import org.fvstudio.inference.job.GenerationException;
import org.fvstudio.inference.pack.ModelPack;
import org.fvstudio.inference.pack.PackManifest;
import org.fvstudio.inference.pack.Sha256;
import org.fvstudio.inference.selection.BankSpec;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.ReferenceShot;

/**
 * Runs {@code reference_net} once per reference and keeps the result under a content hash of (image pixels,
 * pose, pack), so that renaming a shot or generating another frame never recomputes it, while editing the
 * pose or replacing the picture does. A small LRU bounds the memory.
 */
public final class ReferenceStage {

    private static final int CAPACITY = 32;

    private final ModelPack pack;
    private final PoseMapRenderer poseMaps;
    private final GraphCalls calls;
    private final Map<String, ReferenceFeatures> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ReferenceFeatures> eldest) {
            return size() > CAPACITY;
        }
    };
    private int computed;

    public ReferenceStage(ModelPack pack, PoseMapRenderer poseMaps, GraphCalls calls) {
        this.pack = pack;
        this.poseMaps = poseMaps;
        this.calls = calls;
    }

    /** How many times reference_net actually ran (for tests and stats). */
    public int computedCount() {
        return computed;
    }

    public ReferenceFeatures features(ReferenceShot shot, RgbImage image) throws GenerationException {
        String key = contentKey(shot, image);
        ReferenceFeatures hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        PackManifest m = pack.manifest();
        float[] poseMap = poseMaps.render(shot.pose());
        Map<String, float[]> banks = new HashMap<>();
        if (pack.session(PackManifest.REFERENCE_NET).isPresent()) {
            PackManifest.ImageSpec spec = m.referenceImage();
            float[] pixels = ImageTensors.toChw(ImageTensors.resize(image, spec.width(), spec.height()), 1 / 127.5, -1);
            Map<String, TensorIn> in = new HashMap<>();
            in.put("ref_image", TensorIn.of(pixels, 1, 3, spec.height(), spec.width()));
            if (m.graph(PackManifest.REFERENCE_NET).orElseThrow().input("ref_pose").isPresent()) {
                in.put("ref_pose", TensorIn.of(poseMap, 1, 3, m.poseMap().height(), m.poseMap().width()));
            }
            Map<String, float[]> out = calls.run(pack.session(PackManifest.REFERENCE_NET).orElseThrow(),
                    PackManifest.REFERENCE_NET, in);
            for (BankSpec b : m.banks()) {
                banks.put(b.name(), GraphCalls.output(out, "bank_" + b.name(), PackManifest.REFERENCE_NET));
            }
        }
        ReferenceFeatures features = new ReferenceFeatures(shot.id(), poseMap, banks);
        computed++;
        cache.put(key, features);
        return features;
    }

    private String contentKey(ReferenceShot shot, RgbImage image) {
        MessageDigest d = Sha256.newDigest();
        ByteBuffer b = ByteBuffer.allocate(8 + image.width() * image.height() * 4);
        b.putInt(image.width()).putInt(image.height());
        for (int p : image.packedPixels()) {
            b.putInt(p);
        }
        d.update(b.array());
        ByteBuffer poses = ByteBuffer.allocate(8 + shot.pose().people().size() * PersonPose.KEYPOINT_COUNT * 3 * 8);
        poses.putInt(shot.pose().canvasWidth()).putInt(shot.pose().canvasHeight());
        for (PersonPose p : shot.pose().people()) {
            for (double v : p.toFlat()) {
                poses.putDouble(v);
            }
        }
        d.update(poses.array());
        d.update(pack.contentKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d.digest());
    }
}
