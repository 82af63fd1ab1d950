package dev.connectome.report.wann;

import dev.connectome.nas.study.TrialRecord;
import dev.connectome.report.HtmlWriter;
import dev.connectome.report.ReportContext;
import dev.connectome.report.ReportSection;
import dev.connectome.report.svg.Palette;
import dev.connectome.report.svg.Series;
import dev.connectome.report.svg.XyPlot;
import java.util.List;

/**
 * A WANN search over generations: best and median mean reward (over the shared weights) and the best
 * single-weight reward; below it, the champion's and the median connection count, the second objective
 * that keeps WANNs small.
 */
public final class WannProgressSection implements ReportSection {

    private final List<WannGenerations> rows;
    private final String reward;

    /**
     * @param trials the WANN study's trials
     * @param reward axis label of the reward, e.g. "reward" or "−cross-entropy"
     */
    public WannProgressSection(List<TrialRecord> trials, String reward) {
        this.rows = WannGenerations.of(trials);
        this.reward = reward;
    }

    @Override
    public String title() {
        return "Fitness and size over generations";
    }

    /** Whether there is anything to plot. */
    public boolean hasData() {
        return !rows.isEmpty();
    }

    /** The fitness chart. */
    public XyPlot fitnessPlot() {
        double[] g = column(0);
        return XyPlot.builder().optTitle("Reward over generations").size(960, 360).optXLabel("generation")
                .optYLabel(reward).integerX()
                .add(Series.line("best mean over weights", g, column(1), Palette.VERMILION))
                .add(Series.line("median mean over weights", g, column(2), Palette.SKY))
                .add(Series.line("best single-weight reward", g, column(3), Palette.GREEN))
                .build();
    }

    /** The connection-count chart. */
    public XyPlot connectionsPlot() {
        double[] g = column(0);
        return XyPlot.builder().optTitle("Enabled connections").size(960, 260).optXLabel("generation")
                .optYLabel("connections").integerX().includeY(0)
                .add(Series.line("champion (best mean)", g, column(4), Palette.VERMILION))
                .add(Series.line("median", g, column(5), Palette.GREY))
                .build();
    }

    private double[] column(int c) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            WannGenerations r = rows.get(i);
            v[i] = switch (c) {
                case 0 -> r.generation();
                case 1 -> r.bestMean();
                case 2 -> r.medianMean();
                case 3 -> r.bestMax();
                case 4 -> r.championConnections();
                default -> r.medianConnections();
            };
        }
        return v;
    }

    @Override
    public void render(ReportContext context, HtmlWriter out) {
        if (rows.isEmpty()) {
            out.element("p", "No generation has finished yet.", "class", "note").newline();
            return;
        }
        fitnessPlot().render(out);
        connectionsPlot().render(out);
        out.element("p", rows.size() + " generations. Mean = reward averaged over the shared weight values; "
                + "single-weight = the best of those values.", "class", "note").newline();
    }
}
