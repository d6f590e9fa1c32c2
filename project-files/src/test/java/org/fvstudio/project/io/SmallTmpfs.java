package org.fvstudio.project.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * A real, small file system (tmpfs) mounted on a test folder, for disk-full trials. Mounting needs root (CI runs
 * as root); elsewhere the test that asks is skipped, with the reason.
 */
final class SmallTmpfs implements AutoCloseable {

    private final Path mountPoint;

    private SmallTmpfs(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    static SmallTmpfs mount(Path mountPoint, int kilobytes) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        boolean mounted = run("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k", "tmpfs", mountPoint.toString());
        assumeTrue(mounted, "a tmpfs cannot be mounted here (needs root): the disk-full trial on a real file system is skipped");
        return new SmallTmpfs(mountPoint);
    }

    Path root() {
        return mountPoint;
    }

    /** Fills the free space with a filler file, then frees {@code keepFreeBytes} of it. */
    void fillLeaving(long keepFreeBytes) throws IOException {
        Path filler = mountPoint.resolve("filler.bin");
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // the file system is full now
        }
        long size = Files.size(filler);
        try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.WRITE)) {
            channel.truncate(Math.max(0, size - keepFreeBytes));
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (!run("umount", mountPoint.toString())) {
            run("umount", "-l", mountPoint.toString());
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException noSuchCommand) {
            return false;
        }
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
