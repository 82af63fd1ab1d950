package dev.connectome.nas.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.Parallelism;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CmaEsTest {
    @Test
    void defaultPopulationAndModelChoice() {
        CmaEs small = new CmaEs(10, CmaEsSettings.defaults(), new SplittableRandom(1));
        assertThat(small.populationSize()).isEqualTo(4 + (int) Math.floor(3 * Math.log(10)));
        assertThat(small.fullCovariance()).isTrue();
        CmaEs large = new CmaEs(1849, CmaEsSettings.defaults(), new SplittableRandom(1));
        assertThat(large.fullCovariance()).isFalse();
    }

    @Test
    void fullSolvesShiftedSphereIn10D() {
        CmaEs es = new CmaEs(10, CmaEsSettings.defaults(), new SplittableRandom(1));
        Population.optimize(es, (x, i) -> TestFunctions.sphere(x), 300, Parallelism.single(), null);
        assertThat(-es.bestFitness()).isLessThan(1e-10);
    }

    @Test
    void fullSolvesRosenbrockIn10D() {
        CmaEs es = new CmaEs(10, CmaEsSettings.defaults(), new SplittableRandom(1));
        Population.optimize(es, (x, i) -> TestFunctions.rosenbrock(x), 1000, Parallelism.single(), null);
        assertThat(-es.bestFitness()).isLessThan(1e-8);
        assertThat(TestFunctions.distanceTo(es.best(), 1)).isLessThan(1e-3);
    }

    @Test
    void separableSolvesSphereAndRosenbrockIn10D() {
        CmaEsSettings sep = CmaEsSettings.defaults().withCovariance(CmaEsSettings.Covariance.SEPARABLE);
        CmaEs sphere = new CmaEs(10, sep, new SplittableRandom(1));
        Population.optimize(sphere, (x, i) -> TestFunctions.sphere(x), 300, Parallelism.single(), null);
        assertThat(-sphere.bestFitness()).isLessThan(1e-10);
        CmaEs rosen = new CmaEs(10, sep, new SplittableRandom(1));
        Population.optimize(rosen, (x, i) -> TestFunctions.rosenbrock(x), 2500, Parallelism.single(), null);
        assertThat(-rosen.bestFitness()).isLessThan(0.05);
    }

    @Test
    void sameSeedSameRun() {
        double a = Population.optimize(new CmaEs(5, CmaEsSettings.defaults(), new SplittableRandom(9)),
                (x, i) -> TestFunctions.rosenbrock(x), 40, Parallelism.single(), null);
        double b = Population.optimize(new CmaEs(5, CmaEsSettings.defaults(), new SplittableRandom(9)),
                (x, i) -> TestFunctions.rosenbrock(x), 40, Parallelism.single(), null);
        assertThat(b).isEqualTo(a);
    }

    @Test
    void jacobiReconstructsASymmetricMatrix() {
        SplittableRandom r = new SplittableRandom(4);
        int n = 7;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = r.nextDouble(-1, 1);
            }
        }
        double[][] v = new double[n][n];
        double[] values = new double[n];
        SymmetricEigen.decompose(a, v, values);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double rec = 0;
                double orth = 0;
                for (int k = 0; k < n; k++) {
                    rec += v[i][k] * values[k] * v[j][k];
                    orth += v[k][i] * v[k][j];
                }
                assertThat(rec).isCloseTo(a[i][j], within(1e-10));
                assertThat(orth).isCloseTo(i == j ? 1 : 0, within(1e-10));
            }
        }
    }
}
