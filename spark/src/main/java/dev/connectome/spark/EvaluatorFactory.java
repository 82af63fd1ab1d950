package dev.connectome.spark;

import dev.connectome.nas.evaluate.Evaluator;
import java.io.Serializable;

/**
 * Makes the evaluator on a Spark executor from the data broadcast to it. It is serialised into every
 * task, so it should capture nothing big: big inputs belong in the broadcast {@code data}. A lambda or
 * constructor reference works ({@code Nb201TableEvaluator::new}), since this interface is serialisable.
 *
 * @param <A> architecture type
 * @param <D> broadcast data type (a {@link DatasetPayload}, an enum, a settings record...)
 */
@FunctionalInterface
public interface EvaluatorFactory<A, D extends Serializable> extends Serializable {

    /** The evaluator for one task; called once per task, so keep it cheap (derive heavy state in D lazily). */
    Evaluator<A> create(D data);
}
