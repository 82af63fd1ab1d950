package dev.connectome.nas.weights;

import dev.connectome.engine.Parallelism;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.es.Population;
import dev.connectome.nas.graph.GraphNet;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.TunedWeights;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A genome and the data its weights are trained on, with the node-major evaluation sets built once
 * so that several seeds (and trainers) can share them from different threads. As an {@link EsTask},
 * a generation's fitness is −mean cross-entropy on a minibatch drawn for that generation (WANN's
 * classify_gym reward, one batch for the whole population).
 */
public final class WeightsTask implements EsTask {
    private final NeuronGraph graph;
    private final GraphNet net;
    private final Mnist256Splits data;
    private final GraphLoss train;
    private final GraphLoss validation;
    private final GraphLoss test;

    public WeightsTask(NeuronGraph graph, Mnist256Splits data) {
        this.graph = graph;
        this.net = GraphNet.compile(graph);
        if (net.weightCount() == 0) {
            throw new IllegalArgumentException("the genome has no enabled connections, nothing to train");
        }
        this.data = data;
        this.train = new GraphLoss(net, data.train());
        this.validation = new GraphLoss(net, data.validation());
        this.test = new GraphLoss(net, data.test());
    }

    @Override
    public String id() {
        return "mnist256";
    }

    @Override
    public float weightBias() {
        return TunedWeights.MNIST_WEIGHT_BIAS;
    }

    /** −mean cross-entropy on {@code images} training images drawn without replacement from {@code rng}. */
    @Override
    public Population.Fitness generationFitness(int images, RandomGenerator rng) {
        Dataset train = data.train();
        int batch = Math.min(images, train.size());
        int[] idx = Arrays.copyOf(Dataset.permutation(train.size(), rng), batch);
        GraphLoss minibatch = new GraphLoss(net, train.subset(idx), batch);
        return (w, i) -> -minibatch.evaluate(0, w).loss();
    }

    @Override
    public NeuronGraph graph() {
        return graph;
    }

    public GraphNet net() {
        return net;
    }

    public Mnist256Splits data() {
        return data;
    }

    public GraphLoss trainLoss() {
        return train;
    }

    /** Train, validation and test loss/accuracy of {@code w}. */
    @Override
    public Checkpoint checkpoint(int step, float[] w, double seconds, Parallelism par) {
        LossStats tr = train.evaluate(w, par);
        LossStats va = validation.evaluate(w, par);
        LossStats te = test.evaluate(w, par);
        return new Checkpoint(step, tr.loss(), tr.accuracy(), va.loss(), va.accuracy(), te.loss(), te.accuracy(), seconds);
    }
}
