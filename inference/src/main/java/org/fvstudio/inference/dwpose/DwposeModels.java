package org.fvstudio.inference.dwpose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fvstudio.inference.runtime.ElementType;
import org.fvstudio.inference.runtime.GraphSignature;
import org.fvstudio.inference.runtime.TensorSpec;

/** Where the two DWPose graphs live and what their signatures must be. */
public record DwposeModels(Path detector, Path estimator) {

    public static final String DETECTOR_FILE = "yolox_l.onnx";
    public static final String ESTIMATOR_FILE = "dw-ll_ucoco_384.onnx";

    public static final int DETECTOR_SIDE = 640;
    public static final int DETECTOR_CHANNELS = 85;
    public static final int CROP_WIDTH = 288;
    public static final int CROP_HEIGHT = 384;

    /** YOLOX-L: input "images"; the single output's name differs between exports, so it is matched by position. */
    public static final GraphSignature DETECTOR_SIGNATURE = new GraphSignature(
            List.of(TensorSpec.of("images", ElementType.FLOAT32, 1, 3, DETECTOR_SIDE, DETECTOR_SIDE)),
            List.of(TensorSpec.unnamed(ElementType.FLOAT32, 1, YoloxDecoder.anchorCount(DETECTOR_SIDE), DETECTOR_CHANNELS)));

    public static final GraphSignature ESTIMATOR_SIGNATURE = new GraphSignature(
            List.of(TensorSpec.of("input", ElementType.FLOAT32, 1, 3, CROP_HEIGHT, CROP_WIDTH)),
            List.of(TensorSpec.of("simcc_x", ElementType.FLOAT32, 1, WholeBodyMapping.COCO_WHOLEBODY_POINTS,
                            (long) (CROP_WIDTH * SimccDecoder.SPLIT_RATIO)),
                    TensorSpec.of("simcc_y", ElementType.FLOAT32, 1, WholeBodyMapping.COCO_WHOLEBODY_POINTS,
                            (long) (CROP_HEIGHT * SimccDecoder.SPLIT_RATIO))));

    /** {@code <fvstudio.home or ~/.fvstudio>/models/dwpose}. */
    public static Path defaultFolder() {
        String home = System.getProperty("fvstudio.home");
        Path base = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".fvstudio");
        return base.resolve("models").resolve("dwpose");
    }

    /** The models in the default folder. */
    public static DwposeModels locate() throws ModelsMissingException {
        return locate(defaultFolder());
    }

    /** The models in {@code folder}, or an exception naming every missing file and the folder. */
    public static DwposeModels locate(Path folder) throws ModelsMissingException {
        List<String> missing = new ArrayList<>();
        for (String name : List.of(DETECTOR_FILE, ESTIMATOR_FILE)) {
            if (!Files.isRegularFile(folder.resolve(name))) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new ModelsMissingException(folder, missing);
        }
        return new DwposeModels(folder.resolve(DETECTOR_FILE), folder.resolve(ESTIMATOR_FILE));
    }

    static String describe(String fileName) {
        return switch (fileName) {
            case DETECTOR_FILE -> "YOLOX-L person detector";
            case ESTIMATOR_FILE -> "DWPose-L whole-body estimator, 384x288";
            default -> "model";
        };
    }
}
