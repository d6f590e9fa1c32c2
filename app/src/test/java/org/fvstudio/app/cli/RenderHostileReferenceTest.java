package org.fvstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.fvstudio.pose.render.PngImages;
import org.fvstudio.project.io.FolderCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 19: a 20000x20000 PNG placed as a reference image of the sample project made {@code fvstudio render} die
 * with an OutOfMemoryError and a stack trace. The real launcher entry, in its own JVM with a small heap.
 */
class RenderHostileReferenceTest {

    @TempDir
    Path tmp;

    @Test
    void aDecompressionBombAsAReferenceIsRefusedWithAMessageAndNoTrace() throws Exception {
        Path project = tmp.resolve("Sample.fvs");
        FolderCopy.copy(Path.of(System.getProperty("user.dir")).resolve("../assets/sample/Sample.fvs").normalize(), project);
        Path closeup = project.resolve("references").resolve("closeup.png");
        Files.write(closeup, pngDeclaring(20000, 20000));

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Djava.awt.headless=true", "-Dfvstudio.home=" + tmp.resolve("home"),
                "-cp", System.getProperty("java.class.path"), "org.fvstudio.app.FvStudio",
                "render", project.toString(), "--out", tmp.resolve("out").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("render finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as("exit status; output:%n%s", output).isEqualTo(2);
        assertThat(output.strip()).isEqualTo("fvstudio render: cannot open project " + project + ": project.json:"
                + " references[0].image: references/closeup.png declares 20000x20000 pixels (400 megapixels), more than"
                + " the 16384 px a side and 100 megapixels FV Studio reads for a picture");
        assertThat(output).doesNotContain("OutOfMemoryError", "Exception", "\tat ");
        assertThat(tmp.resolve("out").resolve("frame_00000.png")).doesNotExist();
    }

    @Test
    void aCameraSizedReferenceRendersFromItsDownscaledDecode() throws Exception {
        Path project = CliProjects.create(tmp.resolve("Camera.fvs"), 2);
        BufferedImage photo = new BufferedImage(8000, 6000, BufferedImage.TYPE_3BYTE_BGR);
        photo.createGraphics().drawImage(ImageIO.read(CliProjects.testData().resolve("images/astronaut.png").toFile()),
                0, 0, 8000, 6000, null);
        // A camera JPEG under the reference's name: ImageIO reads what the bytes are.
        assertThat(ImageIO.write(photo, "jpeg", project.resolve("references").resolve("astronaut.png").toFile())).isTrue();
        photo = null;

        int rc = new CommandLine(new RenderCommand()).execute(project.toString(), "--frames", "0", "--out",
                tmp.resolve("out").toString(), "--steps", "1", "--device", "cpu");

        assertThat(rc).isZero();
        assertThat(PngImages.read(tmp.resolve("out").resolve("frame_00000.png")).width()).isEqualTo(270);
    }

    /** IHDR declaring the size, then the first rows of an all-black picture, deflated. */
    private static byte[] pngDeclaring(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).array());
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[64 * (1 + 3 * width)]);
        deflater.finish();
        byte[] body = new byte[1 << 16];
        int length = deflater.deflate(body);
        chunk(out, "IDAT", java.util.Arrays.copyOf(body, length));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
