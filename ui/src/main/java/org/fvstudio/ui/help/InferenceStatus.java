package org.fvstudio.ui.help;

/**
 * What the About box says about inference: the ONNX Runtime version and the device in use. The
 * inference runtime plugs in its own implementation once it is part of the studio; until then the
 * studio reports plainly that it has not loaded one.
 */
public interface InferenceStatus {

    String NOT_LOADED = "inference not loaded";

    String runtimeVersion();

    String deviceInUse();

    InferenceStatus NONE = new InferenceStatus() {
        @Override
        public String runtimeVersion() {
            return NOT_LOADED;
        }

        @Override
        public String deviceInUse() {
            return NOT_LOADED;
        }
    };
}
