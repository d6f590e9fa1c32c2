package org.fvstudio.inference.runtime;

import java.util.Locale;

import ai.onnxruntime.TensorInfo;

/** Tensor element types with the names used in messages and manifests. */
public enum ElementType {
    FLOAT32, FLOAT16, BFLOAT16, FLOAT64, INT8, UINT8, INT16, INT32, INT64, BOOL, STRING, OTHER;

    public static ElementType of(TensorInfo.OnnxTensorType type) {
        return switch (type) {
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT -> FLOAT32;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16 -> FLOAT16;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_BFLOAT16 -> BFLOAT16;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE -> FLOAT64;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT8 -> INT8;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT8 -> UINT8;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT16 -> INT16;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32 -> INT32;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64 -> INT64;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL -> BOOL;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_STRING -> STRING;
            default -> OTHER;
        };
    }

    /** Parses names such as {@code float32}, {@code int64} (as written in manifests). */
    public static ElementType parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.equals("FLOAT")) {
            return FLOAT32;
        }
        if (t.equals("DOUBLE")) {
            return FLOAT64;
        }
        try {
            return valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown tensor element type '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
