package dev.connectome.nas.score;

/**
 * A training-free estimate of how well an architecture will train: larger is better. Each
 * implementation is one small class registered in {@link ZeroCostScores}.
 */
public interface ZeroCostScore {
    /** Registry id as used on the command line, e.g. "naswot", "synflow". */
    String id();

    /** One line: what is computed and where it comes from. */
    String description();

    /**
     * Scores one untrained network. May return −∞ (e.g. a singular NASWOT kernel); NaN means the
     * score could not be computed.
     */
    double score(ScoreInput input);
}
