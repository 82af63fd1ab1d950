package dev.connectome.report.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.nas.study.Direction;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialState;
import dev.connectome.report.Report;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnasSearchSectionTest {

    private static TrialRecord trial(int n, double value, Map<String, Double> metrics) {
        return new TrialRecord("s", n, TrialState.COMPLETE, "0:tanh,1:relu", "0:tanh,1:relu", value, metrics, 0.1, null,
                null, null, null, null, List.of());
    }

    private static StudyInfo info(String space) {
        return new StudyInfo("s", space, "enas", "enas-shared:x", Direction.MAXIMIZE, 1, "{}", "{}", Instant.EPOCH);
    }

    @Test
    void drawsTheSearchAndTablesTheRetrainedChild() {
        List<TrialRecord> trials = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            trials.add(trial(n, 50 + n, Map.of("epoch", (double) (n / 3))));
        }
        trials.add(trial(6, 91.25, Map.of("test", 90.5, "shared", 77.0, "sharedMean", 60.0, "sharedSd", 5.0,
                "sharedMax", 77.0, "distinct", 4.0, "samples", 5.0)));
        var sections = EnasSearchSection.sections(info("enas"), trials);
        assertThat(sections).hasSize(1);
        assertThat(((EnasSearchSection) sections.get(0)).plot().series()).hasSize(2);
        String html = Report.builder("enas").addSections(sections).build().render();
        assertThat(html).contains("<svg", "epoch mean", "91.25", "90.50", "60.00 ± 5.00", "4 of 5");
        assertThat(EnasSearchSection.sections(info("nb201"), trials)).isEmpty();
    }

    @Test
    void saysSoWhenTheFinalChildIsNotRetrainedYet() {
        String html = Report.builder("enas").addSections(EnasSearchSection.sections(info("enas"),
                List.of(trial(0, 40, Map.of("epoch", 0.0))))).build().render();
        assertThat(html).contains("has not been retrained yet");
    }
}
