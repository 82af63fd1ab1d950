package dev.connectome.nas.search.reinforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The REINFORCE loss against the exact gradient of the expected reward on a toy bandit: a controller
 * with 2 decisions (2 and 3 options, 6 sequences), rewards from a fixed table. J(θ) = Σ_s π_θ(s)·R(s)
 * is computed exactly by enumerating all sequences, and differentiated by finite differences.
 */
class PolicyGradientTest {

    private static final double[] REWARD = {0.1, 0.9, 0.3, 0.5, 0.0, 0.7}; // R(a, b) = REWARD[3a + b]

    private static ControllerSettings settings(double entropy) {
        return new ControllerSettings(3, 0.8, true, 1.0, 0.0, 0.01, entropy, 0.9, 1, "accuracy", 1.0, 7, null);
    }

    private static int[][] all() {
        List<int[]> s = new ArrayList<>();
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 3; b++) {
                s.add(new int[] {a, b});
            }
        }
        return s.toArray(new int[0][]);
    }

    private static double expectedReward(Controller c) {
        double j = 0;
        for (int[] s : all()) {
            j += Math.exp(c.logProb(s)) * REWARD[3 * s[0] + s[1]];
        }
        return j;
    }

    /** Fourth-order central differences of J in every parameter component. */
    private static double[][] numericGradient(Controller c) {
        double h = 1e-2;
        List<Tensor> params = c.parameters();
        double[][] g = new double[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            float[] x = params.get(i).data();
            g[i] = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                float saved = x[j];
                double[] v = new double[4];
                double[] d = {2 * h, h, -h, -2 * h};
                for (int k = 0; k < 4; k++) {
                    x[j] = (float) (saved + d[k]);
                    v[k] = expectedReward(c);
                }
                x[j] = saved;
                g[i][j] = (-v[0] + 8 * v[1] - 8 * v[2] + v[3]) / (12 * h);
            }
        }
        return g;
    }

    /** −(gradient of a loss) for each parameter component. */
    private static double[][] ascent(Controller c, Tape tape, Tensor loss) {
        for (Tensor p : c.parameters()) {
            p.zeroGrad();
        }
        tape.backward(loss);
        List<Tensor> params = c.parameters();
        double[][] g = new double[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            g[i] = new double[params.get(i).size()];
            for (int j = 0; j < g[i].length; j++) {
                g[i][j] = -params.get(i).grad()[j];
            }
        }
        tape.reset();
        return g;
    }

    @Test
    void exactPolicyGradientMatchesFiniteDifferencesOfExpectedReward() {
        Controller c = new Controller(DecisionLayout.perPosition(2, 3), settings(0));
        int[][] seqs = all();
        // With advantages B·π(s)·R(s) the loss −(1/B) Σ A_s log π(s) has gradient −Σ π(s) R(s) ∇log π(s) = −∇J.
        double[] adv = new double[seqs.length];
        for (int i = 0; i < seqs.length; i++) {
            adv[i] = seqs.length * Math.exp(c.logProb(seqs[i])) * REWARD[3 * seqs[i][0] + seqs[i][1]];
        }
        Tape tape = Tape.training(Parallelism.single());
        double[][] analytic = ascent(c, tape, PolicyLoss.reinforce(tape, c.rollout(tape, seqs, false), seqs, adv, 0));
        double[][] numeric = numericGradient(c);
        double maxAbs = 0;
        int components = 0;
        for (int i = 0; i < numeric.length; i++) {
            for (int j = 0; j < numeric[i].length; j++) {
                double err = Math.abs(analytic[i][j] - numeric[i][j])
                        / Math.max(1e-3, Math.max(Math.abs(analytic[i][j]), Math.abs(numeric[i][j])));
                assertThat(err).as("param %d [%d]: analytic %s numeric %s", i, j, analytic[i][j], numeric[i][j])
                        .isLessThan(2e-2);
                maxAbs = Math.max(maxAbs, Math.abs(numeric[i][j]));
                components++;
            }
        }
        assertThat(components).isGreaterThan(50);
        assertThat(maxAbs).as("the gradient is not trivially zero").isGreaterThan(1e-3);
    }

    @Test
    void sampledReinforceEstimateConvergesToTheExactGradient() {
        Controller c = new Controller(DecisionLayout.perPosition(2, 3), settings(0));
        double[][] numeric = numericGradient(c);
        double j = expectedReward(c);
        SplittableRandom rng = new SplittableRandom(11);
        int n = 20_000;
        int[][] seqs = new int[n][];
        double[] adv = new double[n];
        for (int i = 0; i < n; i++) {
            seqs[i] = c.sample(rng).tokens();
            adv[i] = REWARD[3 * seqs[i][0] + seqs[i][1]] - j; // a constant baseline keeps the estimate unbiased
        }
        Tape tape = Tape.training(Parallelism.single());
        double[][] estimate = ascent(c, tape, PolicyLoss.reinforce(tape, c.rollout(tape, seqs, false), seqs, adv, 0));
        double diff = 0, norm = 0;
        for (int i = 0; i < numeric.length; i++) {
            for (int k = 0; k < numeric[i].length; k++) {
                diff += Math.pow(estimate[i][k] - numeric[i][k], 2);
                norm += numeric[i][k] * numeric[i][k];
            }
        }
        assertThat(Math.sqrt(diff / norm)).as("relative L2 error of the Monte Carlo estimate").isLessThan(0.15);
    }

    @Test
    void sampleFrequenciesFollowTheControllerProbabilities() {
        Controller c = new Controller(DecisionLayout.perPosition(2, 3), settings(0));
        SplittableRandom rng = new SplittableRandom(3);
        int[] counts = new int[6];
        int n = 30_000;
        for (int i = 0; i < n; i++) {
            Controller.Sample s = c.sample(rng);
            counts[3 * s.tokens()[0] + s.tokens()[1]]++;
            assertThat(s.logProb()).isCloseTo(c.logProb(s.tokens()), within(1e-5));
        }
        for (int[] s : all()) {
            double p = Math.exp(c.logProb(s));
            double sd = Math.sqrt(p * (1 - p) / n);
            assertThat(counts[3 * s[0] + s[1]] / (double) n).isCloseTo(p, within(5 * sd));
        }
    }

    @Test
    void entropyBonusGradientMatchesFiniteDifferences() {
        Controller c = new Controller(DecisionLayout.perPosition(2, 3), settings(0.5));
        int[][] seqs = all();
        Tape tape = Tape.training(Parallelism.single());
        double[][] analytic = ascent(c, tape, PolicyLoss.negativeEntropy(tape, c.rollout(tape, seqs, false)));
        // numeric: mean over the batch of Σ_t H_t along each (teacher-forced) sequence
        double h = 1e-2;
        Tensor p0 = c.parameters().get(1); // LSTM input weights
        for (int j = 0; j < p0.size(); j += 5) {
            float saved = p0.data()[j];
            p0.data()[j] = (float) (saved + h);
            double up = meanEntropy(c, seqs);
            p0.data()[j] = (float) (saved - h);
            double down = meanEntropy(c, seqs);
            p0.data()[j] = saved;
            double numeric = (up - down) / (2 * h);
            assertThat(analytic[1][j]).isCloseTo(numeric, within(2e-3 + 2e-2 * Math.abs(numeric)));
        }
    }

    private static double meanEntropy(Controller c, int[][] seqs) {
        Tape t = Tape.inference(Parallelism.single());
        Controller.Rollout r = c.rollout(t, seqs, false);
        double total = 0;
        for (Tensor lp : r.logProbs()) {
            for (float v : lp.data()) {
                total -= Math.exp(v) * v;
            }
        }
        return total / seqs.length;
    }
}
