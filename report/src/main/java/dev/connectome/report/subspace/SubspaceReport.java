package dev.connectome.report.subspace;

import dev.connectome.nas.analysis.IntrinsicDimensionSweep.SweepResult;
import dev.connectome.report.Report;

/** The HTML report of an intrinsic-dimension sweep: the estimate, then the curves of each seed. */
public final class SubspaceReport {
    private SubspaceReport() {
    }

    /** A report with an {@link IntrinsicDimensionSection} and one {@link SubspaceCurvesSection} per seed. */
    public static Report of(SweepResult result, String title, String subtitle) {
        Report.Builder b = Report.builder(title).optSubtitle(subtitle).addSection(new IntrinsicDimensionSection(result));
        for (long seed : result.settings().seeds()) {
            b.addSection(new SubspaceCurvesSection(result, seed));
        }
        return b.build();
    }
}
