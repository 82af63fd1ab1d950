package dev.connectome.report.study;

import dev.connectome.nas.cell.Nb201Dataset;
import dev.connectome.nas.cell.Nb201Space;
import dev.connectome.nas.cell.Nb201TableEvaluator;
import dev.connectome.nas.search.RegularizedEvolution;
import dev.connectome.nas.study.Direction;
import dev.connectome.nas.study.InMemoryTrialStore;
import dev.connectome.nas.study.Study;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.StudyResult;
import dev.connectome.nas.study.TrialRecord;

import java.util.List;

/** A real, instant study: regularized evolution on the NAS-Bench-201 CIFAR-10 table, in memory. */
record RealStudies(StudyInfo info, List<TrialRecord> trials, StudyResult result) {

    static RealStudies evolution(int budget, long seed) {
        Nb201Space space = new Nb201Space();
        try (InMemoryTrialStore store = new InMemoryTrialStore()) {
            Study<?> study = Study.builder(space, new RegularizedEvolution<>(space, 20, 5, Direction.MAXIMIZE),
                    new Nb201TableEvaluator(Nb201Dataset.CIFAR10), store).name("nb201-rea").seed(seed).trials(budget)
                    .build();
            StudyResult result = study.run();
            return new RealStudies(store.findStudy("nb201-rea").orElseThrow(), store.trials("nb201-rea"), result);
        }
    }
}
