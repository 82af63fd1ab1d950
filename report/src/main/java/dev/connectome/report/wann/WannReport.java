package dev.connectome.report.wann;

import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.wann.WannCandidate;
import dev.connectome.nas.wann.WannSearch;
import dev.connectome.nas.wann.WannSearchSettings;
import dev.connectome.nas.wann.WannSpace;
import dev.connectome.nas.wann.WannTasks;
import dev.connectome.report.ReportSection;
import dev.connectome.report.svg.Fmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The WANN sections of a study report: the champion's drawing, and fitness and connection counts over
 * generations. Empty for studies that are not WANN searches.
 */
public final class WannReport {

    private WannReport() {
    }

    /** Sections for a WANN study (nothing for other studies or unreadable settings). */
    public static List<ReportSection> sections(StudyInfo info, List<TrialRecord> trials) {
        List<ReportSection> s = new ArrayList<>();
        if (!info.space().startsWith("wann:")) {
            return s;
        }
        WannSearchSettings settings;
        try {
            settings = WannSearch.settingsOf(info);
        } catch (RuntimeException e) {
            return s;
        }
        champion(settings, trials).ifPresent(s::add);
        s.add(new WannProgressSection(trials, settings.task().startsWith("mnist") ? "−cross-entropy" : "reward"));
        return s;
    }

    private static Optional<ReportSection> champion(WannSearchSettings settings, List<TrialRecord> trials) {
        TrialRecord best = null;
        for (TrialRecord t : trials) {
            if (t.isComplete() && (best == null || t.value() > best.value())) {
                best = t;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        WannSpace space = WannSearch.space(WannTasks.get(settings.task()), settings.wann());
        WannCandidate c;
        try {
            c = space.parse(best.architecture());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        NeuronGraph g = c.graph();
        NetworkDrawing d = settings.task().equals("swingup") ? NetworkDrawing.swingUp(g)
                : new NetworkDrawing(g, List.of(), List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        String caption = "Trial #" + best.number() + " (generation " + c.generation() + "): mean " + Fmt.value(best.value())
                + ", best single weight " + Fmt.value(best.metrics().getOrDefault("max", Double.NaN)) + ", "
                + g.enabledConnectionCount() + " connections, " + g.hiddenCount() + " hidden nodes.";
        return Optional.of(new WannNetworkSection("Champion network", d, caption));
    }
}
