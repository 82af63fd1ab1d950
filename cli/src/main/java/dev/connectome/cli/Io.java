package dev.connectome.cli;

import java.io.PrintWriter;

/**
 * Where a command writes: results and progress to {@code out}, errors to {@code err}. {@code tty}
 * says whether {@code out} is an interactive terminal (progress bars redraw in place only there).
 */
public record Io(PrintWriter out, PrintWriter err, boolean tty) {
}
