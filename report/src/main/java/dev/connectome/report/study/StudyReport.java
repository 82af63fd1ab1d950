package dev.connectome.report.study;

import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.space.UnknownArchitectureException;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.report.Report;
import dev.connectome.report.ReportSection;
import dev.connectome.report.controller.EnasSearchSection;
import dev.connectome.report.svg.Fmt;
import dev.connectome.report.wann.WannReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report of one study: summary, best-so-far chart, top trials, intermediate values when
 * trials reported any, a drawing of the best architecture when the space has one, and settings
 * with provenance.
 *
 * <p>Callers that want more (e.g. a later issue's landscape) take {@link #sections} and add their
 * own {@link ReportSection}s to a {@link Report.Builder}.
 */
public final class StudyReport {

    /** Rows in the top-trials table. */
    public static final int TOP_K = 10;

    private StudyReport() {
    }

    /** A report of the study with the default sections, titled after it. */
    public static Report of(StudyInfo info, List<TrialRecord> trials) {
        return builder(info, trials).build();
    }

    /** A builder pre-filled with the study's title and default sections, for adding more. */
    public static Report.Builder builder(StudyInfo info, List<TrialRecord> trials) {
        return Report.builder("Study " + info.name())
                .optSubtitle(info.strategy() + " search over " + info.space() + ", evaluated by " + info.evaluator()
                        + " (" + info.direction().name().toLowerCase(Locale.ROOT) + ")")
                .addSections(sections(info, trials));
    }

    /** The default sections for a study, in display order. */
    public static List<ReportSection> sections(StudyInfo info, List<TrialRecord> trials) {
        List<ReportSection> s = new ArrayList<>();
        s.add(new StudySummarySection(info, trials));
        s.add(new BestSoFarSection(info.direction(), trials, "objective"));
        s.add(new TopTrialsSection(info.direction(), trials, TOP_K));
        IntermediateValuesSection curves = new IntermediateValuesSection(info.direction(), trials);
        if (curves.hasData()) {
            s.add(curves);
        }
        bestCell(info, trials).ifPresent(s::add);
        s.addAll(WannReport.sections(info, trials)); // empty unless the study is a WANN search
        s.addAll(EnasSearchSection.sections(info, trials)); // empty unless the study is an ENAS search
        s.add(new ProvenanceSection(info.settingsJson(), info.provenanceJson()));
        return s;
    }

    /** The drawing of the best architecture, for spaces that have a drawing. */
    private static Optional<ReportSection> bestCell(StudyInfo info, List<TrialRecord> trials) {
        if (!"nb201".equals(info.space())) {
            return Optional.empty();
        }
        Optional<TrialRecord> best = Trials.best(trials, info.direction());
        if (best.isEmpty()) {
            return Optional.empty();
        }
        TrialRecord t = best.get();
        try {
            Nb201Cell cell = Nb201Cell.parse(t.architecture());
            return Optional.of(new Nb201CellSection("Best cell", cell,
                    "Trial #" + t.number() + ", objective " + Fmt.value(t.value()) + "."));
        } catch (UnknownArchitectureException e) {
            // a stored string this version cannot parse is still listed in the tables; just no drawing
            return Optional.empty();
        }
    }
}
