package dev.connectome.nas.weights;

import dev.connectome.engine.Parallelism;
import dev.connectome.nas.es.Population;
import dev.connectome.nas.graph.NeuronGraph;
import java.util.random.RandomGenerator;

/**
 * What an {@link EsTrainer} trains a genome's weights on: a per-generation fitness function and
 * periodic checkpoints. Implementations: {@link WeightsTask} (MNIST256, fitness −CE on a minibatch)
 * and {@link ControlWeightsTask} (a control task, fitness the mean episode return).
 *
 * <p>The strategy searches WANNTool's params θ; the network runs with weights θ + {@link #weightBias()}
 * (so weight decay pulls towards the bias, and zero params are WANNTool's starting point).
 */
public interface EsTask {

    /** Short task id, e.g. "mnist256", "swingup". */
    String id();

    /** The genome whose enabled connections are trained. */
    NeuronGraph graph();

    /** WANNTool's weight_bias of the task (weights = params + bias; 0 for MNIST, −1.5 for swing-up). */
    float weightBias();

    /**
     * The fitness function of one generation (higher is better, called with <em>weights</em>, i.e.
     * params + bias). Everything random about it — the minibatch, the episode starts — is drawn from
     * {@code rng} here, once, so every candidate of the generation is judged on the same sample
     * (common random numbers) and the result does not depend on how the population is spread over threads.
     *
     * @param sampleSize images per generation (classification) or episodes per candidate (control)
     * @return a thread-safe fitness function
     */
    Population.Fitness generationFitness(int sampleSize, RandomGenerator rng);

    /** Train, validation and test metrics of weights {@code w}, computed with {@code par}. */
    Checkpoint checkpoint(int step, float[] w, double seconds, Parallelism par);

    /**
     * How the checkpoint's "accuracy" columns read for this task: "accuracy" (a fraction, loss is
     * cross-entropy) or "return" (mean episode return, loss is its negation).
     */
    default String metric() {
        return "accuracy";
    }
}
