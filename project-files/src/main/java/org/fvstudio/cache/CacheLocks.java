package org.fvstudio.cache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache's two locks, both operating-system file locks (released by the system when a process dies, so a crash
 * never leaves a project locked). {@code cache/open.lock} is held for as long as a cache is open and tells a
 * second FV Studio that the project is open elsewhere. {@code cache/index.lock} is held for the few milliseconds of
 * each index update. Java's file locks belong to the whole process, so threads and windows of one FV Studio are
 * kept apart by an in-process lock per folder as well.
 */
final class CacheLocks {

    private static final Logger LOG = LoggerFactory.getLogger(CacheLocks.class);
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    /**
     * Open locks this process holds. A second channel on a locked file is never opened: closing it would drop the
     * process's lock on that file (POSIX record locks belong to the process, not the channel).
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path indexLock;
    private final FileChannel openChannel;
    private final FileLock openLock;

    private CacheLocks(Path indexLock, FileChannel openChannel, FileLock openLock) {
        this.indexLock = indexLock;
        this.openChannel = openChannel;
        this.openLock = openLock;
    }

    /** @param cacheFolder the cache folder's real path, so that every spelling of it shares one lock */
    static CacheLocks open(Path cacheFolder) throws IOException {
        Path indexLock = cacheFolder.resolve("index.lock");
        Path openLock = cacheFolder.resolve("open.lock");
        if (!HELD.add(openLock)) {
            return new CacheLocks(indexLock, null, null);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(openLock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new CacheLocks(indexLock, channel, lock);
            }
            channel.close();
            HELD.remove(openLock);
            return new CacheLocks(indexLock, null, null);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            HELD.remove(openLock);
            throw e;
        }
    }

    /** True when another FV Studio (or another window of this one) had the cache open first. */
    boolean openElsewhere() {
        return openLock == null;
    }

    /** What must not interleave with another writer's update of the index. */
    interface IndexUpdate<T> {
        T run() throws IOException;
    }

    <T> T whileIndexLocked(IndexUpdate<T> update) throws IOException {
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(indexLock, p -> new ReentrantLock());
        inProcess.lock();
        try (FileChannel channel = FileChannel.open(indexLock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            return update.run();
        } finally {
            inProcess.unlock();
        }
    }

    void close() {
        if (openLock == null) {
            return;
        }
        Path file = indexLock.resolveSibling("open.lock");
        try {
            openLock.release();
            openChannel.close();
        } catch (IOException e) {
            LOG.debug("cannot release {}", file, e);
        } finally {
            HELD.remove(file);
        }
    }
}
