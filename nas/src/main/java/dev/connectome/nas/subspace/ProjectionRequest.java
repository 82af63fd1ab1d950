package dev.connectome.nas.subspace;

import java.util.Arrays;

/**
 * What a {@link ProjectionType} needs to build a projection for one network.
 *
 * @param ambientDimension D, the network's parameter count
 * @param dimension        d, the subspace dimension (1 ≤ d)
 * @param thetaInit        the network's initial parameters (length D); the dense-QR projection puts
 *                         them in its first column, the others ignore them
 * @param segments         sizes of the parameter tensors in θ order (they sum to D); the sparse
 *                         projection picks its density per segment, as Li et al. do per layer
 */
public record ProjectionRequest(int ambientDimension, int dimension, float[] thetaInit, int[] segments) {
    public ProjectionRequest {
        if (ambientDimension < 1) {
            throw new IllegalArgumentException("projection: parameter count D must be at least 1, got " + ambientDimension);
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("projection: subspace dimension d must be at least 1, got " + dimension);
        }
        if (thetaInit != null && thetaInit.length != ambientDimension) {
            throw new IllegalArgumentException("projection: initial θ has " + thetaInit.length + " values, D is "
                    + ambientDimension);
        }
        segments = segments == null ? new int[] {ambientDimension} : segments.clone();
        long sum = 0;
        for (int s : segments) {
            if (s < 1) {
                throw new IllegalArgumentException("projection: segment sizes must be positive, got " + Arrays.toString(segments));
            }
            sum += s;
        }
        if (sum != ambientDimension) {
            throw new IllegalArgumentException("projection: segment sizes sum to " + sum + ", D is " + ambientDimension);
        }
    }

    /** A request with no initial θ and one segment. */
    public static ProjectionRequest of(int ambientDimension, int dimension) {
        return new ProjectionRequest(ambientDimension, dimension, null, null);
    }

    @Override
    public int[] segments() {
        return segments.clone();
    }
}
