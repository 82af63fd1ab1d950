package dev.connectome.nas.search.reinforce;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Embedding;
import dev.connectome.engine.nn.Init;
import dev.connectome.engine.nn.Linear;
import dev.connectome.engine.nn.LstmCell;
import dev.connectome.engine.ops.Activations;
import dev.connectome.engine.ops.Arithmetic;
import dev.connectome.engine.ops.Recurrent.LstmState;
import dev.connectome.engine.ops.ShapeOps;
import dev.connectome.engine.ops.Softmax;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The NAS/ENAS controller: an LSTM that emits one token per decision. Its first input is a learned
 * start vector; every later input is the embedding of the token just chosen (one table per decision
 * type), and each choice is drawn from {@code softmax(head(h_t))} with one linear head per type
 * (Zoph &amp; Le 2017; Pham et al. 2018). The hidden state starts at zero.
 *
 * <p>Sampling runs on a private inference tape, so a controller is for one thread at a time.
 */
public final class Controller {

    /**
     * One sampled sequence.
     *
     * @param tokens  the choices
     * @param logProb log π(tokens)
     * @param entropy Σ_t H(π(·|a_&lt;t)) along the sampled path
     * @param hidden  h_t after each decision's LSTM step, [T][H]
     */
    public record Sample(int[] tokens, double logProb, double entropy, float[][] hidden) {
    }

    /**
     * A teacher-forced pass over a batch of sequences on a tape.
     *
     * @param logits      per position, the (temperature/tanh-shaped) logits [B, K_t]
     * @param logProbs    per position, log-softmax of the logits [B, K_t]
     * @param hidden      per position, h_t [B, H]
     * @param embedding   h after feeding the last token (one more LSTM step) [B, H], or null when not asked
     */
    public record Rollout(List<Tensor> logits, List<Tensor> logProbs, List<Tensor> hidden, Tensor embedding) {
    }

    private final DecisionLayout layout;
    private final ControllerSettings settings;
    private final Tensor start;
    private final Embedding[] embeddings;
    private final LstmCell lstm;
    private final Linear[] heads;
    private final List<Tensor> parameters;
    private final Tape sampler = Tape.inference(Parallelism.single());

    /** A fresh controller with weights U(±initRange) drawn from {@code settings.seed()}. */
    public Controller(DecisionLayout layout, ControllerSettings settings) {
        this.layout = layout;
        this.settings = settings;
        RandomGenerator rng = new SplittableRandom(settings.seed());
        int h = settings.hiddenSize();
        double r = settings.initRange();
        float[] s = new float[h];
        for (int i = 0; i < h; i++) {
            s[i] = (float) ((rng.nextDouble() * 2 - 1) * r);
        }
        this.start = Tensor.parameter(s, 1, h);
        this.lstm = new LstmCell(h, h, r, rng);
        this.embeddings = new Embedding[layout.types()];
        this.heads = new Linear[layout.types()];
        for (int t = 0; t < layout.types(); t++) {
            embeddings[t] = new Embedding(layout.options()[t], h, r, rng);
            heads[t] = new Linear(h, layout.options()[t], false, Init.uniform(-r, r), rng);
        }
        List<Tensor> p = new ArrayList<>();
        p.add(start);
        p.addAll(lstm.parameters());
        for (int t = 0; t < layout.types(); t++) {
            p.add(embeddings[t].weight());
            p.addAll(heads[t].parameters());
        }
        this.parameters = Collections.unmodifiableList(p);
    }

    public DecisionLayout layout() {
        return layout;
    }

    public ControllerSettings settings() {
        return settings;
    }

    /** Every trainable tensor, in a fixed order. */
    public List<Tensor> parameters() {
        return parameters;
    }

    /** Draws one sequence: at every step, a token from the softmax by inverse CDF on {@code rng.nextDouble()}. */
    public Sample sample(RandomGenerator rng) {
        int n = layout.length();
        int[] tokens = new int[n];
        float[][] hidden = new float[n][];
        double logProb = 0, entropy = 0;
        try {
            LstmState state = lstm.zeroState(sampler, 1);
            Tensor x = start;
            for (int p = 0; p < n; p++) {
                state = lstm.step(sampler, x, state);
                hidden[p] = state.h().data().clone();
                Tensor lp = Softmax.logSoftmax(sampler, logits(sampler, p, state.h()));
                float[] v = lp.data();
                double u = rng.nextDouble(), cdf = 0;
                int choice = v.length - 1; // if rounding leaves the CDF just below u
                for (int k = 0; k < v.length; k++) {
                    double pk = Math.exp(v[k]);
                    entropy -= pk * v[k];
                }
                for (int k = 0; k < v.length - 1; k++) {
                    cdf += Math.exp(v[k]);
                    if (u < cdf) {
                        choice = k;
                        break;
                    }
                }
                tokens[p] = choice;
                logProb += v[choice];
                x = embeddings[layout.typeOf()[p]].lookup(sampler, new int[] {choice});
            }
        } finally {
            sampler.reset();
        }
        return new Sample(tokens, logProb, entropy, hidden);
    }

    /** log π(tokens) of one sequence, in double. */
    public double logProb(int[] tokens) {
        try {
            Rollout r = rollout(sampler, new int[][] {tokens}, false);
            double lp = 0;
            for (int p = 0; p < tokens.length; p++) {
                lp += r.logProbs().get(p).data()[tokens[p]];
            }
            return lp;
        } finally {
            sampler.reset();
        }
    }

    /** The controller's embedding of each sequence: h after feeding its last token, [count][H]. */
    public float[][] embed(int[][] sequences) {
        try {
            Tensor e = rollout(sampler, sequences, true).embedding();
            float[][] out = new float[sequences.length][];
            int h = settings.hiddenSize();
            for (int i = 0; i < out.length; i++) {
                out[i] = java.util.Arrays.copyOfRange(e.data(), i * h, (i + 1) * h);
            }
            return out;
        } finally {
            sampler.reset();
        }
    }

    /**
     * Feeds every sequence of the batch through the controller with its own tokens as the next inputs
     * (teacher forcing). On a training tape the result can be differentiated into {@link #parameters()}.
     *
     * @param embed also run the step after the last token and return its h
     */
    public Rollout rollout(Tape tape, int[][] sequences, boolean embed) {
        int b = sequences.length;
        if (b == 0) {
            throw new IllegalArgumentException("rollout of an empty batch");
        }
        for (int[] s : sequences) {
            layout.check(s);
        }
        int n = layout.length();
        List<Tensor> logits = new ArrayList<>(n), logProbs = new ArrayList<>(n), hidden = new ArrayList<>(n);
        LstmState state = lstm.zeroState(tape, b);
        Tensor x = ShapeOps.gatherRows(tape, start, new int[b]);
        int[] column = new int[b];
        for (int p = 0; p < n; p++) {
            state = lstm.step(tape, x, state);
            hidden.add(state.h());
            Tensor z = logits(tape, p, state.h());
            logits.add(z);
            logProbs.add(Softmax.logSoftmax(tape, z));
            for (int i = 0; i < b; i++) {
                column[i] = sequences[i][p];
            }
            x = embeddings[layout.typeOf()[p]].lookup(tape, column);
        }
        Tensor embedding = embed ? lstm.step(tape, x, state).h() : null;
        return new Rollout(logits, logProbs, hidden, embedding);
    }

    /** head(h), divided by the temperature and squashed to c·tanh(·) when those are set. */
    private Tensor logits(Tape tape, int position, Tensor h) {
        Tensor z = heads[layout.typeOf()[position]].forward(tape, h);
        if (settings.temperature() != 1.0) {
            z = Arithmetic.mulScalar(tape, z, (float) (1 / settings.temperature()));
        }
        if (settings.tanhConstant() > 0) {
            z = Arithmetic.mulScalar(tape, Activations.tanh(tape, z), (float) settings.tanhConstant());
        }
        return z;
    }
}
