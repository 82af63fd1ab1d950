package dev.connectome.cli.wann;

import dev.connectome.cli.Io;
import dev.connectome.cli.Main;
import dev.connectome.cli.UserException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs {@code connectome wann ...} in-process. Through {@link Main} once the wann command is registered
 * there; until then through the wann command alone with the same contract for user errors (one line
 * "connectome: MESSAGE" on stderr, exit 2), so these tests check the commands either way.
 */
record WannCli(int code, String out, String err) {

    static WannCli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Io io = new Io(new PrintWriter(out, true), new PrintWriter(err, true), false);
        String[] full = new String[args.length + 1];
        full[0] = "wann";
        System.arraycopy(args, 0, full, 1, args.length);
        int code;
        if (registered()) {
            code = Main.run(full, io);
        } else {
            CommandLine cli = WannCommand.commandLine(io);
            cli.setOut(io.out());
            cli.setErr(io.err());
            cli.setParameterExceptionHandler((ex, a) -> {
                io.err().println("connectome: " + ex.getMessage());
                return 2;
            });
            cli.setExecutionExceptionHandler((ex, c, p) -> {
                if (ex instanceof UserException) {
                    io.err().println("connectome: " + ex.getMessage());
                    return 2;
                }
                throw ex;
            });
            code = cli.execute(args);
        }
        io.out().flush();
        io.err().flush();
        return new WannCli(code, out.toString(), err.toString());
    }

    private static boolean registered() {
        StringWriter sink = new StringWriter();
        PrintWriter w = new PrintWriter(sink, true);
        Main.run(new String[] {"wann", "--help"}, new Io(w, w, false));
        return sink.toString().contains("Weight agnostic neural networks");
    }

    String errLine() {
        return err.strip();
    }

    long errLines() {
        return err.strip().lines().count();
    }
}
