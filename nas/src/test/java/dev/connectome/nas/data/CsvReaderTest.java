package dev.connectome.nas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
    @Test
    void quotedFieldsAndStringLabelsSortedByName() {
        Dataset d = CsvReader.read(Fixtures.path("csv/iris-like.csv"), "species, name");
        assertThat(d.size()).isEqualTo(4);
        assertThat(d.sampleShape()).containsExactly(2);
        assertThat(d.classNames()).containsExactly("setosa", "versicolor", "vir\"ginica");
        assertThat(d.labels()).containsExactly(0, 1, 2, 0);
        assertThat(d.features()).containsExactly(5.1f, 0.2f, 7.0f, 1.4f, 6.3f, 2.5f, 4.9f, 0.1f);
    }

    @Test
    void literalQuoteInUnquotedHeader() {
        Dataset d = CsvReader.read(Fixtures.path("csv/iris-like.csv"), "species, name");
        assertThat(d).isNotNull(); // header 'petal "width"' parsed leniently
    }

    @Test
    void integerLabelsAreClassIndices() {
        Dataset d = CsvReader.read(Fixtures.path("csv/numeric-labels.csv"), "label");
        assertThat(d.labels()).containsExactly(0, 2, 7);
        assertThat(d.numClasses()).isEqualTo(8);
    }

    @Test
    void explicitClassNames() {
        Dataset d = CsvReader.read(Fixtures.path("csv/iris-like.csv"), "species, name",
                List.of("vir\"ginica", "versicolor", "setosa"));
        assertThat(d.labels()).containsExactly(2, 1, 0, 2);
        assertThatThrownBy(() -> CsvReader.read(Fixtures.path("csv/iris-like.csv"), "species, name", List.of("setosa")))
                .isInstanceOf(DataException.class).hasMessageContainingAll("iris-like.csv", "line 3", "versicolor");
    }

    @Test
    void unknownLabelColumn() {
        assertThatThrownBy(() -> CsvReader.read(Fixtures.path("csv/iris-like.csv"), "class"))
                .isInstanceOf(DataException.class)
                .hasMessageContainingAll("iris-like.csv", "no column named 'class'", "sepal length");
    }

    @Test
    void missingValue() {
        assertThatThrownBy(() -> CsvReader.read(Fixtures.path("csv/missing-value.csv"), "label"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("missing-value.csv: line 3: missing value in column 'y'");
    }

    @Test
    void notANumber() {
        assertThatThrownBy(() -> CsvReader.read(Fixtures.path("csv/not-a-number.csv"), "label"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("not-a-number.csv: line 3: column 'y': 'four' is not a number");
    }

    @Test
    void unclosedQuote() {
        assertThatThrownBy(() -> CsvReader.read(Fixtures.path("csv/unclosed-quote.csv"), "label"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("unclosed-quote.csv: line 2: quoted field is never closed");
    }

    @Test
    void raggedRow() {
        assertThatThrownBy(() -> CsvReader.read(Fixtures.path("csv/ragged.csv"), "label"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("ragged.csv: line 3: 2 fields, header has 3");
    }

    @Test
    void emptyFile() {
        assertThatThrownBy(() -> CsvReader.read(Fixtures.path("csv/empty.csv"), "label"))
                .isInstanceOf(DataException.class).hasMessageContaining("empty.csv: empty file");
    }
}
