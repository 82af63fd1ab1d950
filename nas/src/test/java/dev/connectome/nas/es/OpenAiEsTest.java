package dev.connectome.nas.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.Parallelism;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OpenAiEsTest {
    private static OpenAiEsSettings settings() {
        return OpenAiEsSettings.defaults().withPopulationSize(64).withWeightDecay(0)
                .withLearningRate(0.05, 0.9995, 0.001).withAntithetic(true);
    }

    @Test
    void mirroredSamples() {
        OpenAiEs es = new OpenAiEs(new float[]{1, 2}, settings().withPopulationSize(4), new ScriptedGaussians(1, -2, 0.5, 0.3));
        float[][] pop = es.ask();
        assertThat(pop[0]).containsExactly(new float[]{1.1f, 1.8f}, within(1e-6f));
        assertThat(pop[2]).containsExactly(new float[]{0.9f, 2.2f}, within(1e-6f));
        assertThat(pop[3]).containsExactly(new float[]{0.95f, 1.97f}, within(1e-6f));
    }

    @Test
    void firstStepMovesEachCoordinateByTheLearningRateAlongTheGradient() {
        OpenAiEs es = new OpenAiEs(2, settings().withPopulationSize(4), new ScriptedGaussians(1, -2, 0.5, 0.3));
        es.ask();
        es.tell(new double[]{3, 1, 4, 2});
        // Normalised ranks ∝ (1/6, −1/2, 1/2, −1/6); g ∝ Σ r_i e_i = (−1/3, +0.4333…) → μ = 0.05·sign(g).
        assertThat(es.mean()).containsExactly(new float[]{-0.05f, 0.05f}, within(1e-6f));
        assertThat(es.sigma()).isCloseTo(0.0999, within(1e-12));
    }

    @Test
    void solvesShiftedSphereIn10D() {
        OpenAiEs es = new OpenAiEs(10, settings(), new SplittableRandom(1));
        Population.optimize(es, (x, i) -> TestFunctions.sphere(x), 2000, Parallelism.single(), null);
        assertThat(-TestFunctions.sphere(es.mean())).isLessThan(1e-3);
    }

    @Test
    void solvesRosenbrockIn10D() {
        OpenAiEs es = new OpenAiEs(10, settings(), new SplittableRandom(1));
        Population.optimize(es, (x, i) -> TestFunctions.rosenbrock(x), 5000, Parallelism.single(), null);
        assertThat(-TestFunctions.rosenbrock(es.mean())).isLessThan(0.05);
    }
}
