package dev.connectome.nas.score;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.ops.Reductions;

/**
 * Jacobian covariance (the first NASWOT version, Mellor et al. 2020 arXiv v1): J = ∂(Σ outputs)/∂x
 * per sample, C the correlation matrix of the rows of J, λ its eigenvalues, and
 * score = −Σ (log(λ + k) + 1/(λ + k)) with k = 1e−5.
 */
public final class JacovScore implements ZeroCostScore {
    private static final double K = 1e-5;

    @Override
    public String id() {
        return "jacov";
    }

    @Override
    public String description() {
        return "−Σ(log(λ+k)+1/(λ+k)) over eigenvalues of the correlation of input Jacobians (Mellor et al. 2020)";
    }

    @Override
    public double score(ScoreInput in) {
        Module net = in.build(in.classes(), true);
        Tensor x = Tensor.parameter(in.batch().images().clone(), in.batch().shape());
        Tape tape = in.trainingTape();
        try {
            tape.backward(Reductions.sum(tape, net.forward(tape, x)));
        } finally {
            in.release(tape);
        }
        int n = in.batch().count();
        double[][] corr = correlationOfRows(x.grad(), n, x.size() / n);
        double s = 0;
        for (double v : SymmetricEigen.values(corr)) {
            s += Math.log(v + K) + 1 / (v + K);
        }
        return Double.isFinite(s) ? -s : Double.NaN;
    }

    /** NumPy's corrcoef of the rows of an n×d matrix; a constant row gives NaN entries, as NumPy does. */
    static double[][] correlationOfRows(float[] m, int n, int d) {
        double[][] centred = new double[n][d];
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            double mean = 0;
            for (int j = 0; j < d; j++) {
                mean += m[i * d + j];
            }
            mean /= d;
            double sq = 0;
            for (int j = 0; j < d; j++) {
                double v = m[i * d + j] - mean;
                centred[i][j] = v;
                sq += v * v;
            }
            norm[i] = Math.sqrt(sq);
        }
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double dot = 0;
                double[] a = centred[i], b = centred[j];
                for (int k = 0; k < d; k++) {
                    dot += a[k] * b[k];
                }
                double v = dot / (norm[i] * norm[j]);
                c[i][j] = v;
                c[j][i] = v;
            }
        }
        return c;
    }
}
