package dev.connectome.report.study;

import dev.connectome.nas.study.TrialRecord;
import dev.connectome.report.Report;
import dev.connectome.report.ReportSection;
import dev.connectome.report.Xml;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RealStudyReportTest {

    @Test
    void reportsARealNb201Search() {
        RealStudies s = RealStudies.evolution(150, 4);
        TrialRecord best = s.result().best().orElseThrow();
        Report report = StudyReport.of(s.info(), s.trials());
        assertThat(report.sections()).extracting(ReportSection::title).contains("Best cell");
        String html = report.render();
        Xml.parse(html);
        assertThat(html).contains("Trial #" + best.number() + ",").contains(best.architecture())
                .contains(">cifar100_<wbr/>test_<wbr/>accuracy<").contains(">150<")
                // the provenance records the table's checksum and the JVM
                .contains("cb5d777ec3368be83c8f9b3aa4d520696051cb0eb8d94b8f85b519f9ea4afa3e").contains(">jvm<");
        assertThat(html).doesNotContain("could not be rendered").doesNotContain("Not valid JSON");
    }
}
