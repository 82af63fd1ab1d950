package dev.connectome.nas.analysis;

import dev.connectome.engine.nn.Module;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.subspace.ProjectionType;
import dev.connectome.nas.subspace.Projections;
import dev.connectome.nas.subspace.SubspaceModule;
import dev.connectome.nas.task.ClassificationTrainer;
import dev.connectome.nas.task.TrainResult;
import dev.connectome.nas.task.TrainSettings;
import dev.connectome.nas.task.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Runs an intrinsic-dimension sweep: for every seed, the full network once (the baseline, when
 * asked) and the network trained in a random d-dimensional subspace for every d; each run is
 * validated on the test set after every epoch (as Li et al. do). The result holds every run's
 * curves and the d_int estimate.
 */
public final class IntrinsicDimensionSweep {
    /** Builds a freshly initialised network from a generator. */
    @FunctionalInterface
    public interface ModelFactory extends Function<RandomGenerator, Module> {
    }

    /** Observes the sweep (progress output); called on the sweep's thread. */
    public interface Listener {
        /** Before a run; {@code dimension} is 0 for the baseline. */
        default void onRunStart(int dimension, long seed, int index, int total) {
        }

        /** Forwarded from the trainer. */
        default TrainingListener training() {
            return TrainingListener.none();
        }

        default void onRunEnd(SweepRun run) {
        }
    }

    /** One point of a loss curve: global step and the running mean loss of its epoch so far. */
    public record StepLoss(long step, double loss) {
    }

    /**
     * One training run.
     *
     * @param dimension    d, or 0 for the baseline (all parameters trained)
     * @param parameters   trainable values (d, or D for the baseline)
     * @param accuracy     test accuracy after the last epoch
     * @param epochs       per-epoch summaries (validation = test set)
     * @param losses       sampled training losses
     * @param stepsPerEpoch optimizer steps in one epoch
     */
    public record SweepRun(int dimension, long seed, long parameters, double accuracy, double loss,
                           List<TrainingListener.EpochSummary> epochs, List<StepLoss> losses, int stepsPerEpoch,
                           double seconds, String failure) {
        public SweepRun {
            epochs = List.copyOf(epochs);
            losses = List.copyOf(losses);
        }

        public boolean baseline() {
            return dimension == 0;
        }
    }

    /**
     * All runs and the estimate. {@code baselineAccuracy} is the mean over the baseline runs (NaN
     * without them); {@code relative} uses fraction·baseline as threshold, {@code absolute} uses
     * the fraction itself (Li et al.'s "global baseline" of 100%, i.e. 90% accuracy).
     */
    public record SweepResult(IntrinsicDimensionSettings settings, int ambientDimension, List<SweepRun> runs,
                              double baselineAccuracy, IntrinsicDimension.Summary relative,
                              IntrinsicDimension.Summary absolute) {
        public SweepResult {
            runs = List.copyOf(runs);
        }
    }

    private final IntrinsicDimensionSettings settings;
    private final ProjectionType projection;

    public IntrinsicDimensionSweep(IntrinsicDimensionSettings settings, Projections registry) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.projection = registry.get(settings.projection());
    }

    /** Trains every run in order (seed-major) and summarises. */
    public SweepResult run(ModelFactory factory, Dataset train, Dataset test, Listener listener) {
        List<SweepRun> runs = new ArrayList<>();
        int total = settings.seeds().size() * (settings.dimensions().size() + (settings.trainBaseline() ? 1 : 0));
        int index = 0;
        int ambient = 0;
        for (long seed : settings.seeds()) {
            TrainSettings ts = settings.training().withSeed(seed);
            if (settings.trainBaseline()) {
                listener.onRunStart(0, seed, ++index, total);
                Module full = factory.apply(ts.random("init"));
                ambient = (int) full.parameterCount();
                SweepRun r = train(full, 0, seed, ts, train, test, listener);
                runs.add(r);
                listener.onRunEnd(r);
            }
            for (int d : settings.dimensions()) {
                listener.onRunStart(d, seed, ++index, total);
                Module inner = factory.apply(ts.random("init"));
                ambient = (int) inner.parameterCount();
                SubspaceModule sub = SubspaceModule.create(inner, projection, d, settings.mode(), ts.random("projection"));
                SweepRun r = train(sub, d, seed, ts, train, test, listener);
                runs.add(r);
                listener.onRunEnd(r);
            }
        }
        return summarise(settings, ambient, runs);
    }

    /** The estimate for a list of runs (also used to re-summarise runs read back from a CSV). */
    public static SweepResult summarise(IntrinsicDimensionSettings settings, int ambient, List<SweepRun> runs) {
        List<IntrinsicDimension.Point> points = new ArrayList<>();
        double baseSum = 0;
        int baseCount = 0;
        for (SweepRun r : runs) {
            if (r.baseline()) {
                baseSum += r.accuracy();
                baseCount++;
            } else {
                points.add(new IntrinsicDimension.Point(r.dimension(), r.seed(), r.accuracy()));
            }
        }
        double baseline = baseCount == 0 ? Double.NaN : baseSum / baseCount;
        IntrinsicDimension.Summary relative = baseCount == 0 || points.isEmpty() ? null
                : IntrinsicDimension.summarise(points, settings.fraction() * baseline);
        IntrinsicDimension.Summary absolute = points.isEmpty() ? null
                : IntrinsicDimension.summarise(points, settings.fraction());
        return new SweepResult(settings, ambient, runs, baseline, relative, absolute);
    }

    private static SweepRun train(Module model, int d, long seed, TrainSettings ts, Dataset train, Dataset test,
                                  Listener listener) {
        List<StepLoss> losses = new ArrayList<>();
        int[] stepsPerEpoch = new int[1];
        TrainingListener forward = listener.training();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onStart(int epochs, int steps, int samples) {
                stepsPerEpoch[0] = steps;
                forward.onStart(epochs, steps, samples);
            }

            @Override
            public void onStep(StepProgress p) {
                long global = (long) (p.epoch() - 1) * p.steps() + p.step();
                int every = Math.max(1, p.steps() / 20);
                if (p.step() % every == 0 || p.step() == p.steps()) {
                    losses.add(new StepLoss(global, p.meanLoss()));
                }
                forward.onStep(p);
            }

            @Override
            public void onEpoch(EpochSummary s) {
                forward.onEpoch(s);
            }
        };
        TrainResult r = new ClassificationTrainer(ts).fit(model, train, test, recorder);
        double acc = r.epochs().isEmpty() ? Double.NaN : r.validation().accuracy();
        double loss = r.epochs().isEmpty() ? Double.NaN : r.validation().loss();
        return new SweepRun(d, seed, model.parameterCount(), r.completed() ? acc : Double.NaN, loss, r.epochs(), losses,
                stepsPerEpoch[0], r.seconds(), r.failure());
    }
}
