package dev.connectome.report.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.nas.analysis.ControllerAnalysis;
import dev.connectome.nas.analysis.ControllerScores;
import dev.connectome.report.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControllerSectionsTest {

    @Test
    void rendersHeatmapsDistributionsAndCorrelationsIntoOneReport() {
        float[][] rows = {{-1f, 0f, 0.5f}, {1f, 0.25f, -0.5f}};
        ControllerAnalysis.HiddenStates states = new ControllerAnalysis.HiddenStates(new int[][] {{0}, {1}}, rows);
        String html = Report.builder("controller").addSection(new HiddenStateHeatmapSection(
                        List.of(new HiddenStateHeatmapSection.Panel("trained", states))))
                .addSection(new ScoreDistributionSection("accuracy", List.of(
                        new ControllerScores("trained", new double[] {90, 91, 93}, 3),
                        new ControllerScores("untrained", new double[] {10, 80, 93}, 3))))
                .addSection(new EmbeddingCorrelationSection(List.of(new EmbeddingCorrelationSection.Row("plain",
                        List.of(new ControllerAnalysis.SimilarityCorrelation("shared choices", -0.12, -0.2, -0.05, 10))))))
                .build().render();
        assertThat(html).contains("Controller hidden states", "<svg", "fill=\"#0072b2\"", "fill=\"#ff3c28\"")
                .contains("untrained", "-0.120 [-0.200, -0.050]", "shared choices");
        assertThat(HiddenStateHeatmapSection.color(0)).isEqualTo("#ffffff");
    }
}
