package dev.connectome.report.study;

import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialState;
import dev.connectome.report.HtmlWriter;
import dev.connectome.report.ReportContext;
import dev.connectome.report.ReportSection;
import dev.connectome.report.svg.Fmt;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the study is and where it stands: name, space, strategy, evaluator, trial counts by state,
 * the best trial, total evaluation cost, and the most common failure reasons.
 */
public final class StudySummarySection implements ReportSection {

    private static final int MAX_FAILURE_REASONS = 8;

    private final StudyInfo info;
    private final List<TrialRecord> trials;

    public StudySummarySection(StudyInfo info, List<TrialRecord> trials) {
        this.info = info;
        this.trials = List.copyOf(trials);
    }

    @Override
    public String title() {
        return "Summary";
    }

    @Override
    public void render(ReportContext context, HtmlWriter out) {
        Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        for (TrialState s : TrialState.values()) {
            counts.put(s, 0);
        }
        double cost = 0;
        for (TrialRecord t : trials) {
            counts.merge(t.state(), 1, Integer::sum);
            if (Double.isFinite(t.costSeconds())) {
                cost += t.costSeconds();
            }
        }
        Optional<TrialRecord> best = Trials.best(trials, info.direction());

        out.start("div", "class", "cards");
        card(out, "trials", Integer.toString(trials.size()));
        for (TrialState s : TrialState.values()) {
            card(out, s.name().toLowerCase(java.util.Locale.ROOT), Integer.toString(counts.get(s)));
        }
        card(out, "best", best.map(t -> Fmt.value(t.value())).orElse("–"));
        out.end("div").newline();

        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("study", info.name());
        rows.put("search space", info.space());
        rows.put("strategy", info.strategy());
        rows.put("evaluator", info.evaluator());
        rows.put("direction", info.direction().name().toLowerCase(java.util.Locale.ROOT));
        rows.put("seed", Long.toString(info.seed()));
        rows.put("created", info.created().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        rows.put("total evaluation cost", Fmt.value(cost) + " s");
        best.ifPresent(t -> {
            rows.put("best trial", "#" + t.number() + " (value " + Fmt.value(t.value()) + ")");
            rows.put("best architecture", t.architecture());
        });
        KeyValueTable.render(out, rows, java.util.Set.of("best architecture", "study"));

        renderFailures(out);
    }

    private void renderFailures(HtmlWriter out) {
        Map<String, Integer> reasons = new TreeMap<>();
        for (TrialRecord t : trials) {
            if (t.state() == TrialState.FAILED) {
                reasons.merge(t.failure() == null ? "(no reason stored)" : t.failure(), 1, Integer::sum);
            }
        }
        if (reasons.isEmpty()) {
            return;
        }
        out.element("h3", "Failures");
        out.start("table").start("thead").start("tr").element("th", "trials", "class", "num")
                .element("th", "reason").end("tr").end("thead").start("tbody");
        reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_FAILURE_REASONS)
                .forEach(e -> out.start("tr").element("td", Integer.toString(e.getValue()), "class", "num")
                        .element("td", e.getKey(), "class", "mono").end("tr"));
        out.end("tbody").end("table").newline();
        if (reasons.size() > MAX_FAILURE_REASONS) {
            out.element("p", (reasons.size() - MAX_FAILURE_REASONS) + " more distinct reasons not shown.", "class", "note");
        }
    }

    private static void card(HtmlWriter out, String label, String value) {
        out.start("div", "class", "card").element("div", label, "class", "label")
                .element("div", value, "class", "value").end("div");
    }
}
