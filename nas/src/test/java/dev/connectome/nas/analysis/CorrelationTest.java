package dev.connectome.nas.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CorrelationTest {

    @Test
    void handComputedWithoutTies() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {1, 3, 2, 5, 4};
        // 8 concordant, 2 discordant pairs: (8-2)/10
        assertThat(Correlation.kendallTau(x, y)).isCloseTo(0.6, within(1e-12));
        // 1 - 6*Σd²/(n(n²-1)) = 1 - 6*4/120
        assertThat(Correlation.spearman(x, y)).isCloseTo(0.8, within(1e-12));
        assertThat(Correlation.pearson(x, y)).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void handComputedWithTies() {
        double[] x = {1, 2, 2, 3};
        double[] y = {1, 2, 3, 3};
        // C=4, D=0, one pair tied in x, one in y: 4 / sqrt(5*5)
        assertThat(Correlation.kendallTau(x, y)).isCloseTo(0.8, within(1e-12));
        // ranks x = 1, 2.5, 2.5, 4; y = 1, 2, 3.5, 3.5 -> 3.75 / 4.5
        assertThat(Correlation.spearman(x, y)).isCloseTo(3.75 / 4.5, within(1e-12));
    }

    @Test
    void matchesScipyOnTiedSample() {
        // scipy.stats 1.x: kendalltau 0.16051447078102563, spearmanr 0.19885368120992467, pearsonr 0.2096553190730121
        double[] x = {3, 1, 4, 1, 5, 9, 2, 6};
        double[] y = {2, 7, 1, 8, 2, 8, 1, 8};
        assertThat(Correlation.kendallTau(x, y)).isCloseTo(0.16051447078102563, within(1e-12));
        assertThat(Correlation.spearman(x, y)).isCloseTo(0.19885368120992467, within(1e-12));
        assertThat(Correlation.pearson(x, y)).isCloseTo(0.2096553190730121, within(1e-12));
    }

    @Test
    void kendallMatchesQuadraticDefinitionOnRandomTiedData() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 50; trial++) {
            int n = 2 + rng.nextInt(60);
            double[] x = new double[n], y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextInt(6);
                y[i] = rng.nextInt(6) + 0.5 * x[i];
            }
            assertThat(Correlation.kendallTau(x, y)).isCloseTo(bruteTauB(x, y), within(1e-12));
        }
    }

    private static double bruteTauB(double[] x, double[] y) {
        long c = 0, d = 0, tx = 0, ty = 0, n0 = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                n0++;
                double s = Math.signum(x[i] - x[j]) * Math.signum(y[i] - y[j]);
                if (x[i] == x[j]) {
                    tx++;
                }
                if (y[i] == y[j]) {
                    ty++;
                }
                if (s > 0) {
                    c++;
                } else if (s < 0) {
                    d++;
                }
            }
        }
        double den = Math.sqrt((double) (n0 - tx) * (n0 - ty));
        return den == 0 ? Double.NaN : (c - d) / den;
    }

    @Test
    void perfectAndReversedAndConstant() {
        double[] x = {1, 2, 3, 4};
        double[] rev = {4, 3, 2, 1};
        assertThat(Correlation.kendallTau(x, x)).isEqualTo(1.0);
        assertThat(Correlation.kendallTau(x, rev)).isEqualTo(-1.0);
        assertThat(Correlation.spearman(x, rev)).isCloseTo(-1.0, within(1e-12));
        assertThat(Correlation.pearson(x, new double[] {5, 5, 5, 5})).isNaN();
        assertThat(Correlation.kendallTau(x, new double[] {5, 5, 5, 5})).isNaN();
    }

    @Test
    void rejectsMismatchedAndNaN() {
        assertThatThrownBy(() -> Correlation.pearson(new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 vs 3");
        assertThatThrownBy(() -> Correlation.kendallTau(new double[] {1, Double.NaN}, new double[] {1, 2}))
                .hasMessageContaining("pair 1");
    }

    @Test
    void bootstrapIntervalBracketsEstimateAndNarrowsWithData() {
        SplittableRandom data = new SplittableRandom(3);
        double[] x = new double[400], y = new double[400];
        for (int i = 0; i < x.length; i++) {
            x[i] = data.nextGaussian();
            y[i] = 0.6 * x[i] + 0.8 * data.nextGaussian(); // population r = 0.6
        }
        Interval ci = Correlation.bootstrap(x, y, Correlation::pearson, 500, 0.95, new SplittableRandom(1));
        assertThat(ci.low()).isLessThan(ci.estimate());
        assertThat(ci.high()).isGreaterThan(ci.estimate());
        assertThat(ci.contains(0.6)).isTrue();
        // standard error of r ≈ (1 − r²)/√n = 0.032, so a 95% interval is about 0.125 wide
        assertThat(ci.width()).isBetween(0.08, 0.18);
        double[] sx = java.util.Arrays.copyOf(x, 40), sy = java.util.Arrays.copyOf(y, 40);
        Interval small = Correlation.bootstrap(sx, sy, Correlation::kendallTau, 500, 0.95, new SplittableRandom(1));
        Interval big = Correlation.bootstrap(x, y, Correlation::kendallTau, 500, 0.95, new SplittableRandom(1));
        assertThat(small.width()).isGreaterThan(big.width());
        // same seed, same interval
        assertThat(Correlation.bootstrap(x, y, Correlation::pearson, 500, 0.95, new SplittableRandom(1))).isEqualTo(ci);
    }

    @Test
    void averageRanksAndArgMax() {
        assertThat(Ranks.average(new double[] {10, 20, 10, 30})).containsExactly(1.5, 3, 1.5, 4);
        assertThat(Ranks.argMax(new double[] {1, Double.NaN, 3, 3})).isEqualTo(2);
        assertThat(Ranks.argMax(new double[0])).isEqualTo(-1);
    }
}
