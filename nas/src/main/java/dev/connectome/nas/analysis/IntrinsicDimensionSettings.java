package dev.connectome.nas.analysis;

import dev.connectome.nas.subspace.SubspaceMode;
import dev.connectome.nas.task.TrainSettings;
import java.util.List;

/**
 * What an intrinsic-dimension sweep runs.
 *
 * @param dimensions     subspace dimensions d to train at (ascending, distinct, ≥ 1)
 * @param seeds          one run per (d, seed); the seed sets initialisation, projection and batch order
 * @param projection     projection type name (see {@code Projections})
 * @param mode           θ = θ₀ + Pω (offset, Li et al.) or θ = Pω (absolute, seed 003)
 * @param training       epochs, batch size, optimizer (Adam in the paper) etc.; its seed is replaced per run
 * @param fraction       the d_int threshold as a fraction of the baseline accuracy (0.9 for d_int90)
 * @param trainBaseline  also train the full network (all D parameters) once per seed
 */
public record IntrinsicDimensionSettings(List<Integer> dimensions, List<Long> seeds, String projection,
                                         SubspaceMode mode, TrainSettings training, double fraction,
                                         boolean trainBaseline) {
    public IntrinsicDimensionSettings {
        dimensions = List.copyOf(dimensions);
        seeds = List.copyOf(seeds);
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("intrinsic dimension sweep: no dimensions given");
        }
        for (int i = 0; i < dimensions.size(); i++) {
            if (dimensions.get(i) < 1) {
                throw new IllegalArgumentException("intrinsic dimension sweep: dimensions must be >= 1, got " + dimensions.get(i));
            }
            if (i > 0 && dimensions.get(i) <= dimensions.get(i - 1)) {
                throw new IllegalArgumentException("intrinsic dimension sweep: dimensions must be ascending and distinct, got "
                        + dimensions);
            }
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("intrinsic dimension sweep: no seeds given");
        }
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("intrinsic dimension sweep: threshold fraction must be in (0, 1], got " + fraction);
        }
        if (projection == null || mode == null || training == null) {
            throw new IllegalArgumentException("intrinsic dimension sweep: projection, mode and training are required");
        }
    }
}
