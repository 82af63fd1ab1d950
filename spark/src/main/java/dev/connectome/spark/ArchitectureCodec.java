package dev.connectome.spark;

import dev.connectome.nas.space.SearchSpace;
import java.io.Serializable;
import java.util.Objects;

/**
 * How a candidate travels to a Spark executor: as the text its search space formats, parsed back there.
 * Architectures need not be {@link Serializable}; the stored text form is the one wire format.
 *
 * @param <A> architecture type
 */
public interface ArchitectureCodec<A> extends Serializable {

    /** The candidate as text (driver side). */
    String format(A architecture);

    /** The candidate from its text (executor side). */
    A parse(String text);

    /** A serialisable supplier of a search space, made on each JVM that needs one. */
    @FunctionalInterface
    interface SpaceSupplier<A> extends Serializable {
        SearchSpace<A> get();
    }

    /**
     * A codec that uses a search space's {@code format} and {@code parse}; the space is made once per
     * deserialised codec, e.g. {@code ArchitectureCodec.of(Nb201Space::new)}.
     */
    static <A> ArchitectureCodec<A> of(SpaceSupplier<A> space) {
        return new SpaceCodec<>(space);
    }

    /** The space-backed codec; the space itself is transient and rebuilt after deserialisation. */
    final class SpaceCodec<A> implements ArchitectureCodec<A> {
        private static final long serialVersionUID = 1L;
        private final SpaceSupplier<A> supplier;
        private transient volatile SearchSpace<A> space;

        SpaceCodec(SpaceSupplier<A> supplier) {
            this.supplier = Objects.requireNonNull(supplier, "space supplier");
        }

        private SearchSpace<A> space() {
            SearchSpace<A> s = space;
            if (s == null) {
                s = Objects.requireNonNull(supplier.get(), "space supplier returned null");
                space = s;
            }
            return s;
        }

        @Override
        public String format(A architecture) {
            return space().format(architecture);
        }

        @Override
        public A parse(String text) {
            return space().parse(text);
        }
    }
}
