package dev.connectome.nas.es;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * CMA-ES (Hansen &amp; Ostermeier 2001) in the (μ/μ_w, λ) form of Hansen's tutorial (2016): weighted
 * recombination, cumulative step-size adaptation, rank-one and rank-μ covariance updates. For large
 * problems the covariance is diagonal (sep-CMA-ES, Ros &amp; Hansen 2008, with its learning rates
 * scaled by (n+2)/3), which costs O(n) per sample instead of O(n²).
 *
 * <p>Maximises fitness (internally minimises its negation). Not thread-safe.
 */
public final class CmaEs extends BaseStrategy {
    private final CmaEsSettings s;
    private final RandomGenerator rng;
    private final int lambda;
    private final int mu;
    private final double[] weights;
    private final double muEff;
    private final double cSigma;
    private final double dSigma;
    private final double cc;
    private final double c1;
    private final double cMu;
    private final double chiN;
    private final boolean full;

    private final double[] mean;
    private double sigma;
    private final double[] pSigma;
    private final double[] pc;
    /** Full model: C, its eigenvectors B (columns) and the square roots D of its eigenvalues. */
    private final double[][] c;
    private final double[][] b;
    /** Square roots of C's eigenvalues (full) or of its diagonal (separable). */
    private final double[] d;
    /** Separable model: the diagonal of C. */
    private final double[] diagC;
    private int eigenGeneration;

    private double[][] z;
    private double[][] y;

    /** Starts at the origin. */
    public CmaEs(int dimension, CmaEsSettings settings, RandomGenerator rng) {
        this(new float[dimension], settings, rng);
    }

    public CmaEs(float[] initialMean, CmaEsSettings settings, RandomGenerator rng) {
        super(initialMean.length);
        this.s = settings;
        this.rng = rng;
        this.lambda = settings.lambda(n);
        this.mu = lambda / 2;
        this.full = settings.full(n);

        weights = new double[mu];
        double sum = 0;
        for (int i = 0; i < mu; i++) {
            weights[i] = Math.log(mu + 0.5) - Math.log(i + 1);
            sum += weights[i];
        }
        double sq = 0;
        for (int i = 0; i < mu; i++) {
            weights[i] /= sum;
            sq += weights[i] * weights[i];
        }
        muEff = 1 / sq;

        cSigma = (muEff + 2) / (n + muEff + 5);
        dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cSigma;
        cc = (4 + muEff / n) / (n + 4 + 2 * muEff / n);
        double c1Full = 2 / ((n + 1.3) * (n + 1.3) + muEff);
        double cMuFull = Math.min(1 - c1Full, 2 * (muEff - 2 + 1 / muEff) / ((n + 2) * (n + 2) + muEff));
        if (full) {
            c1 = c1Full;
            cMu = cMuFull;
        } else {
            double scale = (n + 2) / 3.0;
            c1 = Math.min(1, c1Full * scale);
            cMu = Math.min(1 - c1, cMuFull * scale);
        }
        chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));

        mean = new double[n];
        for (int j = 0; j < n; j++) {
            mean[j] = initialMean[j];
        }
        sigma = settings.sigmaInit();
        pSigma = new double[n];
        pc = new double[n];
        d = new double[n];
        Arrays.fill(d, 1);
        if (full) {
            c = new double[n][n];
            b = new double[n][n];
            for (int i = 0; i < n; i++) {
                c[i][i] = 1;
                b[i][i] = 1;
            }
            diagC = null;
        } else {
            c = null;
            b = null;
            diagC = new double[n];
            Arrays.fill(diagC, 1);
        }
    }

    /** Whether this instance learns a full covariance matrix. */
    public boolean fullCovariance() {
        return full;
    }

    public double sigma() {
        return sigma;
    }

    @Override
    public float[][] ask() {
        z = new double[lambda][n];
        y = new double[lambda][n];
        solutions = new float[lambda][n];
        for (int k = 0; k < lambda; k++) {
            double[] zk = z[k];
            for (int j = 0; j < n; j++) {
                zk[j] = rng.nextGaussian();
            }
            double[] yk = y[k];
            if (full) {
                // y = B·D·z
                double[] dz = new double[n];
                for (int j = 0; j < n; j++) {
                    dz[j] = d[j] * zk[j];
                }
                for (int i = 0; i < n; i++) {
                    double acc = 0;
                    double[] bi = b[i];
                    for (int j = 0; j < n; j++) {
                        acc += bi[j] * dz[j];
                    }
                    yk[i] = acc;
                }
            } else {
                for (int j = 0; j < n; j++) {
                    yk[j] = d[j] * zk[j];
                }
            }
            for (int j = 0; j < n; j++) {
                solutions[k][j] = (float) (mean[j] + sigma * yk[j]);
            }
        }
        return asked(solutions);
    }

    @Override
    public void tell(double[] fitness) {
        requireAsked("CMA-ES");
        Shaping.checkFitness(fitness, lambda, "CMA-ES");
        Integer[] order = new Integer[lambda];
        for (int k = 0; k < lambda; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, c2) -> Double.compare(fitness[c2], fitness[a])); // best first
        if (fitness[order[0]] > bestFitness) {
            setBest(order[0], fitness[order[0]]);
        }

        // y_w and z_w: weighted means of the selected steps (m' = m + σ·y_w).
        double[] yw = new double[n];
        double[] zw = new double[n];
        for (int i = 0; i < mu; i++) {
            double w = weights[i];
            double[] yi = y[order[i]];
            double[] zi = z[order[i]];
            for (int j = 0; j < n; j++) {
                yw[j] += w * yi[j];
                zw[j] += w * zi[j];
            }
        }
        for (int j = 0; j < n; j++) {
            mean[j] += sigma * yw[j];
        }

        // p_σ ← (1−c_σ)p_σ + √(c_σ(2−c_σ)μ_eff)·C^{-1/2}·y_w, with C^{-1/2}·y_w = B·z_w.
        double ps = Math.sqrt(cSigma * (2 - cSigma) * muEff);
        double[] invSqrtY = full ? multiply(b, zw) : zw;
        double norm2 = 0;
        for (int j = 0; j < n; j++) {
            pSigma[j] = (1 - cSigma) * pSigma[j] + ps * invSqrtY[j];
            norm2 += pSigma[j] * pSigma[j];
        }
        double psNorm = Math.sqrt(norm2);
        double hs = psNorm / Math.sqrt(1 - Math.pow(1 - cSigma, 2.0 * (generation + 1))) < (1.4 + 2.0 / (n + 1)) * chiN
                ? 1 : 0;
        double pcs = hs * Math.sqrt(cc * (2 - cc) * muEff);
        for (int j = 0; j < n; j++) {
            pc[j] = (1 - cc) * pc[j] + pcs * yw[j];
        }

        double keep = 1 - c1 - cMu + (1 - hs) * c1 * cc * (2 - cc);
        if (full) {
            for (int i = 0; i < n; i++) {
                double[] ci = c[i];
                for (int j = 0; j <= i; j++) {
                    double rankMu = 0;
                    for (int k = 0; k < mu; k++) {
                        double[] yk = y[order[k]];
                        rankMu += weights[k] * yk[i] * yk[j];
                    }
                    ci[j] = keep * ci[j] + c1 * pc[i] * pc[j] + cMu * rankMu;
                    c[j][i] = ci[j];
                }
            }
        } else {
            for (int j = 0; j < n; j++) {
                double rankMu = 0;
                for (int k = 0; k < mu; k++) {
                    double v = y[order[k]][j];
                    rankMu += weights[k] * v * v;
                }
                diagC[j] = keep * diagC[j] + c1 * pc[j] * pc[j] + cMu * rankMu;
                d[j] = Math.sqrt(diagC[j]);
            }
        }

        sigma *= Math.exp(Math.min(1, (cSigma / dSigma) * (psNorm / chiN - 1)));
        generation++;
        // The O(n³) decomposition is refreshed lazily, every 1/(10·n·(c1+cμ)) generations (tutorial, appendix C).
        if (full && generation - eigenGeneration > 1.0 / ((c1 + cMu) * n * 10)) {
            eigenGeneration = generation;
            double[] values = new double[n];
            SymmetricEigen.decompose(c, b, values);
            for (int j = 0; j < n; j++) {
                d[j] = Math.sqrt(Math.max(values[j], 1e-300));
            }
        }
        solutions = null;
        z = null;
        y = null;
    }

    private static double[] multiply(double[][] m, double[] v) {
        int n = v.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double acc = 0;
            double[] mi = m[i];
            for (int j = 0; j < n; j++) {
                acc += mi[j] * v[j];
            }
            out[i] = acc;
        }
        return out;
    }

    @Override
    public float[] mean() {
        return toFloat(mean);
    }

    @Override
    public int populationSize() {
        return lambda;
    }

}
