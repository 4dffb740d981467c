package org.tierlab.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.tierlab.io.AtomicOutput;

/**
 * A run folder that appears whole or not at all. Files are written into a hidden staging folder beside the
 * target ({@code .NAME.partial-...}); {@link #commit()} renames it into place, replacing an earlier run of the
 * same name. If the run fails or is interrupted (Ctrl-C runs the shutdown hook) the staging folder is deleted,
 * so nothing half-written ever sits under the real name; a staging folder left by a killed process (no hook
 * runs on {@code kill -9}) is deleted by the next run to the same target, as its lock is no longer held.
 *
 * <p>Only a folder tierlab wrote may be replaced: every run folder holds a {@value #MARKER} file, and a target
 * that exists without it (a user's folder, a file, the working folder or one above it) is refused before the run
 * starts, so a mistyped {@code --out} or scenario name can never delete anything else. So is a symbolic link,
 * which the run would replace while the user meant the folder it points to.
 */
public final class RunFolder implements AutoCloseable {
    /** The file that marks a folder as a tierlab run folder, safe to replace. */
    public static final String MARKER = ".tierlab-run";

    /**
     * The lock file of a staging folder: locked while its run is alive. The operating system releases the lock
     * when the process dies, even by {@code kill -9}, so a later run can tell an abandoned staging folder from a
     * live one and delete it.
     */
    private static final String LOCK = ".lock";
    /** Staging and set-aside folders without a lock file are taken as abandoned only when this old. */
    private static final long UNLOCKED_AGE_MILLIS = 3_600_000;

    private final Path target;
    private final Path staging;
    private final Thread cleanup;
    private final FileChannel lockChannel;
    private boolean committed;

    private RunFolder(Path target, Path staging, FileChannel lockChannel) {
        this.target = target;
        this.staging = staging;
        this.lockChannel = lockChannel;
        this.cleanup = new Thread(() -> deleteQuietly(staging), "tierlab-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /**
     * Deletes the staging and set-aside folders of {@code abs} that earlier runs abandoned (killed before they
     * could clean up): those whose lock nobody holds, or, without a lock file, older than an hour.
     */
    private static void deleteAbandoned(Path abs) {
        String name = abs.getFileName().toString();
        try (var siblings = Files.list(abs.getParent())) {
            siblings.filter(p -> {
                String n = p.getFileName().toString();
                return (n.startsWith("." + name + ".partial-") || n.startsWith("." + name + ".old-"))
                        && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            }).filter(RunFolder::abandoned).forEach(RunFolder::deleteQuietly);
        } catch (IOException | UncheckedIOException e) {
            // best effort: abandoned folders are hidden and named as partial
        }
    }

    private static boolean abandoned(Path dir) {
        Path lock = dir.resolve(LOCK);
        if (!Files.exists(lock)) {
            try {
                return System.currentTimeMillis() - Files.getLastModifiedTime(dir).toMillis() > UNLOCKED_AGE_MILLIS;
            } catch (IOException e) {
                return false;
            }
        }
        try (var channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            var held = channel.tryLock();
            if (held == null) {
                return false; // another process's live run
            }
            held.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // a live run in this process
        } catch (IOException e) {
            return false;
        }
    }

    /** Opens a staging folder for {@code target}; refuses a target that is not safe to replace. */
    public static RunFolder open(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        checkReplaceable(target, abs);
        try {
            Files.createDirectories(abs.getParent());
            deleteAbandoned(abs);
            Path staging = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".partial-");
            var lock = FileChannel.open(staging.resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            lock.lock();
            AtomicOutput.readableByAll(staging, true);
            Files.writeString(staging.resolve(MARKER), "written by tierlab; a new run replaces this folder whole\n");
            return new RunFolder(abs, staging, lock);
        } catch (java.nio.file.FileSystemException e) {
            // the user's path is the problem (no permission, a file in the way): bad input, said in words
            String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileAlreadyExistsException
                            || e instanceof java.nio.file.NotDirectoryException ? "a file is in the way"
                    : e.getReason() != null ? e.getReason() : "cannot write there";
            String where = e.getFile() == null || e.getFile().contains(".partial-") ? String.valueOf(abs.getParent())
                    : e.getFile();
            throw new TargetException("cannot create run folder " + target + ": " + why + " (" + where + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run folder " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a target that a run must not replace: the root, the working folder or a folder above it, a symbolic
     * link, a file, or a non-empty folder without the {@value #MARKER} file of an earlier run.
     */
    static void checkReplaceable(Path given, Path abs) {
        String shown = "'" + given + "'";
        if (abs.getParent() == null || abs.getFileName() == null) {
            throw new TargetException("cannot use " + shown + " as a run folder: expected a folder below the root");
        }
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (cwd.startsWith(abs)) {
            throw new TargetException("cannot use " + shown + " as a run folder: it is the working folder or holds it,"
                    + " and a run replaces its folder whole; expected a new or earlier run folder");
        }
        if (Files.isSymbolicLink(abs)) {
            // the move would replace the link itself with the run folder: the user meant the folder it points to
            throw new TargetException("cannot use " + shown + " as a run folder: it is a symbolic link"
                    + AtomicOutput.linkTarget(abs) + ", which a run would replace; give the real path of the folder");
        }
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            return; // new
        }
        if (!Files.isDirectory(abs)) {
            throw new TargetException("cannot use " + shown + " as a run folder: it is a file; expected a folder");
        }
        if (!Files.exists(abs.resolve(MARKER)) && !isEmpty(abs) && !isEarlierRun(abs)) {
            throw new TargetException("will not replace " + shown + ": it is not empty and was not written by tierlab"
                    + " (no " + MARKER + " file); choose another --out, or remove the folder yourself");
        }
    }

    /** Every file name a run, fit or replay folder of a tierlab version from before the marker could hold. */
    private static final java.util.Set<String> EARLIER_RUN_FILES = java.util.Set.of("scenario.yaml", "manifest.json",
            "summary.csv", "periods.csv", "tiers.csv", "migrations.csv", "concentration.csv", "report.html",
            "parameters.csv", "calibration_histogram.csv", "conditional.csv", "customers.csv", "tracking.csv",
            "accuracy.csv", "validity.csv", "gains.csv", "holdout_by_tier.csv", "tier_sizes.csv", "stability.csv");

    /**
     * A run folder of a tierlab version from before the marker: a report.html and nothing but files tierlab
     * writes. One file of any other name (a user's notes) and the folder is not replaced.
     */
    private static boolean isEarlierRun(Path dir) {
        try (var entries = Files.list(dir)) {
            return Files.exists(dir.resolve("report.html")) && entries.allMatch(p -> Files.isRegularFile(p,
                    LinkOption.NOFOLLOW_LINKS) && EARLIER_RUN_FILES.contains(p.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A run folder target that must not be used: bad input, reported as such. */
    public static final class TargetException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TargetException(String message) {
            super(message);
        }
    }

    /** Where files of this run go until commit. */
    public Path dir() {
        return staging;
    }

    /** The final location. */
    public Path target() {
        return target;
    }

    /** Moves the finished folder into place, replacing any earlier run there. */
    public void commit() {
        try {
            Path old = null;
            checkReplaceable(target, target); // it may have changed during the run
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
                Files.delete(old);
                move(target, old);
            }
            unlock(true);
            move(staging, target);
            committed = true;
            if (old != null) {
                deleteQuietly(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move run folder into " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        unlock(false);
        if (!committed) {
            deleteQuietly(staging);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it will delete the staging folder
        }
    }

    /** Releases the staging folder's lock; {@code remove}: and deletes the lock file, before the folder is moved. */
    private void unlock(boolean remove) {
        try {
            if (lockChannel.isOpen()) {
                lockChannel.close(); // releases the lock
            }
            if (remove) {
                Files.deleteIfExists(staging.resolve(LOCK));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock of " + staging + ": " + e.getMessage(), e);
        }
    }

    /** SHA-256 of a text, hex encoded: the scenario's content hash in the manifest. */
    public static String sha256(String text) {
        MessageDigest d = sha256();
        return HexFormat.of().formatHex(d.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** SHA-256 of a file's bytes, hex encoded, read in blocks (a transaction log may be large). */
    public static String sha256(Path file) throws IOException {
        MessageDigest d = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0;) {
                d.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java platform must provide SHA-256
        }
    }

    /** Writes a text file into the staging folder. */
    public void writeText(String name, String text) {
        AtomicOutput.writeString(staging.resolve(name), text);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort: the folder's name already says it is partial
        }
    }
}
