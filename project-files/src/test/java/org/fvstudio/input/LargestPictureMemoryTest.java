package org.fvstudio.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;

import org.fvstudio.media.ImageFiles;
import org.fvstudio.media.Picture;
import org.fvstudio.project.Project;
import org.fvstudio.project.io.ProjectBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The largest picture FV Studio accepts (10000x10000, the 100-megapixel limit) imported as a reference and loaded
 * at the working size as the studio holds it, in a JVM whose heap is smaller than the 300 MB a full decode takes;
 * only the working-size copy stays. Prints the figures docs/RELIABILITY.md quotes.
 */
class LargestPictureMemoryTest {

    private static final int SIDE = 10_000;
    private static final long MB = 1L << 20;
    /** Below the 300 MB of pixels a full decode needs: the import must decode at the working size to pass. */
    private static final int HEAP_MB = 96;

    @TempDir
    Path work;

    @Test
    void theLargestAllowedPictureImportsInA96MegabyteHeapAndOnlyTheWorkingSizeStays() throws Exception {
        Path png = work.resolve("largest-allowed.png");
        Files.write(png, flatPng(SIDE, SIDE));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx" + HEAP_MB + "m", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), Import.class.getName(), png.toString(),
                work.resolve("Largest.fvs").toString()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String result = output.strip().lines().reduce((first, second) -> second).orElse("");

        System.out.printf(Locale.ROOT, "largest allowed picture %dx%d (%.1f MB file) in a %d MB heap: %s%n", SIDE, SIDE,
                Files.size(png) / (double) MB, HEAP_MB, result);
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(result).startsWith("held at 2000x2000 of 10000x10000");
        long retained = Long.parseLong(result.replaceAll(".*retained (\\d+) MB.*", "$1"));
        assertThat(retained).as("heap kept after the import, MB").isLessThan(32);
    }

    /** The import in a JVM of its own: a bundle, the picture imported and loaded at the working size, the heap kept. */
    static final class Import {
        public static void main(String[] args) throws Exception {
            long before = usedAfterGc();
            ProjectBundle bundle = ProjectBundle.create(Path.of(args[1]), Project.createNew("Largest"));
            String name = bundle.importReferenceImage(Path.of(args[0]));
            Picture held = ImageFiles.readWithin(bundle.referenceImage(name), InputLimits.WORKING_MAX_SIDE);
            long retained = usedAfterGc() - before;
            System.out.printf(Locale.ROOT, "held at %dx%d of %dx%d, retained %d MB of heap%n", held.image().width(),
                    held.image().height(), held.sourceWidth(), held.sourceHeight(), retained / MB);
        }
    }

    /** A valid RGB PNG of one colour: every row filtered 'none', deflated (a 300 MB picture in a few hundred KB). */
    private static byte[] flatPng(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] ihdr = new byte[13];
        HostileFiles.putInt(ihdr, 0, width);
        HostileFiles.putInt(ihdr, 4, height);
        ihdr[8] = 8;
        ihdr[9] = 2;
        HostileFiles.chunk(out, "IHDR", ihdr);
        byte[] row = new byte[1 + 3 * width];
        for (int i = 1; i < row.length; i++) {
            row[i] = (byte) (i % 3 == 1 ? 200 : 90);
        }
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        for (int y = 0; y < height; y++) {
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                idat.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            idat.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        HostileFiles.chunk(out, "IDAT", idat.toByteArray());
        HostileFiles.chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
