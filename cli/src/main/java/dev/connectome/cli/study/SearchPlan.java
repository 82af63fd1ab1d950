package dev.connectome.cli.study;

import dev.connectome.cli.UserException;
import dev.connectome.nas.cell.Nb201Search;
import dev.connectome.nas.cell.Nb201SearchSettings;
import dev.connectome.nas.study.Settings;
import dev.connectome.nas.study.StudyBuilder;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.ThreadExecutor;
import dev.connectome.nas.study.TrialStore;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The typed settings of a stored study, whichever search made it (NB201 random/evolution, NB201
 * reinforce/naswot, layer chains, ENAS weight sharing): what {@code nas work}, {@code studies rerun} and {@code studies resume}
 * need to rebuild the study from its settings map without knowing its kind.
 */
public interface SearchPlan {

    /** The settings map stored with the study. */
    Map<String, Object> toMap();

    /** Trials to run (0: bounded by time or target only). */
    int trials();

    /** Trials evaluated at once in this process. */
    int workers();

    /** The same search with another number of local workers (the search path does not change). */
    SearchPlan withWorkers(int workers);

    /** What the objective is, for the "best:" line, e.g. "cifar10 test accuracy". */
    String objective();

    /** A study builder for these settings (the caller closes the executor). */
    StudyBuilder<?> builder(String name, TrialStore store, ThreadExecutor executor);

    /** Whether other processes may evaluate its trials ({@code nas work}); false when trials share state. */
    default boolean acceptsRemoteWorkers() {
        return true;
    }

    /** One kind of stored settings: recognises its maps and reads them. */
    record Kind(String id, Predicate<Map<String, Object>> handles, Function<Map<String, Object>, SearchPlan> read) {
    }

    /** The kinds, most specific first; the NB201 table search is the fallback. */
    List<Kind> KINDS = List.of(
            new Kind("enas", m -> "enas".equals(m.get("space")), m -> new EnasPlan(EnasSearchSettings.fromMap(m))),
            new Kind("chain", m -> "chain".equals(m.get("space")), m -> new ChainPlan(ChainSearchSettings.fromMap(m))),
            new Kind("nb201-policy", m -> m.get("strategy") instanceof String s && PolicySearchSettings.handles(s),
                    m -> new PolicyPlan(PolicySearchSettings.fromMap(m))),
            new Kind("nb201", m -> true, m -> new Nb201Plan(Nb201SearchSettings.fromMap(m))));

    /** Reads a settings map; IllegalArgumentException naming a bad field. */
    static SearchPlan fromMap(Map<String, Object> settings) {
        for (Kind k : KINDS) {
            if (k.handles().test(settings)) {
                return k.read().apply(settings);
            }
        }
        throw new IllegalArgumentException("no search kind reads settings " + settings);
    }

    /** The plan of a stored study, or a user error naming it. */
    static SearchPlan of(StudyInfo info) {
        try {
            return fromMap(Settings.fromJson(info.settingsJson()));
        } catch (IllegalArgumentException e) {
            throw new UserException("study '" + info.name() + "' cannot be run by this version: " + e.getMessage(), e);
        }
    }

    /** An NB201 table search with random search or regularized evolution. */
    record Nb201Plan(Nb201SearchSettings s) implements SearchPlan {
        @Override
        public Map<String, Object> toMap() {
            return s.toMap();
        }

        @Override
        public int trials() {
            return s.trials();
        }

        @Override
        public int workers() {
            return s.workers();
        }

        @Override
        public SearchPlan withWorkers(int w) {
            return new Nb201Plan(s.withWorkers(w, s.batchSize()));
        }

        @Override
        public String objective() {
            return s.dataset().id() + " test accuracy";
        }

        @Override
        public StudyBuilder<?> builder(String name, TrialStore store, ThreadExecutor executor) {
            return Nb201Search.builder(name, s, store, executor);
        }
    }

    /** An NB201 table search with REINFORCE or NASWOT. */
    record PolicyPlan(PolicySearchSettings s) implements SearchPlan {
        @Override
        public Map<String, Object> toMap() {
            return s.toMap();
        }

        @Override
        public int trials() {
            return s.trials();
        }

        @Override
        public int workers() {
            return s.workers();
        }

        @Override
        public SearchPlan withWorkers(int w) {
            return new PolicyPlan(s.withWorkers(w));
        }

        @Override
        public String objective() {
            return s.dataset().id() + " test accuracy";
        }

        @Override
        public StudyBuilder<?> builder(String name, TrialStore store, ThreadExecutor executor) {
            return PolicySearchRunner.builder(name, s, store, executor);
        }
    }
}
