package org.fvstudio.inference.golden;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads numpy .npy files (format 1.0, C order, little-endian float32 or int64): the golden tensors' format. */
public record Npy(long[] shape, float[] floats, long[] longs) {

    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    public static Npy read(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[6];
        buf.get(magic);
        if (magic[0] != (byte) 0x93 || !new String(magic, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new IOException(file + ": not a .npy file");
        }
        int major = buf.get();
        buf.get();
        int headerLength = major == 1 ? Short.toUnsignedInt(buf.getShort()) : buf.getInt();
        byte[] h = new byte[headerLength];
        buf.get(h);
        String header = new String(h, StandardCharsets.US_ASCII);
        if (header.contains("'fortran_order': True")) {
            throw new IOException(file + ": Fortran order is not supported");
        }
        Matcher d = DESCR.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !s.find()) {
            throw new IOException(file + ": malformed header " + header);
        }
        long[] shape = Arrays.stream(s.group(1).split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        int n = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        switch (d.group(1)) {
            case "<f4" -> {
                float[] v = new float[n];
                buf.asFloatBuffer().get(v);
                return new Npy(shape, v, null);
            }
            case "<i8" -> {
                long[] v = new long[n];
                buf.asLongBuffer().get(v);
                return new Npy(shape, null, v);
            }
            case "|u1" -> {
                // uint8 pictures and pose maps, returned as floats 0..255
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = Byte.toUnsignedInt(buf.get());
                }
                return new Npy(shape, v, null);
            }
            default -> throw new IOException(file + ": dtype " + d.group(1) + " is not supported (float32, int64 or uint8)");
        }
    }
}
