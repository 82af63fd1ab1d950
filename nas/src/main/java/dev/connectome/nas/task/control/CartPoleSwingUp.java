package dev.connectome.nas.task.control;

import java.util.random.RandomGenerator;

/**
 * Cart-pole swing-up as used by the WANN paper (WANNRelease {@code WANN/domain/cartpole_swingup.py},
 * after DeepPILCO's swing-up): the pole starts hanging down and must be swung up and balanced while
 * the cart stays on a 4.8-wide track.
 *
 * <p>Everything here follows that file: θ = 0 is upright; reset draws (x, ẋ, θ, θ̇) from normal
 * distributions with means (0, 0, π, 0) and standard deviation 0.2; the action is clipped to [−1, 1]
 * and scaled by a force of 10; explicit Euler with dt 0.01 updates positions with the old velocities;
 * the reward after a step is ((cos θ + 1)/2)·cos((x/2.4)·(π/2)); the episode ends when |x| > 2.4 (no
 * penalty) or after {@code maxSteps} steps (1000, or 200 in the "hard" variant). Arithmetic is in
 * double, like numpy.
 */
public final class CartPoleSwingUp implements ControlTask {

    static final double GRAVITY = 9.82;
    static final double CART_MASS = 0.5;
    static final double POLE_MASS = 0.5;
    static final double TOTAL_MASS = CART_MASS + POLE_MASS;
    static final double POLE_LENGTH = 0.6;
    static final double POLE_MASS_LENGTH = POLE_MASS * POLE_LENGTH;
    static final double FRICTION = 0.1;
    static final double DT = 0.01;
    static final double FORCE = 10.0;
    static final double X_LIMIT = 2.4;
    static final double RESET_STD = 0.2;

    private final int maxSteps;

    private CartPoleSwingUp(int maxSteps) {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be >= 1, got " + maxSteps);
        }
        this.maxSteps = maxSteps;
    }

    /** The standard task: 1000 steps. */
    public static CartPoleSwingUp standard() {
        return new CartPoleSwingUp(1000);
    }

    /** The WANN config's "hard" variant: 200 steps, same physics. */
    public static CartPoleSwingUp hard() {
        return new CartPoleSwingUp(200);
    }

    @Override
    public String id() {
        return maxSteps == 1000 ? "swingup" : "swingup-" + maxSteps;
    }

    @Override
    public int observationSize() {
        return 5;
    }

    @Override
    public int actionSize() {
        return 1;
    }

    @Override
    public int maxSteps() {
        return maxSteps;
    }

    @Override
    public State reset(RandomGenerator rng) {
        return new State(maxSteps, rng.nextGaussian(0.0, RESET_STD), rng.nextGaussian(0.0, RESET_STD),
                rng.nextGaussian(Math.PI, RESET_STD), rng.nextGaussian(0.0, RESET_STD));
    }

    /** A running swing-up episode; exposes its state for tests and drawings. */
    public static final class State implements Environment {
        private final int maxSteps;
        private double x;
        private double xDot;
        private double theta;
        private double thetaDot;
        private int t;
        private boolean done;

        /** An episode starting at the given state (θ = 0 upright). */
        public State(int maxSteps, double x, double xDot, double theta, double thetaDot) {
            this.maxSteps = maxSteps;
            this.x = x;
            this.xDot = xDot;
            this.theta = theta;
            this.thetaDot = thetaDot;
        }

        public double x() {
            return x;
        }

        public double xDot() {
            return xDot;
        }

        public double theta() {
            return theta;
        }

        public double thetaDot() {
            return thetaDot;
        }

        @Override
        public int steps() {
            return t;
        }

        @Override
        public boolean done() {
            return done;
        }

        @Override
        public void observe(float[] out, int off) {
            out[off] = (float) x;
            out[off + 1] = (float) xDot;
            out[off + 2] = (float) Math.cos(theta);
            out[off + 3] = (float) Math.sin(theta);
            out[off + 4] = (float) thetaDot;
        }

        @Override
        public double step(float[] action, int off) {
            if (done) {
                throw new IllegalStateException("swing-up episode already ended after " + t + " steps");
            }
            double a = action[off];
            // NaN actions (a diverged network) push nothing rather than poisoning the state.
            double force = FORCE * (Double.isNaN(a) ? 0.0 : Math.max(-1.0, Math.min(1.0, a)));
            double s = Math.sin(theta);
            double c = Math.cos(theta);
            double xAcc = (-2 * POLE_MASS_LENGTH * thetaDot * thetaDot * s + 3 * POLE_MASS * GRAVITY * s * c
                    + 4 * force - 4 * FRICTION * xDot) / (4 * TOTAL_MASS - 3 * POLE_MASS * c * c);
            double thetaAcc = (-3 * POLE_MASS_LENGTH * thetaDot * thetaDot * s * c + 6 * TOTAL_MASS * GRAVITY * s
                    + 6 * (force - FRICTION * xDot) * c) / (4 * POLE_LENGTH * TOTAL_MASS - 3 * POLE_MASS_LENGTH * c * c);
            x += xDot * DT;
            theta += thetaDot * DT;
            xDot += xAcc * DT;
            thetaDot += thetaAcc * DT;
            t++;
            done = x < -X_LIMIT || x > X_LIMIT || t >= maxSteps;
            double rewardTheta = (Math.cos(theta) + 1.0) / 2.0;
            double rewardX = Math.cos((x / X_LIMIT) * (Math.PI / 2.0));
            return rewardTheta * rewardX;
        }
    }
}
