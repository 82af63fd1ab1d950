package dev.connectome.cli;

import com.fasterxml.jackson.core.JacksonException;
import dev.connectome.cli.model.ModelFileException;
import dev.connectome.nas.data.DataException;
import dev.connectome.nas.graph.GraphFormatException;
import dev.connectome.nas.space.UnknownArchitectureException;
import dev.connectome.nas.study.StoreException;
import dev.connectome.onnx.OnnxExportException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;

/**
 * Turns any failure of a command into one line on stderr and an exit code: 2 for errors the user
 * can fix (bad flags and values, missing or corrupt files, unreadable YAML, an unreachable study store,
 * an unknown architecture string), 1 for everything else,
 * with a hint to rerun with {@code --verbose}, which also prints the stack trace.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    private final PrintWriter err;
    private final boolean verbose;

    ErrorReporter(PrintWriter err, boolean verbose) {
        this.err = err;
        this.verbose = verbose;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        String cmd = ex.getCommandLine().getCommandSpec().qualifiedName();
        return report(ex, oneLine(ex.getMessage()) + " (see '" + cmd + " --help')");
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        return report(ex, null);
    }

    /** Reports {@code ex}; {@code message} overrides the derived text when not null. */
    int report(Throwable ex, String message) {
        String userMessage = message != null ? message : userMessage(ex);
        int code;
        if (userMessage != null) {
            err.println("connectome: " + userMessage);
            code = ExitCodes.USAGE;
        } else {
            err.println("connectome: internal error: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() != null ? ": " + oneLine(ex.getMessage()) : "")
                    + (verbose ? "" : " (rerun with --verbose for the stack trace)"));
            code = ExitCodes.INTERNAL;
        }
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** The one-line message for an error the user can fix, or null when {@code ex} looks like a bug. */
    static String userMessage(Throwable ex) {
        for (Throwable c = ex; c != null; c = c.getCause()) { // also out of a worker thread's ExecutionException
            if (c instanceof OutOfMemoryError) {
                return "out of memory (Java heap of " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB): give the"
                        + " JVM more with CONNECTOME_JAVA_OPTS=-Xmx8g, or use a smaller --batch or fewer --threads";
            }
        }
        Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (t instanceof UserException || t instanceof DataException || t instanceof ModelFileException
                || t instanceof CommandLine.ParameterException) {
            return oneLine(t.getMessage());
        }
        if (t instanceof StoreException || t instanceof UnknownArchitectureException || t instanceof OnnxExportException
                || t instanceof GraphFormatException) {
            return oneLine(t.getMessage()); // an unreachable or locked database, a corrupt stored architecture
        }
        if (t instanceof NoSuchFileException e) {
            return "no such file or directory: " + e.getFile();
        }
        if (t instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        if (t instanceof NotDirectoryException e) {
            return "not a directory: " + e.getFile();
        }
        if (t instanceof FileAlreadyExistsException e) {
            return "already exists: " + e.getFile();
        }
        if (t instanceof FileSystemException e) {
            return e.getFile() + ": " + (e.getReason() != null ? e.getReason() : "cannot be accessed");
        }
        if (t instanceof JacksonException e) {
            return "unreadable settings: " + oneLine(e.getOriginalMessage());
        }
        if (t instanceof IOException e && e.getMessage() != null && t.getClass() == IOException.class) {
            return oneLine(e.getMessage());
        }
        return null;
    }

    /** The first line of {@code s}, trimmed (stack-trace-free, one line on the terminal). */
    static String oneLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        int nl = s.indexOf('\n');
        return (nl >= 0 ? s.substring(0, nl) : s).strip();
    }
}
