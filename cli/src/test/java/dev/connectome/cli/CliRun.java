package dev.connectome.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures what it writes. */
record CliRun(int code, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new Io(new PrintWriter(out, true), new PrintWriter(err, true), false));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The stderr output, which for a handled error must be exactly one line. */
    String errLine() {
        return err.strip();
    }

    long errLines() {
        return err.strip().lines().count();
    }
}
