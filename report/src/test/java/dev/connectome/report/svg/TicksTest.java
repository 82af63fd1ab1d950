package dev.connectome.report.svg;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicksTest {

    @Test
    void roundsOutwardsToNiceSteps() {
        Ticks t = Ticks.nice(0.03, 0.97, 5);
        assertThat(t.step()).isEqualTo(0.2);
        assertThat(t.values()).containsExactly(0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0);
        assertThat(t.values().stream().map(t::label).toList()).containsExactly("0", "0.2", "0.4", "0.6", "0.8", "1.0");
        Ticks acc = Ticks.nice(88.2, 94.37, 6);
        assertThat(acc.step()).isEqualTo(1.0);
        assertThat(acc.lo()).isEqualTo(88);
        assertThat(acc.hi()).isEqualTo(95);
        assertThat(acc.label(90)).isEqualTo("90");
    }

    @Test
    void widensADegenerateRange() {
        assertThat(Ticks.nice(5, 5, 5).values()).contains(5.0).hasSizeGreaterThan(1);
        assertThat(Ticks.nice(0, 0, 5).values()).contains(0.0, -1.0, 1.0);
    }

    @Test
    void rejectsNonFiniteOrReversedRanges() {
        assertThatThrownBy(() -> Ticks.nice(Double.NaN, 1, 5)).hasMessageContaining("finite");
        assertThatThrownBy(() -> Ticks.nice(0, Double.POSITIVE_INFINITY, 5)).hasMessageContaining("finite");
        assertThatThrownBy(() -> Ticks.nice(2, 1, 5)).hasMessageContaining("reversed");
    }

    @Test
    void labelsDoNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            Ticks t = Ticks.nice(0, 0.5, 5);
            assertThat(t.label(0.3)).isEqualTo("0.3");
            assertThat(Fmt.value(94.3712)).isEqualTo("94.37");
            assertThat(Fmt.coord(1.5)).isEqualTo("1.5");
            assertThat(Fmt.fixed(-0.0001, 2)).isEqualTo("0.00");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void labelsOfExtremeScalesUseScientificNotation() {
        Ticks big = Ticks.nice(0, 3e8, 5);
        assertThat(big.label(1e8)).isEqualTo("1e+08");
        Ticks tiny = Ticks.nice(0, 3e-6, 5);
        assertThat(tiny.label(1e-6)).isEqualTo("1e-06");
        assertThat(Ticks.nice(0, 1e-4, 5).label(2e-5)).isEqualTo("0.00002");
    }

    @Test
    void formatsValuesForPeople() {
        assertThat(Fmt.value(Double.NaN)).isEqualTo("NaN");
        assertThat(Fmt.value(Double.NEGATIVE_INFINITY)).isEqualTo("−∞");
        assertThat(Fmt.value(0)).isEqualTo("0");
        assertThat(Fmt.value(0.123456)).isEqualTo("0.1235");
        assertThat(Fmt.value(12345.6)).isEqualTo("12346");
        assertThat(Fmt.value(-2.5e-7)).isEqualTo("-2.5e-07");
        assertThat(Fmt.value(1.0)).isEqualTo("1");
        assertThat(Fmt.coord(-0.001)).isEqualTo("0");
        assertThatThrownBy(() -> Fmt.coord(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 500)
    void ticksCoverTheRangeWithFewNiceSteps(@ForAll @DoubleRange(min = -1e6, max = 1e6) double a,
                                           @ForAll @DoubleRange(min = 0, max = 1e6) double width,
                                           @ForAll @IntRange(min = 1, max = 12) int target) {
        double b = a + width;
        Ticks t = Ticks.nice(a, b, target);
        assertThat(t.lo()).isLessThanOrEqualTo(a);
        assertThat(t.hi()).isGreaterThanOrEqualTo(b);
        List<Double> v = t.values();
        assertThat(v.get(0)).isEqualTo(t.lo());
        assertThat(v.size()).isBetween(2, 3 * target + 2);
        double mantissa = t.step() / Math.pow(10, Math.floor(Math.log10(t.step())));
        assertThat(mantissa).satisfiesAnyOf(m -> assertThat(m).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9)),
                m -> assertThat(m).isCloseTo(2, org.assertj.core.data.Offset.offset(1e-9)),
                m -> assertThat(m).isCloseTo(5, org.assertj.core.data.Offset.offset(1e-9)));
        // labels tell neighbouring ticks apart
        assertThat(v.stream().map(t::label).distinct().count()).isEqualTo(v.size());
    }
}
