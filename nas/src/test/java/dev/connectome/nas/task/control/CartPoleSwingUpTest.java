package dev.connectome.nas.task.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CartPoleSwingUpTest {

    @Test
    void oneStepFollowsTheEulerUpdateWithOldVelocities() {
        // θ = π/2 (pole horizontal): s = 1, c = 0, so the accelerations are easy to write down.
        CartPoleSwingUp.State s = new CartPoleSwingUp.State(1000, 0.1, 0.2, Math.PI / 2, 0.5);
        double r = s.step(new float[] {0.5f}, 0);
        double force = 5.0;
        double xAcc = (-2 * 0.3 * 0.25 * 1 + 0 + 4 * force - 4 * 0.1 * 0.2) / (4 * 1.0 - 0);
        double thAcc = (0 + 6 * 1.0 * 9.82 * 1 + 0) / (4 * 0.6 * 1.0 - 0);
        assertThat(s.x()).isCloseTo(0.1 + 0.2 * 0.01, within(1e-12));
        assertThat(s.theta()).isCloseTo(Math.PI / 2 + 0.5 * 0.01, within(1e-12));
        assertThat(s.xDot()).isCloseTo(0.2 + xAcc * 0.01, within(1e-6));
        assertThat(s.thetaDot()).isCloseTo(0.5 + thAcc * 0.01, within(1e-6));
        double expected = (Math.cos(s.theta()) + 1) / 2 * Math.cos(s.x() / 2.4 * Math.PI / 2);
        assertThat(r).isCloseTo(expected, within(1e-12));
        assertThat(s.steps()).isEqualTo(1);
        assertThat(s.done()).isFalse();
    }

    @Test
    void actionIsClippedToPlusMinusOne() {
        CartPoleSwingUp.State a = new CartPoleSwingUp.State(1000, 0, 0, Math.PI, 0);
        CartPoleSwingUp.State b = new CartPoleSwingUp.State(1000, 0, 0, Math.PI, 0);
        a.step(new float[] {7f}, 0);
        b.step(new float[] {1f}, 0);
        assertThat(a.xDot()).isEqualTo(b.xDot());
        assertThat(a.xDot()).isGreaterThan(0);
    }

    @Test
    void uprightCentredPoleEarnsFullReward() {
        CartPoleSwingUp.State s = new CartPoleSwingUp.State(1000, 0, 0, 0, 0);
        assertThat(s.step(new float[] {0f}, 0)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void leavingTheTrackEndsTheEpisode() {
        CartPoleSwingUp.State s = new CartPoleSwingUp.State(1000, 2.399, 1.0, Math.PI, 0);
        s.step(new float[] {1f}, 0);
        assertThat(s.done()).isTrue();
        assertThatThrownBy(() -> s.step(new float[] {0f}, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void episodesEndAtTheStepLimit() {
        ControlTask task = CartPoleSwingUp.hard();
        ControlTask.Environment env = task.reset(new SplittableRandom(3));
        float[] zero = {0f};
        while (!env.done()) {
            env.step(zero, 0);
        }
        assertThat(env.steps()).isEqualTo(200);
    }

    @Test
    void resetHangsThePoleDownWithSpreadPointTwo() {
        ControlTask task = CartPoleSwingUp.standard();
        SplittableRandom rng = new SplittableRandom(11);
        int n = 4000;
        double sumTheta = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            CartPoleSwingUp.State s = (CartPoleSwingUp.State) task.reset(rng);
            sumTheta += s.theta();
            sumSq += s.x() * s.x();
        }
        assertThat(sumTheta / n).isCloseTo(Math.PI, within(0.02));
        assertThat(Math.sqrt(sumSq / n)).isCloseTo(0.2, within(0.01));
    }

    @Test
    void observationIsPositionVelocityCosSinAngularVelocity() {
        CartPoleSwingUp.State s = new CartPoleSwingUp.State(1000, 0.5, -0.25, 1.0, 2.0);
        float[] o = new float[7];
        s.observe(o, 2);
        assertThat(o).containsExactly(0f, 0f, 0.5f, -0.25f, (float) Math.cos(1.0), (float) Math.sin(1.0), 2f);
    }
}
