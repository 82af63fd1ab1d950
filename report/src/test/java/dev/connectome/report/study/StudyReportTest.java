package dev.connectome.report.study;

import dev.connectome.nas.study.Direction;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialState;
import dev.connectome.report.HtmlWriter;
import dev.connectome.report.Report;
import dev.connectome.report.ReportContext;
import dev.connectome.report.ReportSection;
import dev.connectome.report.Xml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StudyReportTest {

    @Test
    void aStudyReportHasEverySectionAndParses() {
        StudyInfo info = StudyFixtures.info("evo <1> & 'x'", Direction.MAXIMIZE);
        List<TrialRecord> trials = StudyFixtures.trials(info.name(), 120, 3);
        Report report = StudyReport.of(info, trials);
        assertThat(report.sections()).extracting(ReportSection::title).containsExactly(
                "Summary", "Best so far", "Top 10 trials", "Best cell", "Settings and provenance");
        String html = report.render();
        Document d = Xml.parse(html);
        assertThat(html).contains("<title>Study evo &lt;1&gt; &amp; 'x'</title>").doesNotContain("could not be rendered");
        TrialRecord best = trials.stream().filter(TrialRecord::isComplete)
                .max(Comparator.comparingDouble(TrialRecord::value)).orElseThrow();
        assertThat(html).contains(best.architecture()).contains("Trial #" + best.number());
        assertThat(d.getElementsByTagName("svg").getLength()).isEqualTo(2);
        // failure reasons are listed and escaped
        assertThat(html).contains("IllegalStateException: &lt;boom&gt; &amp; co").contains("objective is NaN");
        // provenance is flattened to dotted keys
        assertThat(html).contains(">code.commit<").contains(">datasets[0].sha256<").contains(">deadbeef<")
                .contains(">&lt;b&gt;&amp;amp;&lt;/b&gt;<").contains(">strategy.population<");
    }

    @Test
    void theSummaryCountsTrialsByState() {
        StudyInfo info = StudyFixtures.info("s", Direction.MAXIMIZE);
        List<TrialRecord> trials = StudyFixtures.trials("s", 40, 1);
        String html = render(new StudySummarySection(info, trials));
        Document d = Xml.parse("<div>" + html + "</div>");
        Map<String, String> cards = new java.util.HashMap<>();
        NodeList divs = d.getElementsByTagName("div");
        for (int i = 0; i < divs.getLength(); i++) {
            Element e = (Element) divs.item(i);
            if (e.getAttribute("class").equals("card")) {
                cards.put(e.getFirstChild().getTextContent(), e.getLastChild().getTextContent());
            }
        }
        long failed = trials.stream().filter(t -> t.state() == TrialState.FAILED).count();
        assertThat(cards).containsEntry("trials", "40").containsEntry("failed", Long.toString(failed))
                .containsEntry("running", "1").containsEntry("waiting", "1").containsEntry("stale", "0")
                .containsEntry("complete", Long.toString(40 - failed - 2));
    }

    @Test
    void topTrialsAreRankedByDirection() {
        List<TrialRecord> trials = new ArrayList<>(StudyFixtures.trials("s", 60, 5));
        for (Direction dir : Direction.values()) {
            String html = render(new TopTrialsSection(dir, trials, 5));
            Document d = Xml.parse("<div>" + html + "</div>");
            NodeList rows = d.getElementsByTagName("tr");
            assertThat(rows.getLength()).isEqualTo(6);
            List<Double> values = new ArrayList<>();
            for (int i = 1; i < rows.getLength(); i++) {
                values.add(Double.parseDouble(((Element) rows.item(i)).getElementsByTagName("td").item(2).getTextContent()));
            }
            List<Double> all = trials.stream().filter(TrialRecord::isComplete).map(TrialRecord::value)
                    .sorted(dir == Direction.MAXIMIZE ? Comparator.reverseOrder() : Comparator.naturalOrder())
                    .limit(5).toList();
            for (int i = 0; i < 5; i++) {
                assertThat(values.get(i)).isCloseTo(all.get(i), org.assertj.core.data.Offset.offset(0.01));
            }
        }
    }

    @Test
    void intermediateValuesAreDrawnWhenTrialsReportedThem() {
        StudyInfo info = StudyFixtures.info("curves", Direction.MAXIMIZE);
        List<TrialRecord> trials = StudyFixtures.trials("curves", 30, 2).stream()
                .map(t -> t.isComplete() ? withCurve(t) : t).toList();
        Report report = StudyReport.of(info, trials);
        assertThat(report.sections()).extracting(ReportSection::title).contains("Intermediate values");
        String html = render(new IntermediateValuesSection(Direction.MAXIMIZE, trials));
        Document d = Xml.parse("<div>" + html + "</div>");
        long complete = trials.stream().filter(TrialRecord::isComplete).count();
        assertThat(d.getElementsByTagName("path").getLength()).isEqualTo((int) complete);
        TrialRecord best = trials.stream().filter(TrialRecord::isComplete)
                .max(Comparator.comparingDouble(TrialRecord::value)).orElseThrow();
        assertThat(html).contains(">trial #" + best.number() + "<").contains(complete + " trials reported");
        assertThat(countOf(html, ">trial #")).isEqualTo(5);
        Xml.parse(report.render());
    }

    private static TrialRecord withCurve(TrialRecord t) {
        List<dev.connectome.nas.study.IntermediateValue> curve = new ArrayList<>();
        for (int step = 1; step <= 10; step++) {
            curve.add(new dev.connectome.nas.study.IntermediateValue(step,
                    step == 4 ? Double.NaN : t.value() * (1 - Math.exp(-step / 3.0))));
        }
        return new TrialRecord(t.study(), t.number(), t.state(), t.architecture(), t.key(), t.value(), t.metrics(),
                t.costSeconds(), t.failure(), t.worker(), t.started(), t.heartbeat(), t.finished(), curve);
    }

    private static int countOf(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aStudyWithoutTrialsStillRenders() {
        StudyInfo info = StudyFixtures.info("empty", Direction.MINIMIZE);
        Report report = StudyReport.of(info, List.of());
        assertThat(report.sections()).extracting(ReportSection::title).doesNotContain("Best cell");
        String html = report.render();
        Xml.parse(html);
        assertThat(html).contains("No trial has completed yet.").contains(">no data<");
    }

    @Test
    void aStudyWithOneTrialOrOnlyFailuresStillRenders() {
        StudyInfo info = StudyFixtures.info("one", Direction.MAXIMIZE);
        List<TrialRecord> one = StudyFixtures.trials("one", 1, 9);
        Xml.parse(StudyReport.of(info, one).render());
        List<TrialRecord> failed = StudyFixtures.trials("f", 3, 9).stream()
                .map(t -> new TrialRecord(t.study(), t.number(), TrialState.FAILED, t.architecture(), t.key(), Double.NaN,
                        Map.of(), Double.NaN, null, null, null, null, null, List.of()))
                .toList();
        String html = StudyReport.of(info, failed).render();
        Xml.parse(html);
        assertThat(html).contains("(no reason stored)").contains("3 failed trials are not plotted");
    }

    @Test
    void anUnparsableArchitectureOnlyDropsTheDrawing() {
        StudyInfo info = StudyFixtures.info("x", Direction.MAXIMIZE);
        TrialRecord odd = new TrialRecord("x", 0, TrialState.COMPLETE, "|conv_7x7~0|", "k", 1.0, Map.of(), 0.1, null,
                null, null, null, null, List.of());
        Report r = StudyReport.of(info, List.of(odd));
        assertThat(r.sections()).extracting(ReportSection::title).doesNotContain("Best cell");
        assertThat(r.render()).contains("|conv_7x7~0|");
    }

    @Test
    void invalidProvenanceJsonIsShownVerbatim() {
        String html = render(new ProvenanceSection("{\"a\": [1, {\"b\": null}], \"e\": {}}", "not json <"));
        Xml.parse("<div>" + html + "</div>");
        assertThat(html).contains(">a[0]<").contains(">a[1].b<").contains(">null<").contains(">e<").contains(">{}<")
                .contains("Not valid JSON").contains("not json &lt;");
    }

    static String render(ReportSection s) {
        HtmlWriter w = new HtmlWriter();
        s.render(ReportContext.standalone(), w);
        return w.finish();
    }
}
