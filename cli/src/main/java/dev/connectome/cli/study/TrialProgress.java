package dev.connectome.cli.study;

import dev.connectome.nas.study.StudyListener;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialState;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

/**
 * Shows a study's progress trial by trial with the best value so far. On a terminal one line is
 * redrawn in place (at most ten times a second, and always for the last trial); elsewhere a plain
 * line is written at every tenth of the budget, so logs stay short.
 */
final class TrialProgress implements StudyListener {
    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final boolean tty;
    private final int budget;
    private final String unit;
    private int told;
    private int failed;
    private long lastDraw;
    private int lastLength;
    private int nextPlainLine;

    /**
     * @param budget trial budget, or 0 when the study has none (then no bar, just counts)
     * @param unit   how the objective is shown after its value, e.g. "%"
     */
    TrialProgress(PrintWriter out, boolean tty, int budget, String unit) {
        this.out = out;
        this.tty = tty;
        this.budget = budget;
        this.unit = unit;
    }

    @Override
    public void trialTold(TrialRecord trial, Optional<TrialRecord> best) {
        told++;
        if (trial.state() == TrialState.FAILED) {
            failed++;
        }
        boolean last = budget > 0 && told >= budget;
        String line = line(best);
        if (tty) {
            long now = System.nanoTime();
            if (last || now - lastDraw >= REDRAW_NANOS) {
                lastDraw = now;
                String padded = line.length() < lastLength ? line + " ".repeat(lastLength - line.length()) : line;
                out.print("\r" + padded);
                lastLength = line.length();
                if (last) {
                    out.println();
                    lastLength = 0;
                }
                out.flush();
            }
        } else if (last || told >= nextPlainLine) {
            out.println(line);
            out.flush();
            nextPlainLine = told + Math.max(1, budget / 10);
        }
    }

    /** Ends a redrawn line that stopped before the budget (time or target reached). */
    void finish() {
        if (tty && lastLength > 0) {
            out.println();
            out.flush();
            lastLength = 0;
        }
    }

    private String line(Optional<TrialRecord> best) {
        StringBuilder s = new StringBuilder("trial ");
        if (budget > 0) {
            int filled = (int) ((long) WIDTH * Math.min(told, budget) / budget);
            String total = Integer.toString(budget);
            s.append(String.format(Locale.ROOT, "%" + total.length() + "d/%s [%s%s]", told, total,
                    "=".repeat(filled), " ".repeat(WIDTH - filled)));
        } else {
            s.append(told);
        }
        s.append("  best ").append(best.map(b -> value(b.value()) + unit + " " + b.architecture()).orElse("-"));
        if (failed > 0) {
            s.append("  failed ").append(failed);
        }
        return s.toString();
    }

    static String value(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
