package org.fvstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .npy files the bench hands to the Python sampler: format 1.0 headers NumPy accepts, data in C order. */
class NpyWriterTest {

    @TempDir
    Path tmp;

    @Test
    void float32ArrayWithAHeaderPaddedTo64Bytes() throws Exception {
        Path f = tmp.resolve("noise.npy");
        NpyWriter.writeFloat32(f, new float[] {1.5f, -2f, 0f, 3.25f, 7f, -0.5f}, 2, 3);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.get()).isEqualTo((byte) 0x93);
        byte[] magic = new byte[5];
        b.get(magic);
        assertThat(new String(magic, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
        assertThat(b.get()).isEqualTo((byte) 1);
        assertThat(b.get()).isEqualTo((byte) 0);
        int headerLength = Short.toUnsignedInt(b.getShort());
        assertThat((10 + headerLength) % 64).isZero();
        byte[] h = new byte[headerLength];
        b.get(h);
        String header = new String(h, StandardCharsets.US_ASCII);
        assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }").endsWith("\n");
        float[] back = new float[6];
        b.asFloatBuffer().get(back);
        assertThat(back).containsExactly(1.5f, -2f, 0f, 3.25f, 7f, -0.5f);
        assertThat(b.remaining()).isEqualTo(24);
    }

    @Test
    void uint8PicturesAndOneDimensionalShapes() throws Exception {
        Path f = tmp.resolve("u8.npy");
        NpyWriter.writeUint8(f, new byte[] {0, (byte) 255, 17}, 3);
        byte[] all = Files.readAllBytes(f);
        String header = new String(all, 10, all.length - 13, StandardCharsets.US_ASCII);
        assertThat(header).contains("'descr': '|u1'").contains("'shape': (3,)");
        assertThat(Byte.toUnsignedInt(all[all.length - 2])).isEqualTo(255);
        assertThat(all[all.length - 1]).isEqualTo((byte) 17);
    }
}
