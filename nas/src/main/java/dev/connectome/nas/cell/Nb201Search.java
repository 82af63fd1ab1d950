package dev.connectome.nas.cell;

import dev.connectome.nas.search.RandomSearch;
import dev.connectome.nas.search.RegularizedEvolution;
import dev.connectome.nas.search.Strategy;
import dev.connectome.nas.study.Direction;
import dev.connectome.nas.study.Settings;
import dev.connectome.nas.study.Study;
import dev.connectome.nas.study.StudyBuilder;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.TrialExecutor;
import dev.connectome.nas.study.TrialStore;
import java.time.Duration;

/** Builds NAS-Bench-201 table searches from {@link Nb201SearchSettings}: the entry point for the CLI. */
public final class Nb201Search {

    private static final Nb201Space SPACE = new Nb201Space();

    private Nb201Search() {
    }

    /**
     * A study builder for the settings; the caller may still set worker id, heartbeat, listener, and must
     * close the executor it passes.
     */
    public static StudyBuilder<Nb201Cell> builder(String name, Nb201SearchSettings s, TrialStore store, TrialExecutor executor) {
        Strategy<Nb201Cell> strategy = s.strategy().equals("random")
                ? new RandomSearch<>(SPACE)
                : new RegularizedEvolution<>(SPACE, s.populationSize(), s.sampleSize(), Direction.MAXIMIZE);
        StudyBuilder<Nb201Cell> b = Study.builder(SPACE, strategy, new Nb201TableEvaluator(s.dataset()), store)
                .name(name).seed(s.seed()).direction(Direction.MAXIMIZE).executor(executor).batchSize(s.batchSize())
                .settings(s.toMap());
        if (s.trials() > 0) {
            b.trials(s.trials());
        }
        if (s.maxSeconds() != null) {
            b.time(Duration.ofMillis(Math.round(s.maxSeconds() * 1000)));
        }
        if (s.target() != null) {
            b.target(s.target());
        }
        return b;
    }

    /** The settings a stored NB201 study was created with (for resume and rerun). */
    public static Nb201SearchSettings settingsOf(StudyInfo info) {
        if (!info.space().equals(SPACE.id())) {
            throw new IllegalArgumentException("study '" + info.name() + "' searches space '" + info.space() + "', not nb201");
        }
        return Nb201SearchSettings.fromMap(Settings.fromJson(info.settingsJson()));
    }
}
