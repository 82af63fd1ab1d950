package dev.connectome.nas.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.cell.Nb201Dataset;
import dev.connectome.nas.cell.Nb201Space;
import dev.connectome.nas.cell.Nb201Table;
import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.study.Direction;
import dev.connectome.nas.study.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Contract every {@link Strategy} must keep; add new strategies to {@link #strategies()}. */
class StrategyContractTest {

    private static final Nb201Space SPACE = new Nb201Space();
    private static final Nb201Table TABLE = Nb201Table.get();

    static Stream<Arguments> strategies() {
        return Stream.of(
                Arguments.of("random", (Supplier<Strategy<Nb201Cell>>) () -> new RandomSearch<>(SPACE)),
                Arguments.of("evolution", (Supplier<Strategy<Nb201Cell>>) () -> new RegularizedEvolution<>(SPACE, 10, 3, Direction.MAXIMIZE)),
                Arguments.of("evolution-min", (Supplier<Strategy<Nb201Cell>>) () -> new RegularizedEvolution<>(SPACE, 5, 5, Direction.MINIMIZE)));
    }

    /** Asks trials from..to-1 (in batches of {@code batch}, told after each batch); every 7th trial fails. */
    private static List<Nb201Cell> drive(Strategy<Nb201Cell> s, long seed, int from, int to, int batch) {
        List<Nb201Cell> asked = new ArrayList<>();
        for (int start = from; start < to; start += batch) {
            List<Nb201Cell> cells = new ArrayList<>();
            for (int n = start; n < Math.min(start + batch, to); n++) {
                cells.add(s.ask(Seeds.trial(seed, n)));
            }
            for (int i = 0; i < cells.size(); i++) {
                int n = start + i;
                s.tell(cells.get(i), n % 7 == 6 ? Evaluation.failed("boom")
                        : Evaluation.complete(TABLE.accuracy(cells.get(i), Nb201Dataset.CIFAR10)));
            }
            asked.addAll(cells);
        }
        return asked;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void sameSeedGivesTheSameSequence(String name, Supplier<Strategy<Nb201Cell>> factory) {
        assertThat(drive(factory.get(), 42, 0, 120, 1)).isEqualTo(drive(factory.get(), 42, 0, 120, 1));
        assertThat(drive(factory.get(), 42, 0, 120, 1)).isNotEqualTo(drive(factory.get(), 43, 0, 120, 1));
        assertThat(drive(factory.get(), 42, 0, 120, 4)).isEqualTo(drive(factory.get(), 42, 0, 120, 4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void snapshotRestoreContinuesIdentically(String name, Supplier<Strategy<Nb201Cell>> factory) {
        for (int cut : new int[] {0, 3, 10, 37, 80}) {
            Strategy<Nb201Cell> whole = factory.get();
            List<Nb201Cell> expected = drive(whole, 9, 0, 120, 1);

            Strategy<Nb201Cell> first = factory.get();
            List<Nb201Cell> got = new ArrayList<>(drive(first, 9, 0, cut, 1));
            String json = first.snapshot();
            Strategy<Nb201Cell> resumed = factory.get();
            resumed.restore(json);
            assertThat(resumed.snapshot()).isEqualTo(json);
            got.addAll(drive(resumed, 9, cut, 120, 1));
            assertThat(got).as("cut at %d", cut).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void askDoesNotChangeState(String name, Supplier<Strategy<Nb201Cell>> factory) {
        Strategy<Nb201Cell> s = factory.get();
        drive(s, 5, 0, 30, 1);
        String before = s.snapshot();
        Nb201Cell a = s.ask(Seeds.trial(5, 30));
        assertThat(s.snapshot()).isEqualTo(before);
        assertThat(s.ask(Seeds.trial(5, 30))).isEqualTo(a);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void restoreRejectsForeignSnapshots(String name, Supplier<Strategy<Nb201Cell>> factory) {
        Strategy<Nb201Cell> s = factory.get();
        assertThatThrownBy(() -> s.restore("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.restore("{\"strategy\":\"something-else\"}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(s.id());
    }
}
