package dev.connectome.report.study;

import dev.connectome.nas.study.Direction;
import dev.connectome.nas.study.IntermediateValue;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.report.HtmlWriter;
import dev.connectome.report.ReportContext;
import dev.connectome.report.ReportSection;
import dev.connectome.report.svg.Palette;
import dev.connectome.report.svg.Series;
import dev.connectome.report.svg.XyPlot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Values trials reported while running (e.g. validation accuracy per epoch): the best few trials
 * as coloured, named lines over the others in grey, so a reader sees how the winners got there.
 */
public final class IntermediateValuesSection implements ReportSection {

    /** Named lines; more would exhaust the palette and the legend. */
    private static final int HIGHLIGHTED = 5;
    /** Grey context lines; beyond this the chart only grows the file. */
    private static final int CONTEXT = 200;

    private final Direction direction;
    private final List<TrialRecord> trials;

    public IntermediateValuesSection(Direction direction, List<TrialRecord> trials) {
        this.direction = direction;
        this.trials = Trials.byNumber(trials).stream().filter(t -> !t.intermediate().isEmpty()).toList();
    }

    /** Whether any trial reported intermediate values (otherwise the section has nothing to show). */
    public boolean hasData() {
        return !trials.isEmpty();
    }

    @Override
    public String title() {
        return "Intermediate values";
    }

    @Override
    public void render(ReportContext context, HtmlWriter out) {
        List<TrialRecord> best = Trials.ranked(trials, direction).stream().limit(HIGHLIGHTED).toList();
        Set<Integer> highlighted = new HashSet<>();
        best.forEach(t -> highlighted.add(t.number()));
        XyPlot.Builder plot = XyPlot.builder().size(960, 400).optTitle("Intermediate values per trial")
                .optXLabel("step").optYLabel("reported value");
        int grey = 0;
        for (TrialRecord t : trials) {
            if (!highlighted.contains(t.number()) && grey++ < CONTEXT) {
                plot.add(line(null, t, Palette.LIGHT_GREY));
            }
        }
        List<Series> named = new ArrayList<>();
        for (int i = 0; i < best.size(); i++) {
            named.add(line("trial #" + best.get(i).number(), best.get(i), Palette.categorical(i)));
        }
        named.forEach(plot::add);
        plot.build().render(out);
        out.element("p", trials.size() + " trials reported intermediate values; coloured: the " + best.size()
                + " best complete ones" + (trials.size() - best.size() > CONTEXT ? ", grey: the first " + CONTEXT
                + " others." : ", grey: the others."), "class", "note").newline();
    }

    private static Series line(String name, TrialRecord t, String colour) {
        List<IntermediateValue> values = t.intermediate();
        double[] x = new double[values.size()];
        double[] y = new double[values.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = values.get(i).step();
            y[i] = values.get(i).value();
        }
        return Series.line(name, x, y, colour);
    }
}
