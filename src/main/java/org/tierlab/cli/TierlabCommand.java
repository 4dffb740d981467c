package org.tierlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.tierlab.config.ConfigException;
import org.tierlab.io.AtomicOutput;
import org.tierlab.output.RunFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code tierlab} program: one command with a subcommand per job. Errors in user input are printed as one
 * clear message with exit code 2; nothing a user does shows them a stack trace.
 */
@Command(name = "tierlab",
        mixinStandardHelpOptions = true,
        versionProvider = TierlabCommand.Version.class,
        description = "Try customer tiering models and per-tier maintenance policies before rolling them out.",
        subcommands = {
            CommandLine.HelpCommand.class,
            RunCommand.class,
            ScoreCommand.class,
            FitCommand.class,
            ReplayCommand.class,
            ReportCommand.class,
        })
public final class TierlabCommand implements java.util.concurrent.Callable<Integer> {
    /** Exit code for bad user input (scenario, log, options). */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code for an unexpected internal failure. */
    public static final int EXIT_INTERNAL = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a command there is nothing to do: the usage, on the error stream, and the bad-input exit code. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("tierlab: give a command (run, score, fit, replay, report)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return EXIT_BAD_INPUT;
    }

    /** Entry point of the jar. */
    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the program with the given streams and returns its exit code (used by tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = newCommandLine();
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            return outOfMemory(err);
        }
    }

    /**
     * Heap kept back so that the out-of-memory message can still be printed when the heap is full (other units of
     * a run may still hold their arrays when the first one fails).
     */
    private static byte[] reserve = new byte[2 << 20];

    private static int outOfMemory(PrintWriter err) {
        reserve = null;
        err.println(OUT_OF_MEMORY);
        err.flush();
        return EXIT_INTERNAL;
    }

    /** What a user is told when the heap is too small: how to give it more, or use less at once. */
    static final String OUT_OF_MEMORY = "tierlab: out of memory (Java heap). Give the JVM more heap, for example "
            + "TIERLAB_JAVA_OPTS=\"-Xmx4g\" ./tierlab ..., or run fewer replications at once with --threads.";

    /** True if the exception or one of its causes is an {@link OutOfMemoryError}. */
    static boolean outOfMemory(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** A configured command line: subcommands, error handling and exit codes. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new TierlabCommand());
        cl.setExecutionExceptionHandler(TierlabCommand::handle);
        cl.setParameterExceptionHandler(new CommandLine.IParameterExceptionHandler() {
            @Override
            public int handleParseException(CommandLine.ParameterException ex, String[] args) {
                PrintWriter err = ex.getCommandLine().getErr();
                err.println("tierlab: " + ex.getMessage());
                err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
                return EXIT_BAD_INPUT;
            }
        });
        return cl;
    }

    private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        if (ex instanceof ConfigException || ex instanceof UserInputException
                || ex instanceof RunFolder.TargetException || ex instanceof AtomicOutput.OutputPathException) {
            err.println("tierlab: " + ex.getMessage());
            return EXIT_BAD_INPUT;
        }
        if (ex instanceof UncheckedIOException || ex instanceof IOException) {
            err.println("tierlab: " + ex.getMessage());
            return EXIT_INTERNAL;
        }
        if (outOfMemory(ex)) {
            return outOfMemory(err);
        }
        err.println("tierlab: internal error: " + ex);
        if (System.getenv("TIERLAB_DEBUG") != null) {
            ex.printStackTrace(err);
        } else {
            err.println("(set TIERLAB_DEBUG=1 to see the stack trace)");
        }
        return EXIT_INTERNAL;
    }

    /** Reads the version Maven wrote into the jar. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tierlab " + version()};
        }

        /** The build's version string. */
        public static String version() {
            Properties p = new Properties();
            try (InputStream in = TierlabCommand.class.getResourceAsStream("/tierlab-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                return "unknown";
            }
            return p.getProperty("version", "unknown");
        }
    }
}
