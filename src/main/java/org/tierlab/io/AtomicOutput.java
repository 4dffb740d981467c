package org.tierlab.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that it either appears complete or not at all: the bytes go to a temporary file in the
 * same folder, which is renamed over the target only after it has been written and closed. A run that
 * fails or is interrupted half way leaves at most a {@code .tmp} file, never a truncated result under the
 * real name.
 */
public final class AtomicOutput {
    private AtomicOutput() {
    }

    /** Something that writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        /** Writes everything to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Something that writes the text of a file. */
    @FunctionalInterface
    public interface TextContent {
        /** Writes everything to {@code out}. */
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Refuses an output file path before any work is done: one with no file name (the root, the working folder),
     * a symbolic link (the rename would replace the link, not the file it points to), an existing folder, or one
     * of the command's {@code inputs}, which the output would replace.
     */
    public static void checkTarget(String option, Path target, Path... inputs) {
        Path abs = target.toAbsolutePath().normalize();
        if (target.toString().isEmpty() || abs.getParent() == null || abs.getFileName() == null) {
            throw new OutputPathException(option + " '" + target + "': expected a file path");
        }
        if (Files.isSymbolicLink(abs)) {
            throw new OutputPathException(option + " " + target + " is a symbolic link" + linkTarget(abs)
                    + ", which the output would replace; give the real path of the file");
        }
        if (Files.isDirectory(abs)) {
            throw new OutputPathException(option + " " + target + " is a folder; expected a file path");
        }
        // checked now, before any work: the write at the end would fail with only the parent's name
        for (Path p = abs.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new OutputPathException(option + " " + target + " lies inside " + p + ", which is a file;"
                            + " expected a path in a folder");
                }
                break;
            }
        }
        for (Path input : inputs) {
            if (input != null && sameFile(abs, input.toAbsolutePath().normalize())) {
                throw new OutputPathException(option + " " + target + " is an input file (" + input
                        + "); expected another file for the output");
            }
        }
    }

    /** " (to TARGET)" for a symbolic link, for messages; "" if it cannot be read. */
    public static String linkTarget(Path link) {
        try {
            return " (to " + Files.readSymbolicLink(link) + ")";
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return a.equals(b) || Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false; // unreadable: the reader reports it
        }
    }

    /** An output path that cannot be used: bad input, reported as such. */
    public static final class OutputPathException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutputPathException(String message) {
            super(message);
        }
    }

    /** Writes {@code content} to {@code target} atomically. */
    public static void write(Path target, Content content) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            readableByAll(tmp, false);
            move(tmp, target);
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the .tmp name already marks it as incomplete
                }
            }
        }
    }

    /** Writes UTF-8 text to {@code target} atomically. */
    public static void writeText(Path target, TextContent content) {
        write(target, out -> {
            Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            content.writeTo(w);
            w.flush();
        });
    }

    /** Writes a string as UTF-8 to {@code target} atomically. */
    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Temporary files are created private (0600, 0700); a result is an ordinary file, so give it the usual
     * permissions before it appears under its real name.
     */
    public static void readableByAll(Path path, boolean directory) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString(
                    directory ? "rwxr-xr-x" : "rw-r--r--"));
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
