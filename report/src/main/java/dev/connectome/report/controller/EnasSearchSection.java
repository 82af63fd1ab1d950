package dev.connectome.report.controller;

import dev.connectome.nas.cell.EnasSearch;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.report.HtmlWriter;
import dev.connectome.report.ReportContext;
import dev.connectome.report.ReportSection;
import dev.connectome.report.svg.Fmt;
import dev.connectome.report.svg.Palette;
import dev.connectome.report.svg.Series;
import dev.connectome.report.svg.XyPlot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ENAS part of a study report ({@code nas search --space enas}): each controller step's child
 * scored with the shared weights, with the mean per epoch, and the final child retrained from scratch
 * next to its shared-weight score and the distribution of the final policy's samples.
 */
public final class EnasSearchSection implements ReportSection {
    private final List<TrialRecord> search;
    private final Optional<TrialRecord> last;

    private EnasSearchSection(List<TrialRecord> trials) {
        List<TrialRecord> done = trials.stream().filter(TrialRecord::isComplete)
                .sorted(Comparator.comparingInt(TrialRecord::number)).toList();
        this.search = done.stream().filter(t -> t.metrics().containsKey(EnasSearch.EPOCH)).toList();
        this.last = done.stream().filter(t -> t.metrics().containsKey(EnasSearch.TEST)).findFirst();
    }

    /** The section for an ENAS study; empty for any other study. */
    public static List<ReportSection> sections(StudyInfo info, List<TrialRecord> trials) {
        return "enas".equals(info.space()) ? List.of(new EnasSearchSection(trials)) : List.of();
    }

    @Override
    public String title() {
        return "ENAS: shared-weight scores and the retrained child";
    }

    /** Rewards per controller step and their mean per epoch. */
    public XyPlot plot() {
        double[] x = new double[search.size()];
        double[] y = new double[search.size()];
        List<String> labels = new ArrayList<>();
        Map<Integer, double[]> epochs = new TreeMap<>();
        for (int i = 0; i < search.size(); i++) {
            TrialRecord t = search.get(i);
            x[i] = t.number();
            y[i] = t.value();
            labels.add("trial " + t.number() + ": " + Fmt.value(t.value()) + "  " + t.architecture());
            double[] e = epochs.computeIfAbsent(t.metrics().get(EnasSearch.EPOCH).intValue(), k -> new double[3]);
            e[0] += t.number();
            e[1] += t.value();
            e[2]++;
        }
        double[] ex = epochs.values().stream().mapToDouble(e -> e[0] / e[2]).toArray();
        double[] ey = epochs.values().stream().mapToDouble(e -> e[1] / e[2]).toArray();
        XyPlot.Builder b = XyPlot.builder().optTitle("Children scored with shared weights (validation batches)")
                .size(960, 360).optXLabel("trial (controller step)").optYLabel("shared-weight accuracy (%)").integerX()
                .add(Series.scatter("child", x, y, Palette.SKY).withLabels(labels));
        if (ex.length > 0) {
            b.add(Series.line("epoch mean", ex, ey, Palette.VERMILION));
        }
        return b.build();
    }

    @Override
    public void render(ReportContext context, HtmlWriter out) {
        if (!search.isEmpty()) {
            plot().render(out);
        }
        if (last.isEmpty()) {
            out.element("p", "The final child has not been retrained yet (the search is not finished).", "class", "note")
                    .newline();
            return;
        }
        TrialRecord t = last.get();
        Map<String, Double> m = t.metrics();
        out.start("table").start("tr");
        for (String h : List.of("retrained child", "validation %", "test %", "shared-weight %", "final samples: mean ± sd %",
                "max %", "distinct")) {
            out.element("th", h);
        }
        out.end("tr").start("tr");
        out.element("td", t.architecture());
        out.element("td", Fmt.value(t.value()));
        out.element("td", number(m, EnasSearch.TEST));
        out.element("td", number(m, EnasSearch.SHARED));
        out.element("td", number(m, EnasSearch.SHARED_MEAN) + " ± " + number(m, EnasSearch.SHARED_SD));
        out.element("td", number(m, EnasSearch.SHARED_MAX));
        out.element("td", String.format(Locale.ROOT, "%d of %d", m.getOrDefault(EnasSearch.DISTINCT, Double.NaN).intValue(),
                m.getOrDefault(EnasSearch.SAMPLES, Double.NaN).intValue()));
        out.end("tr").end("table").newline();
        out.element("p", "The retrained child is the best of the final policy's samples ranked with the shared weights; "
                + "it is then trained alone from fresh weights (ENAS's fair number). Shared-weight scores rank children "
                + "by weights tuned to the policy's own choices, so they are not stand-alone accuracies.", "class", "note")
                .newline();
    }

    private static String number(Map<String, Double> m, String key) {
        Double v = m.get(key);
        return v == null ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }
}
