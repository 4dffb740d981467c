package org.tierlab.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
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
 */
public final class RunFolder implements AutoCloseable {
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

    /** Opens a staging folder for {@code target}. */
    public static RunFolder open(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs.getParent());
            Path staging = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".partial-");
            AtomicOutput.readableByAll(staging, true);
            return new RunFolder(abs, staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run folder " + target + ": " + e.getMessage(), e);
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
            if (Files.exists(target)) {
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
