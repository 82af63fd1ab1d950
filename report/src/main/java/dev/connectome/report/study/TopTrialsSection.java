package dev.connectome.report.study;

import dev.connectome.nas.study.Direction;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.report.HtmlWriter;
import dev.connectome.report.ReportContext;
import dev.connectome.report.ReportSection;
import dev.connectome.report.svg.Fmt;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The k best complete trials as a table: rank, trial, objective, cost, metrics, architecture. */
public final class TopTrialsSection implements ReportSection {

    /** More metric columns than this make the table unreadable; the rest are left out. */
    private static final int MAX_METRICS = 6;

    private final List<TrialRecord> top;
    private final int k;

    public TopTrialsSection(Direction direction, List<TrialRecord> trials, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("top-k table needs k >= 1, got " + k);
        }
        this.k = k;
        List<TrialRecord> ranked = Trials.ranked(trials, direction);
        this.top = ranked.subList(0, Math.min(k, ranked.size()));
    }

    @Override
    public String title() {
        return "Top " + k + " trials";
    }

    @Override
    public void render(ReportContext context, HtmlWriter out) {
        if (top.isEmpty()) {
            out.element("p", "No trial has completed yet.", "class", "note");
            return;
        }
        Set<String> metricNames = new TreeSet<>();
        top.forEach(t -> metricNames.addAll(t.metrics().keySet()));
        List<String> metrics = metricNames.stream().limit(MAX_METRICS).toList();

        out.start("div", "class", "scroll").start("table").start("thead").start("tr");
        out.element("th", "rank", "class", "num").element("th", "trial", "class", "num")
                .element("th", "objective", "class", "num").element("th", "cost (s)", "class", "num");
        for (String m : metrics) {
            out.start("th", "class", "num").wrappable(m, "_").end("th");
        }
        out.element("th", "architecture").end("tr").end("thead").start("tbody").newline();
        for (int i = 0; i < top.size(); i++) {
            TrialRecord t = top.get(i);
            out.start("tr");
            out.element("td", Integer.toString(i + 1), "class", "num")
                    .element("td", "#" + t.number(), "class", "num")
                    .element("td", Fmt.value(t.value()), "class", "num")
                    .element("td", Double.isFinite(t.costSeconds()) ? Fmt.value(t.costSeconds()) : "–", "class", "num");
            for (String m : metrics) {
                Double v = t.metrics().get(m);
                out.element("td", v == null ? "–" : Fmt.value(v), "class", "num");
            }
            out.start("td", "class", "mono").wrappable(t.architecture(), "+").end("td").end("tr").newline();
        }
        out.end("tbody").end("table").end("div").newline();
        if (metricNames.size() > MAX_METRICS) {
            out.element("p", (metricNames.size() - MAX_METRICS) + " further metrics are not shown.", "class", "note");
        }
    }
}
