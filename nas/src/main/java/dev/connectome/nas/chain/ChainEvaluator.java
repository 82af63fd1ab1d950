package dev.connectome.nas.chain;

import dev.connectome.nas.cell.LayerChain;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.evaluate.Evaluator;
import dev.connectome.nas.evaluate.TrialContext;
import dev.connectome.nas.task.ClassificationTrainer;
import dev.connectome.nas.task.OptimizerSpec;
import dev.connectome.nas.task.ScheduleSpec;
import dev.connectome.nas.task.TrainResult;
import dev.connectome.nas.task.TrainSettings;
import dev.connectome.nas.task.TrainingListener;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Scores a layer chain by training its {@link ChainNetwork} from scratch for a few epochs on a subset
 * of an image data set (Adam, constant rate, one thread) and returning validation accuracy in
 * percent. The weights and the batch order come from the trial's generator, so a trial is
 * reproducible from the study seed. A diverged run fails the trial.
 */
public final class ChainEvaluator implements Evaluator<LayerChain> {
    private final Dataset train;
    private final Dataset validation;
    private final int[] image;
    private final ChainTraining training;

    /**
     * @param data the training part of an image data set; its shuffle by {@code seed} gives the
     *             training images (first) and the validation images (next), disjoint
     */
    public ChainEvaluator(Dataset data, ChainTraining training, long seed) {
        if (training.trainImages() + training.validationImages() > data.size()) {
            throw new IllegalArgumentException("data set '" + data.name() + "' has " + data.size() + " images, fewer than "
                    + training.trainImages() + " training + " + training.validationImages() + " validation images");
        }
        Dataset shuffled = data.shuffled(new SplittableRandom(seed));
        this.train = shuffled.slice(0, training.trainImages());
        this.validation = shuffled.slice(training.trainImages(), training.trainImages() + training.validationImages());
        this.image = imageShape(data);
        this.training = training;
    }

    static int[] imageShape(Dataset data) {
        int[] s = data.sampleShape();
        if (s.length == 3) {
            return s.clone();
        }
        if (s.length == 2) {
            return new int[] {1, s[0], s[1]};
        }
        int side = (int) Math.round(Math.sqrt(data.sampleSize()));
        if (s.length == 1 && side * side == data.sampleSize()) {
            return new int[] {1, side, side};
        }
        throw new IllegalArgumentException("data set '" + data.name() + "' does not hold square images: sample shape "
                + java.util.Arrays.toString(s));
    }

    @Override
    public Evaluation evaluate(LayerChain chain, TrialContext context) {
        long seed = context.random().nextLong();
        ChainNetwork net = new ChainNetwork(chain, image, training.downsample(), train.numClasses(), new SplittableRandom(seed));
        TrainSettings ts = new TrainSettings(training.epochs(), training.batchSize(), seed, 1,
                OptimizerSpec.adam(training.learningRate()), ScheduleSpec.constant(), 0, 0);
        TrainResult r = new ClassificationTrainer(ts).fit(net, train, validation, TrainingListener.none());
        if (r.status() != TrainResult.Status.COMPLETED) {
            throw new IllegalStateException("training " + chain.format() + " failed: " + r.failure());
        }
        return Evaluation.complete(100 * r.validation().accuracy());
    }

    @Override
    public String id() {
        return "chain-train:" + train.name();
    }

    @Override
    public Optional<String> datasetSha256() {
        return Optional.of(train.sha256());
    }
}
