package dev.connectome.nas.wann;

import dev.connectome.nas.graph.MutationSettings;
import dev.connectome.nas.study.Direction;
import dev.connectome.nas.study.Settings;
import dev.connectome.nas.study.Study;
import dev.connectome.nas.study.StudyBuilder;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.TrialExecutor;
import dev.connectome.nas.study.TrialStore;
import java.time.Duration;

/**
 * Builds WANN search studies from {@link WannSearchSettings}: the entry point for the CLI and benches.
 * One generation is one study batch (batch size = population), so a killed search resumes at its last
 * finished generation and repeats none of it.
 */
public final class WannSearch {

    private WannSearch() {
    }

    /**
     * The search space of a task under settings (mutation weights from the settings, activations from
     * the task), remembering the texts of two populations' worth of genomes (see {@link WannSpace}).
     */
    public static WannSpace space(WannTasks.Spec spec, WannSettings s) {
        MutationSettings m = new MutationSettings(s.probAddConnection(), s.probAddNode(), s.probEnable(),
                s.probChangeActivation(), spec.mutation().hiddenActivations());
        return new WannSpace(spec.inputs(), spec.outputs(), s.probInitEnable(), m, 2 * s.populationSize());
    }

    /**
     * A study builder; the caller may still set worker id, heartbeat and listener, and closes the executor.
     *
     * @param task the task instance (made once by the caller, e.g. with loaded data)
     * @param datasetSha256 provenance of the task's data, or null
     */
    public static StudyBuilder<WannCandidate> builder(String name, WannSearchSettings s, WannTask task, String datasetSha256,
                                                      TrialStore store, TrialExecutor executor) {
        WannTasks.Spec spec = WannTasks.get(s.task());
        if (task.inputs() != spec.inputs() || task.outputs() != spec.outputs()) {
            throw new IllegalArgumentException("task " + task.id() + " has " + task.inputs() + "/" + task.outputs()
                    + " inputs/outputs, spec " + spec.id() + " expects " + spec.inputs() + "/" + spec.outputs());
        }
        WannSettings w = s.wann();
        WannSpace space = space(spec, w);
        WannEvolution strategy = new WannEvolution(space, w, s.seed());
        WannEvaluator evaluator = new WannEvaluator(task, w.weights(), w.repeats(), s.seed(), datasetSha256);
        StudyBuilder<WannCandidate> b = Study.builder(space, strategy, evaluator, store)
                .name(name).seed(s.seed()).direction(Direction.MAXIMIZE).executor(executor)
                .batchSize(w.populationSize()).trials(s.trials()).settings(s.toMap());
        if (s.maxSeconds() != null) {
            b.time(Duration.ofMillis(Math.round(s.maxSeconds() * 1000)));
        }
        if (s.target() != null) {
            b.target(s.target());
        }
        return b;
    }

    /** The settings a stored WANN study was created with (for resume). */
    public static WannSearchSettings settingsOf(StudyInfo info) {
        if (!info.space().startsWith("wann:")) {
            throw new IllegalArgumentException("study '" + info.name() + "' searches space '" + info.space() + "', not WANN");
        }
        return WannSearchSettings.fromMap(Settings.fromJson(info.settingsJson()));
    }
}
