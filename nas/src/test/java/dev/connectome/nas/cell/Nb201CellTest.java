package dev.connectome.nas.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.nas.space.UnknownArchitectureException;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class Nb201CellTest {

    static final String BEST = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|";
    private final Nb201Space space = new Nb201Space();

    @Test
    void parsesAndPrintsTheStandardString() {
        Nb201Cell cell = Nb201Cell.parse(BEST);
        assertThat(cell.ops()).containsExactly(Nb201Op.NOR_CONV_3X3, Nb201Op.NOR_CONV_3X3, Nb201Op.NOR_CONV_3X3,
                Nb201Op.SKIP_CONNECT, Nb201Op.NOR_CONV_3X3, Nb201Op.NOR_CONV_1X1);
        assertThat(cell.format()).isEqualTo(BEST);
        assertThat(Nb201Cell.from(4)).isEqualTo(1);
        assertThat(Nb201Cell.to(4)).isEqualTo(3);
    }

    @Test
    void uniqueStringsMatchTableExamples() {
        // Rows 0 and 1 of nb201_test_accuracy_200ep.csv.
        assertThat(Nb201Cell.parse("|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|")
                .uniqueString()).isEqualTo("(0)@avg_pool_3x3+(0)@avg_pool_3x3+(0)@nor_conv_1x1+(0)@nor_conv_1x1");
        assertThat(Nb201Cell.parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|")
                .uniqueString()).isEqualTo("((0)@nor_conv_3x3)@avg_pool_3x3+(0)@nor_conv_3x3+((0)@nor_conv_3x3)@nor_conv_3x3+0");
        assertThat(Nb201Cell.parse("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|").uniqueString()).isEqualTo("#+#+#");
    }

    @Test
    void rejectsMalformedStringsNamingThem() {
        for (String bad : new String[] {"", "resnet", "|conv~0|+|none~0|none~1|+|none~0|none~1|none~2|",
                "|none~0|+|none~0|none~1|", "|none~1|+|none~0|none~1|+|none~0|none~1|none~2|",
                "|none~0|+|none~0|+|none~0|none~1|none~2|", "|none0|+|none~0|none~1|+|none~0|none~1|none~2|"}) {
            assertThatThrownBy(() -> space.parse(bad))
                    .isInstanceOf(UnknownArchitectureException.class)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
        assertThatThrownBy(() -> Nb201Cell.parse(null)).isInstanceOf(UnknownArchitectureException.class);
    }

    @Property
    void formatParseRoundTrip(@ForAll @IntRange(min = 0, max = 15624) int code) {
        Nb201Cell cell = Nb201Cell.ofCode(code);
        assertThat(cell.code()).isEqualTo(code);
        assertThat(space.parse(space.format(cell))).isEqualTo(cell);
    }

    @Property
    void tokenRoundTrip(@ForAll @IntRange(min = 0, max = 15624) int code) {
        Nb201Cell cell = Nb201Cell.ofCode(code);
        int[] tokens = space.tokens().encode(cell);
        assertThat(tokens).hasSize(6);
        assertThat(space.tokens().decode(tokens)).isEqualTo(cell);
        assertThat(space.tokens().choices()).containsExactly(5, 5, 5, 5, 5, 5);
        assertThat(space.tokens().label(0, tokens[0])).isEqualTo(cell.op(0).label());
    }

    @Property
    void mutationChangesExactlyOneEdgeToAnotherOp(@ForAll @IntRange(min = 0, max = 15624) int code, @ForAll long seed) {
        Nb201Cell parent = Nb201Cell.ofCode(code);
        Nb201Cell child = space.mutate(parent, new SplittableRandom(seed));
        int changed = 0;
        for (int e = 0; e < 6; e++) {
            if (parent.op(e) != child.op(e)) {
                changed++;
            }
        }
        assertThat(changed).isEqualTo(1);
    }

    @Test
    void mutationReachesEveryNeighbour() {
        Nb201Cell parent = Nb201Cell.parse(BEST);
        SplittableRandom rng = new SplittableRandom(1);
        java.util.Set<Nb201Cell> seen = new java.util.HashSet<>();
        for (int i = 0; i < 2000; i++) {
            seen.add(space.mutate(parent, rng));
        }
        assertThat(seen).hasSize(24); // 6 edges × 4 other ops
    }

    @Test
    void samplingCoversOpsUniformly() {
        SplittableRandom rng = new SplittableRandom(7);
        int[] counts = new int[5];
        for (int i = 0; i < 10_000; i++) {
            for (Nb201Op op : space.sample(rng).ops()) {
                counts[op.ordinal()]++;
            }
        }
        for (int c : counts) {
            assertThat(c).isBetween(11_400, 12_600); // 12,000 expected, sd ≈ 98
        }
    }

    @Test
    void decodeRejectsBadTokens() {
        assertThatThrownBy(() -> space.tokens().decode(new int[] {0, 0, 0, 0, 0, 5})).hasMessageContaining("5");
        assertThatThrownBy(() -> space.tokens().decode(new int[] {0})).hasMessageContaining("6 tokens");
    }
}
