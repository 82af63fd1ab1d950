package dev.connectome.nas.subspace;

/** How θ is formed from the trainable ω. */
public enum SubspaceMode {
    /** θ = θ₀ + P·ω with θ₀ the network's frozen initial parameters and ω starting at 0 (Li et al. 2018). */
    OFFSET,
    /**
     * θ = P·ω with ω starting at the projection's {@link Projection#initialOmega()} (seed 003; only the
     * dense-QR projection contains θ_init, with the others θ starts at 0).
     */
    ABSOLUTE;

    /** "offset" or "absolute" (case-insensitive). */
    public static SubspaceMode parse(String s) {
        for (SubspaceMode m : values()) {
            if (m.name().equalsIgnoreCase(s)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown subspace mode '" + s + "'; known: offset, absolute");
    }
}
