package dev.connectome.report.landscape;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.nas.analysis.LandscapeGrid;
import dev.connectome.nas.weights.Checkpoint;
import dev.connectome.nas.weights.TrainingCsv;
import dev.connectome.report.HtmlWriter;
import dev.connectome.report.Report;
import dev.connectome.report.ReportContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class LandscapeReportTest {
    /** A bowl: loss = 1 + a1² + 4·a2² on a 5×5 grid. */
    private static LandscapeGrid bowl(String label, double sigma) {
        double[] a = {-1, -0.5, 0, 0.5, 1};
        double[][] loss = new double[5][5];
        double[][] acc = new double[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                loss[i][j] = 1 + a[i] * a[i] + 4 * a[j] * a[j];
            }
        }
        return new LandscapeGrid(label, sigma, a, loss, acc, 1.5);
    }

    @Test
    void levelsAreLogSpacedAndBandsCoverTheRange() {
        LandscapeGrid g = bowl("adam", 0.1);
        double[] l = ContourPlot.levels(g);
        assertThat(l).hasSize(ContourPlot.LEVELS + 1);
        assertThat(l[0]).isEqualTo(1.0);
        assertThat(l[ContourPlot.LEVELS]).isEqualTo(6.0);
        assertThat(ContourPlot.band(1.0, l)).isZero();
        assertThat(ContourPlot.band(6.0, l)).isEqualTo(ContourPlot.LEVELS - 1);
        assertThat(ContourPlot.band(Double.NaN, l)).isEqualTo(ContourPlot.LEVELS - 1);
    }

    @Test
    void isolineOfABowlIsAClosedRingAroundTheCentre() {
        LandscapeGrid g = bowl("adam", 0.1);
        String d = ContourPlot.isoline(g.loss(), 2.0, 10);
        assertThat(d).startsWith("M").contains("L");
        // Level 2 crosses each axis on both sides of the centre: 4 crossings on the centre row and column.
        assertThat(d.split("M")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(ContourPlot.isoline(g.loss(), 100, 10)).isEmpty();
    }

    @Test
    void sectionsRenderCompleteHtml() {
        List<LandscapeGrid> grids = List.of(bowl("adam", 0.1), bowl("sgd", 0.1), bowl("adam", 0.2));
        HtmlWriter out = new HtmlWriter();
        new LandscapeSection(grids, "test grid").render(ReportContext.standalone(), out);
        String html = out.finish();
        assertThat(html).contains("<svg").contains("adam").contains("sgd").contains("Computed in 4.5 s");
        // The missing (sgd, 0.2) panel is a dash, not an error.
        assertThat(html).contains("—");

        List<TrainingCsv.Row> rows = List.of(
                new TrainingCsv.Row("adam", 1, new Checkpoint(1, 1, 0.8, 1, 0.81, 1, 0.8, 1)),
                new TrainingCsv.Row("adam", 2, new Checkpoint(1, 1, 0.7, 1, 0.72, 1, 0.7, 1)),
                new TrainingCsv.Row("adam", 1, new Checkpoint(2, 1, 0.9, 1, 0.9, 1, 0.9, 2)),
                new TrainingCsv.Row("adam", 2, new Checkpoint(2, 1, 0.85, 1, 0.86, 1, 0.85, 2)));
        String report = Report.builder("weights").addSection(new AccuracyBandsSection(rows, "epoch"))
                .addSection(new LandscapeSection(grids, null)).build().render();
        assertThat(report).contains("training accuracy").contains("fill-opacity=\"0.2\"").contains("Loss landscapes");
    }
}
