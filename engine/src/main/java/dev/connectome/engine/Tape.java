package dev.connectome.engine;

import java.util.Arrays;

/**
 * A define-by-run autograd tape. Ops run forward immediately and, when an input needs a gradient,
 * record how to push the output's gradient back to their inputs. Recording order is a topological
 * order, so {@link #backward} just replays the records in reverse.
 *
 * <p>Outputs and intermediate gradients live in the tape's {@link Arena}: {@link #reset()} hands
 * them all back, so a loop of {@code forward; backward; step; reset} reuses the same buffers.
 * A tape belongs to one thread; its {@link Parallelism} says how many threads its kernels may use.
 */
public final class Tape {
    /** Pushes the gradient of one recorded output into its inputs' gradients (accumulating). */
    @FunctionalInterface
    public interface Backward {
        void run(float[] outGrad);
    }

    private final Parallelism parallelism;
    private final boolean recording;
    private final Arena arena = new Arena();
    private Tensor[] outputs = new Tensor[64];
    private Backward[] backwards = new Backward[64];
    private int count;
    private TapeObserver observer;

    private Tape(Parallelism parallelism, boolean recording) {
        this.parallelism = parallelism;
        this.recording = recording;
    }

    /** A tape that records for backward. */
    public static Tape training(Parallelism parallelism) {
        return new Tape(parallelism, true);
    }

    /** A tape that never records: forward only, no gradients (evaluation). */
    public static Tape inference(Parallelism parallelism) {
        return new Tape(parallelism, false);
    }

    public Parallelism parallelism() {
        return parallelism;
    }

    public boolean recording() {
        return recording;
    }

    public Arena arena() {
        return arena;
    }

    /**
     * Sets the observer that ops report selected inputs to (e.g. every ReLU input, for NASWOT);
     * {@code null} removes it. The observer stays set across {@link #reset()}.
     */
    public void observe(TapeObserver o) {
        this.observer = o;
    }

    /** The current observer, or {@code null}. */
    public TapeObserver observer() {
        return observer;
    }

    /**
     * Called by an op before it computes, to show its input to the observer (if any); cheap when
     * none is set. See {@link TapeObserver} for which ops report.
     */
    public void reportInput(String op, Tensor input) {
        TapeObserver o = observer;
        if (o != null) {
            o.observe(op, input);
        }
    }

    /** Whether an op on these inputs must record a backward step. */
    public boolean needsGrad(Tensor a) {
        return recording && a.requiresGrad();
    }

    public boolean needsGrad(Tensor a, Tensor b) {
        return recording && (a.requiresGrad() || b.requiresGrad());
    }

    public boolean needsGrad(Tensor... inputs) {
        if (!recording) {
            return false;
        }
        for (Tensor t : inputs) {
            if (t.requiresGrad()) {
                return true;
            }
        }
        return false;
    }

    /** A new op output from the arena; its contents are unspecified, the op must write every value. */
    public Tensor output(boolean requiresGrad, int... shape) {
        return new Tensor(arena.take(Tensor.sizeOf(shape)), shape, requiresGrad, null);
    }

    /** A new zero-filled op output from the arena. */
    public Tensor zeros(boolean requiresGrad, int... shape) {
        Tensor t = output(requiresGrad, shape);
        Arrays.fill(t.data(), 0f);
        return t;
    }

    /** A constant tensor holding a copy of {@code src[offset .. offset+size)}, e.g. a minibatch. */
    public Tensor input(float[] src, int offset, int... shape) {
        Tensor t = output(false, shape);
        System.arraycopy(src, offset, t.data(), 0, t.size());
        return t;
    }

    /**
     * A tensor that shares {@code t}'s data under another shape of the same size (for reshape).
     * It gets a gradient of its own; the op that makes it must record how to pass that back.
     */
    public Tensor view(Tensor t, boolean requiresGrad, int... shape) {
        return new Tensor(t.data(), shape, requiresGrad, null);
    }

    /** Scratch space valid until {@link #reset()}; contents unspecified. */
    public float[] scratch(int n) {
        return arena.take(n);
    }

    /**
     * The gradient buffer of {@code t}, created zero-filled from the arena on first use. Only call
     * for tensors that {@link Tensor#requiresGrad()}.
     */
    public float[] grad(Tensor t) {
        if (t.grad == null) {
            float[] g = arena.take(t.size());
            Arrays.fill(g, 0f);
            t.grad = g;
        }
        return t.grad;
    }

    /** Records the backward step of an op whose result is {@code out}. No-op when not recording. */
    public void record(Tensor out, Backward backward) {
        if (!recording || !out.requiresGrad()) {
            return;
        }
        if (count == outputs.length) {
            outputs = Arrays.copyOf(outputs, count * 2);
            backwards = Arrays.copyOf(backwards, count * 2);
        }
        outputs[count] = out;
        backwards[count] = backward;
        count++;
    }

    /**
     * Back-propagates from a one-element {@code loss}: seeds d loss/d loss = 1 and replays every
     * record in reverse. Parameter gradients accumulate; zero them (or let the optimizer) between steps.
     */
    public void backward(Tensor loss) {
        if (!recording) {
            throw new IllegalStateException("backward() on an inference tape");
        }
        if (loss.size() != 1) {
            throw new IllegalArgumentException("backward() needs a one-element loss, got " + loss);
        }
        if (!loss.requiresGrad()) {
            throw new IllegalArgumentException("loss does not depend on any parameter");
        }
        grad(loss)[0] += 1f;
        for (int i = count - 1; i >= 0; i--) {
            float[] g = outputs[i].grad;
            if (g != null) {
                backwards[i].run(g);
            }
        }
    }

    /** Forgets all records and returns every arena buffer; tensors made by this tape become invalid. */
    public void reset() {
        Arrays.fill(outputs, 0, count, null);
        Arrays.fill(backwards, 0, count, null);
        count = 0;
        arena.releaseAll();
    }

    /** Number of recorded backward steps (for tests). */
    public int recordCount() {
        return count;
    }
}
