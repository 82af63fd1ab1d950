package dev.connectome.engine.kernel;

/**
 * How a multi-threaded {@link Sgemm} cuts C into one rectangle per thread: along rows (each thread
 * packs all of B) or along columns (each thread packs all of A), in whole register tiles.
 *
 * <p>The choice minimises a rough time estimate: the largest part's padded tile area times k
 * (compute) plus the elements each thread packs (the duplicated operand costs every thread).
 */
record Split(boolean alongRows, int parts, int unitsPerPart, int unit) {

    /** Rough cost of packing one element relative to one multiply-add in a tile (both in time). */
    private static final double PACK_COST = 8.0;

    static Split choose(int m, int n, int k, int threads) {
        Split rows = even(true, m, MicroKernel.MR, threads);
        Split cols = even(false, n, MicroKernel.NR, threads);
        double rowCost = (double) rows.unitsPerPart * MicroKernel.MR * BlockedGemm.roundUp(n, MicroKernel.NR) * k
                + PACK_COST * ((double) k * n + (double) rows.unitsPerPart * MicroKernel.MR * k);
        double colCost = (double) cols.unitsPerPart * MicroKernel.NR * BlockedGemm.roundUp(m, MicroKernel.MR) * k
                + PACK_COST * ((double) k * m + (double) cols.unitsPerPart * MicroKernel.NR * k);
        return rowCost <= colCost ? rows : cols;
    }

    private static Split even(boolean alongRows, int extent, int unit, int threads) {
        int units = (extent + unit - 1) / unit;
        int parts = Math.max(1, Math.min(threads, units));
        int per = (units + parts - 1) / parts;
        parts = (units + per - 1) / per;
        return new Split(alongRows, parts, per, unit);
    }

    /** First row (or column) of part {@code t}; part t covers [start(t), start(t+1)). */
    int start(int t, int extent) {
        return Math.min(extent, t * unitsPerPart * unit);
    }
}
