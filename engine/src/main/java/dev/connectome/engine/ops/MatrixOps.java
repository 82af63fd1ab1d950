package dev.connectome.engine.ops;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.kernel.Sgemm;

/** Matrix products of 2-D tensors. */
public final class MatrixOps {
    private MatrixOps() {
    }

    /** {@code a·b} for a (m×k) and b (k×n). */
    public static Tensor matmul(Tape tape, Tensor a, Tensor b) {
        Checks.rank(a, 2, "matmul");
        Checks.rank(b, 2, "matmul");
        int m = a.dim(0), k = a.dim(1), n = b.dim(1);
        if (b.dim(0) != k) {
            throw new IllegalArgumentException("matmul: inner dimensions differ, " + a + " · " + b);
        }
        Tensor out = tape.output(tape.needsGrad(a, b), m, n);
        Sgemm.gemm(false, false, m, n, k, a.data(), 0, k, b.data(), 0, n, 0f, out.data(), 0, n, tape.parallelism());
        tape.record(out, g -> {
            if (a.requiresGrad()) { // dA = dC·Bᵀ
                Sgemm.gemm(false, true, m, k, n, g, 0, n, b.data(), 0, n, 1f, tape.grad(a), 0, k, tape.parallelism());
            }
            if (b.requiresGrad()) { // dB = Aᵀ·dC
                Sgemm.gemm(true, false, k, n, m, a.data(), 0, k, g, 0, n, 1f, tape.grad(b), 0, n, tape.parallelism());
            }
        });
        return out;
    }
}
