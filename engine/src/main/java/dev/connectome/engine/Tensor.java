package dev.connectome.engine;

import java.util.Arrays;

/**
 * A dense row-major float tensor: a contiguous {@code float[]} plus an immutable shape.
 *
 * <p>Leaf tensors ({@link #of}, {@link #parameter}) own their arrays. Tensors produced by ops on a
 * {@link Tape} borrow their arrays from the tape's arena: they are valid until that tape is
 * {@linkplain Tape#reset() reset}; call {@link #copy()} to keep one.
 *
 * <p>{@code grad} is allocated once for parameters (and accumulates across backward passes until
 * {@link #zeroGrad()}), and lazily from the arena for intermediate tensors.
 */
public final class Tensor {
    private final float[] data;
    private final int[] shape;
    private final int size;
    private final boolean requiresGrad;
    float[] grad;

    Tensor(float[] data, int[] shape, boolean requiresGrad, float[] grad) {
        int n = sizeOf(shape);
        if (data.length != n) {
            throw new IllegalArgumentException(
                    "data has " + data.length + " values but shape " + Arrays.toString(shape) + " needs " + n);
        }
        this.data = data;
        this.shape = shape;
        this.size = n;
        this.requiresGrad = requiresGrad;
        this.grad = grad;
    }

    /** A constant tensor that wraps (does not copy) {@code data}. */
    public static Tensor of(float[] data, int... shape) {
        return new Tensor(data, shape.clone(), false, null);
    }

    /** A constant zero tensor. */
    public static Tensor zeros(int... shape) {
        return new Tensor(new float[sizeOf(shape)], shape.clone(), false, null);
    }

    /** A trainable leaf that wraps {@code data}; its gradient buffer is allocated once, here. */
    public static Tensor parameter(float[] data, int... shape) {
        return new Tensor(data, shape.clone(), true, new float[data.length]);
    }

    /** A 1×1… scalar constant. */
    public static Tensor scalar(float value) {
        return new Tensor(new float[] {value}, new int[0], false, null);
    }

    public static int sizeOf(int... shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is too large");
        }
        return (int) n;
    }

    /** The backing array (row-major). Writing to it changes the tensor. */
    public float[] data() {
        return data;
    }

    /** The gradient buffer, or {@code null} when none has been allocated yet. */
    public float[] grad() {
        return grad;
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis < 0 ? shape.length + axis : axis];
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Internal view of the shape for ops; never modified. */
    int[] shapeRef() {
        return shape;
    }

    public int size() {
        return size;
    }

    public boolean hasShape(int... dims) {
        return Arrays.equals(shape, dims);
    }

    /** The single value of a one-element tensor. */
    public float item() {
        if (size != 1) {
            throw new IllegalStateException("item() needs one element, tensor has shape " + Arrays.toString(shape));
        }
        return data[0];
    }

    /** Value at a 2-D index. */
    public float get(int row, int col) {
        return data[row * shape[1] + col];
    }

    public void zeroGrad() {
        if (grad != null) {
            Arrays.fill(grad, 0f);
        }
    }

    /** A constant deep copy that owns its arrays (and survives a tape reset). */
    public Tensor copy() {
        return new Tensor(data.clone(), shape.clone(), false, null);
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape) + (requiresGrad ? " (grad)" : "");
    }
}
