package dev.connectome.nas.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.Parallelism;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PepgTest {
    /** n = 2, P = 4, σ = 0.1, no weight decay; Gaussians (1, −2) and (0.5, 0.3). Values worked by hand below. */
    private static PepgSettings tiny(double sigmaAlpha, double sigmaDecay) {
        return new PepgSettings(0.1, sigmaAlpha, sigmaDecay, 0.01, 0.2, 0.01, 1.0, 0.01, 0, 4, true, 0, true, true);
    }

    @Test
    void antitheticSamplesAroundMu() {
        Pepg p = new Pepg(2, tiny(0.2, 1.0), new ScriptedGaussians(1, -2, 0.5, 0.3));
        float[][] pop = p.ask();
        assertThat(pop[0]).containsExactly(new float[]{0.1f, -0.2f}, within(1e-7f));
        assertThat(pop[1]).containsExactly(new float[]{0.05f, 0.03f}, within(1e-7f));
        assertThat(pop[2]).containsExactly(new float[]{-0.1f, 0.2f}, within(1e-7f));
        assertThat(pop[3]).containsExactly(new float[]{-0.05f, -0.03f}, within(1e-7f));
    }

    @Test
    void oneGenerationMatchesHandComputedValues() {
        Pepg p = new Pepg(2, tiny(0.2, 0.999), new ScriptedGaussians(1, -2, 0.5, 0.3));
        p.ask();
        // Fitness (3, 1, 4, 2) → centred ranks (1/6, −1/2, 1/2, −1/6), baseline b = 0.
        p.tell(new double[]{3, 1, 4, 2});
        // g = (r1+ − r1−)ε1 + (r2+ − r2−)ε2 = −1/3·(0.1, −0.2) − 1/3·(0.05, 0.03) = (−0.05, 0.0567).
        // The first Adam step is lr·√(1−β2)/(1−β1) · (1−β1)g / (√(1−β2)|g|) = lr·sign(g) (up to ε).
        assertThat(p.mean()).containsExactly(new float[]{-0.01f, 0.01f}, within(1e-6f));
        // rS = (1/3, −1/3); S1 = (0, 0.3), S2 = (−0.075, −0.091);
        // Δσ = (S1 − S2)/3 / (2·2) = (0.00625, 0.0325833); σ += 0.2·Δσ, then ·0.999 (σ above the limit).
        assertThat(p.sigma()[0]).isCloseTo((0.1 + 0.2 * 0.00625) * 0.999, within(1e-12));
        assertThat(p.sigma()[1]).isCloseTo((0.1 + 0.2 * 0.391 / 3 / 4) * 0.999, within(1e-12));
        // Best: the largest shaped reward, solution 2 = μ − ε1, raw fitness 4.
        assertThat(p.best()).containsExactly(new float[]{-0.1f, 0.2f}, within(1e-7f));
        assertThat(p.bestFitness()).isEqualTo(4);
        assertThat(p.generation()).isEqualTo(1);
    }

    @Test
    void sigmaChangeIsClippedToTwentyPercent() {
        Pepg p = new Pepg(2, tiny(10, 1.0), new ScriptedGaussians(1, -2, 0.5, 0.3));
        p.ask();
        p.tell(new double[]{3, 1, 4, 2});
        // 10·Δσ = (0.0625, 0.326) exceeds 0.2·σ = 0.02 in both coordinates.
        assertThat(p.sigma()).containsExactly(new double[]{0.12, 0.12}, within(1e-12));
    }

    @Test
    void sigmaDecayStopsAtTheLimit() {
        PepgSettings s = new PepgSettings(0.1, 0, 0.5, 0.03, 0.2, 0.01, 0.5, 0.004, 0, 4, true, 0, true, true);
        Pepg p = new Pepg(1, s, new SplittableRandom(3));
        for (int g = 0; g < 4; g++) {
            p.ask();
            p.tell(new double[]{1, 2, 3, 4});
        }
        // 0.1 → 0.05 → 0.025, then stays (no longer above 0.03); lr 0.01 → 0.005 → 0.0025, then stays.
        assertThat(p.sigma()[0]).isCloseTo(0.025, within(1e-12));
        assertThat(p.learningRate()).isCloseTo(0.0025, within(1e-12));
    }

    @Test
    void centredRanksAndWeightDecay() {
        assertThat(Shaping.centeredRanks(new double[]{3, 1, 4, 2}))
                .containsExactly(new double[]{1.0 / 6, -0.5, 0.5, -1.0 / 6}, within(1e-12));
        // Ties: lower index, lower rank.
        assertThat(Shaping.centeredRanks(new double[]{5, 5, 5})).containsExactly(-0.5, 0.0, 0.5);
        double[] r = {0, 1};
        Shaping.addWeightDecay(r, new float[][]{{1, 3}, {2, 0}}, 0.1);
        assertThat(r).containsExactly(new double[]{-0.5, 0.8}, within(1e-7));
    }

    @Test
    void solvesShiftedSphereIn10D() {
        Pepg p = new Pepg(10, settings(), new SplittableRandom(1));
        Population.optimize(p, (x, i) -> TestFunctions.sphere(x), 2000, Parallelism.single(), null);
        assertThat(-TestFunctions.sphere(p.mean())).isLessThan(1e-6);
    }

    @Test
    void solvesRosenbrockIn10D() {
        Pepg p = new Pepg(10, settings(), new SplittableRandom(1));
        Population.optimize(p, (x, i) -> TestFunctions.rosenbrock(x), 2000, Parallelism.single(), null);
        assertThat(-TestFunctions.rosenbrock(p.mean())).isLessThan(1e-3);
        assertThat(TestFunctions.distanceTo(p.mean(), 1)).isLessThan(0.05);
    }

    @Test
    void parallelEvaluationGivesTheSameRunAsOneThread() {
        double[] results = new double[2];
        float[][] means = new float[2][];
        int k = 0;
        try (Parallelism two = Parallelism.of(2)) {
            for (Parallelism par : new Parallelism[]{Parallelism.single(), two}) {
                Pepg p = new Pepg(10, settings(), new SplittableRandom(7));
                results[k] = Population.optimize(p, (x, i) -> TestFunctions.rosenbrock(x), 50, par, null);
                means[k++] = p.mean();
            }
        }
        assertThat(results[1]).isEqualTo(results[0]);
        assertThat(means[1]).containsExactly(means[0]);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> PepgSettings.defaults().withPopulationSize(5))
                .hasMessageContaining("even");
        Pepg p = new Pepg(2, tiny(0.2, 1), new SplittableRandom(1));
        assertThatThrownBy(() -> p.tell(new double[4])).hasMessageContaining("without a preceding ask");
        p.ask();
        assertThatThrownBy(() -> p.tell(new double[3])).hasMessageContaining("expected 4 fitness values, got 3");
        assertThatThrownBy(() -> p.tell(new double[]{1, Double.NaN, 0, 0})).hasMessageContaining("solution 1 is NaN");
    }

    @Test
    void estoolAndTrainPyDefaults() {
        PepgSettings d = PepgSettings.defaults();
        assertThat(d.populationSize()).isEqualTo(256);
        assertThat(d.sigmaLimit()).isEqualTo(0.01);
        assertThat(d.weightDecay()).isEqualTo(0.01);
        PepgSettings w = PepgSettings.wannTool();
        assertThat(w.populationSize()).isEqualTo(64);
        assertThat(w.sigmaLimit()).isEqualTo(0.02);
        assertThat(w.learningRateDecay()).isEqualTo(1.0);
        assertThat(w.weightDecay()).isEqualTo(0.005);
    }

    /** Population 64, lr 0.05, no weight decay (it would bias the optimum away from the test function's). */
    private static PepgSettings settings() {
        return PepgSettings.defaults().withPopulationSize(64).withWeightDecay(0).withLearningRate(0.05);
    }
}
