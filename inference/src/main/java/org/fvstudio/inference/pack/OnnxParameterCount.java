package org.fvstudio.inference.pack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Counts the parameters of an ONNX graph (the elements of its initializers) by walking the protobuf wire
 * format directly: ModelProto.graph (field 7) -> GraphProto.initializer (field 5) -> TensorProto.dims (field 1).
 * ONNX Runtime's Java API does not expose initializers.
 */
public final class OnnxParameterCount {

    private OnnxParameterCount() {
    }

    public static long of(Path onnxFile) throws IOException {
        try (FileChannel ch = FileChannel.open(onnxFile, StandardOpenOption.READ)) {
            ByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            long total = 0;
            for (Field f = next(buf, buf.limit()); f != null; f = next(buf, buf.limit())) {
                if (f.number == 7 && f.wireType == 2) {
                    total += countGraph(buf, f.end);
                } else {
                    skip(buf, f);
                }
            }
            return total;
        } catch (RuntimeException e) {
            throw new IOException(onnxFile + ": not a readable ONNX protobuf (" + e + ")", e);
        }
    }

    private static long countGraph(ByteBuffer buf, int end) {
        long total = 0;
        for (Field f = next(buf, end); f != null; f = next(buf, end)) {
            if (f.number == 5 && f.wireType == 2) {
                total += countTensor(buf, f.end);
            } else {
                skip(buf, f);
            }
        }
        return total;
    }

    private static long countTensor(ByteBuffer buf, int end) {
        long elements = 1;
        for (Field f = next(buf, end); f != null; f = next(buf, end)) {
            if (f.number == 1 && f.wireType == 0) {
                elements *= f.value;
            } else if (f.number == 1 && f.wireType == 2) {
                while (buf.position() < f.end) {
                    elements *= varint(buf);
                }
            } else {
                skip(buf, f);
            }
        }
        buf.position(end);
        return elements;
    }

    private record Field(int number, int wireType, long value, int end) {
    }

    private static Field next(ByteBuffer buf, int end) {
        if (buf.position() >= end) {
            buf.position(end);
            return null;
        }
        long key = varint(buf);
        int number = (int) (key >>> 3);
        int wire = (int) (key & 7);
        return switch (wire) {
            case 0 -> new Field(number, wire, varint(buf), buf.position());
            case 1 -> new Field(number, wire, 0, buf.position() + 8);
            case 5 -> new Field(number, wire, 0, buf.position() + 4);
            case 2 -> {
                long len = varint(buf);
                yield new Field(number, wire, len, (int) (buf.position() + len));
            }
            default -> throw new IllegalStateException("unsupported protobuf wire type " + wire);
        };
    }

    private static void skip(ByteBuffer buf, Field f) {
        buf.position(f.end);
    }

    private static long varint(ByteBuffer buf) {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = buf.get();
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalStateException("malformed varint");
    }
}
