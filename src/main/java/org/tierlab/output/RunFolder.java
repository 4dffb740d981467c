package org.tierlab.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.tierlab.io.AtomicOutput;

/**
 * A run folder that appears whole or not at all. Files are written into a hidden staging folder beside the
 * target ({@code .NAME.partial-...}); {@link #commit()} renames it into place, replacing an earlier run of the
 * same name. If the run fails or is interrupted (Ctrl-C runs the shutdown hook) the staging folder is deleted,
 * so nothing half-written ever sits under the real name.
 *
 * <p>Only a folder tierlab wrote may be replaced: every run folder holds a {@value #MARKER} file, and a target
 * that exists without it (a user's folder, a file, the working folder or one above it) is refused before the run
 * starts, so a mistyped {@code --out} or scenario name can never delete anything else.
 */
public final class RunFolder implements AutoCloseable {
    /** The file that marks a folder as a tierlab run folder, safe to replace. */
    public static final String MARKER = ".tierlab-run";

    private final Path target;
    private final Path staging;
    private final Thread cleanup;
    private boolean committed;

    private RunFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
        this.cleanup = new Thread(() -> deleteQuietly(staging), "tierlab-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** Opens a staging folder for {@code target}; refuses a target that is not safe to replace. */
    public static RunFolder open(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        checkReplaceable(target, abs);
        try {
            Files.createDirectories(abs.getParent());
            Path staging = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".partial-");
            AtomicOutput.readableByAll(staging, true);
            Files.writeString(staging.resolve(MARKER), "written by tierlab; a new run replaces this folder whole\n");
            return new RunFolder(abs, staging);
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
     * Refuses a target that a run must not replace: the root, the working folder or a folder above it, a file,
     * or a non-empty folder without the {@value #MARKER} file of an earlier run.
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
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(abs)) {
            return; // new, or a link: the move replaces the link, never what it points to
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
        if (!committed) {
            deleteQuietly(staging);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it will delete the staging folder
        }
    }

    /** SHA-256 of a text, hex encoded: the scenario's content hash in the manifest. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
