package dev.connectome.nas.analysis;

/**
 * One landscape: loss and accuracy at each (α1, α2) for one solution and one σ.
 * {@code loss[i][j]} is at α1 = {@code alphas[i]}, α2 = {@code alphas[j]}.
 *
 * @param label the solution's name (e.g. "adam")
 * @param seconds wall time it took
 */
public record LandscapeGrid(String label, double sigma, double[] alphas, double[][] loss, double[][] accuracy,
                            double seconds) {

    public LandscapeGrid {
        if (label == null || label.isBlank() || label.contains(",") || label.contains("\n")) {
            throw new IllegalArgumentException("landscape label must be non-blank without commas or newlines, got '"
                    + label + "'");
        }
        int n = alphas.length;
        if (loss.length != n || accuracy.length != n) {
            throw new IllegalArgumentException("landscape grid must be " + n + "×" + n);
        }
        for (int i = 0; i < n; i++) {
            if (loss[i].length != n || accuracy[i].length != n) {
                throw new IllegalArgumentException("landscape grid row " + i + " must have " + n + " values");
            }
        }
    }

    /** Loss at the centre (α1 = α2 = 0 if on the grid, else the grid point nearest to it). */
    public double centreLoss() {
        int k = 0;
        for (int i = 1; i < alphas.length; i++) {
            if (Math.abs(alphas[i]) < Math.abs(alphas[k])) {
                k = i;
            }
        }
        return loss[k][k];
    }

    public double minLoss() {
        double m = Double.POSITIVE_INFINITY;
        for (double[] row : loss) {
            for (double v : row) {
                m = Math.min(m, v);
            }
        }
        return m;
    }

    /** Largest finite loss. */
    public double maxLoss() {
        double m = Double.NEGATIVE_INFINITY;
        for (double[] row : loss) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    m = Math.max(m, v);
                }
            }
        }
        return m;
    }
}
