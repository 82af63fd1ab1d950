package dev.connectome.nas.analysis;

import java.util.List;

/**
 * Where to look: α on a square grid from {@code alphaMin} to {@code alphaMax} in steps of
 * {@code alphaStep} (both axes), at each σ, along two directions drawn once from {@code seed}.
 */
public record LandscapeSettings(double alphaMin, double alphaMax, double alphaStep, List<Double> sigmas, long seed) {

    public LandscapeSettings {
        if (!(alphaMax > alphaMin) || !(alphaStep > 0) || Double.isInfinite(alphaMax - alphaMin)) {
            throw new IllegalArgumentException("landscape alpha range must satisfy min < max and step > 0, got "
                    + alphaMin + ".." + alphaMax + " step " + alphaStep);
        }
        if ((alphaMax - alphaMin) / alphaStep > 10_000) {
            throw new IllegalArgumentException("landscape grid of " + ((alphaMax - alphaMin) / alphaStep)
                    + " points per axis is too large");
        }
        if (sigmas == null || sigmas.isEmpty()) {
            throw new IllegalArgumentException("landscape needs at least one sigma");
        }
        for (Double s : sigmas) {
            if (s == null || !(s > 0) || s.isInfinite()) {
                throw new IllegalArgumentException("landscape sigma must be finite and > 0, got " + s);
            }
        }
        sigmas = List.copyOf(sigmas);
    }

    /** The seed's view: α ∈ {−1, −0.975, …, 1} (81 points), σ ∈ {0.1, 0.2, 0.3, 0.4}, direction seed 0. */
    public static LandscapeSettings defaults() {
        return new LandscapeSettings(-1, 1, 0.025, List.of(0.1, 0.2, 0.3, 0.4), 0);
    }

    public LandscapeSettings withSigmas(List<Double> s) {
        return new LandscapeSettings(alphaMin, alphaMax, alphaStep, s, seed);
    }

    public LandscapeSettings withAlphas(double min, double max, double step) {
        return new LandscapeSettings(min, max, step, sigmas, seed);
    }

    public LandscapeSettings withSeed(long s) {
        return new LandscapeSettings(alphaMin, alphaMax, alphaStep, sigmas, s);
    }

    /** The grid values min + k·step, k = 0 … round((max − min)/step). */
    public double[] alphas() {
        int n = (int) Math.round((alphaMax - alphaMin) / alphaStep) + 1;
        double[] a = new double[n];
        for (int k = 0; k < n; k++) {
            a[k] = alphaMin + k * alphaStep;
        }
        a[n - 1] = Math.min(a[n - 1], alphaMax);
        return a;
    }
}
