package org.ilium.database;

import org.ilium.shared.StartupFailure;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * An exclusive OS lock on {@code ilium.lock} in the data directory, held for the life of the process.
 * The OS drops it when the process dies, however it dies, so a stale lock never blocks a restart.
 */
final class DataDirectoryLock implements AutoCloseable {
    static final String FILE_NAME = "ilium.lock";

    private final RandomAccessFile file;
    private final FileLock lock;

    private DataDirectoryLock(RandomAccessFile file, FileLock lock) {
        this.file = file;
        this.lock = lock;
    }

    static DataDirectoryLock acquire(Path dataDir) {
        Path path = dataDir.resolve(FILE_NAME);
        RandomAccessFile file = null;
        try {
            file = new RandomAccessFile(path.toFile(), "rw");
            FileChannel channel = file.getChannel();
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very process
            }
            if (lock == null) {
                String holder = readHolder(file);
                file.close();
                throw new StartupFailure(
                        "The data directory " + dataDir.toAbsolutePath() + " is in use by another Ilium process"
                                + (holder.isEmpty() ? "" : " (pid " + holder + ")") + ". Nothing was changed.",
                        "Stop the other Ilium process, or set ILIUM_DATA_DIR to a different directory.");
            }
            file.setLength(0);
            file.write(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII));
            channel.force(true);
            return new DataDirectoryLock(file, lock);
        } catch (IOException e) {
            closeQuietly(file);
            throw new StartupFailure("Cannot lock the data directory " + dataDir.toAbsolutePath() + ": " + e.getMessage(),
                    "Check that the directory exists and is writable by this user.", e);
        }
    }

    private static String readHolder(RandomAccessFile file) {
        try {
            byte[] bytes = new byte[32];
            file.seek(0);
            int n = file.read(bytes);
            return n <= 0 ? "" : new String(bytes, 0, n, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(RandomAccessFile file) {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the OS releases it with the file anyway
        }
        closeQuietly(file);
    }
}
