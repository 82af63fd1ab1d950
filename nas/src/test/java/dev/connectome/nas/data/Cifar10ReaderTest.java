package dev.connectome.nas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class Cifar10ReaderTest {
    @Test
    void readsRecords() {
        Dataset d = Cifar10Reader.read(List.of(Fixtures.path("cifar/good_batch.bin")));
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.sampleShape()).containsExactly(3, 32, 32);
        assertThat(d.labels()).containsExactly(6, 9);
        assertThat(d.classNames().get(6)).isEqualTo("frog");
        // record k's pixel i is (seed + 7 i) % 256 with seeds 1, 2 (make_test_fixtures.py)
        assertThat(d.features()[0]).isEqualTo(1 / 255f);
        assertThat(d.features()[1024]).isEqualTo(((1 + 7 * 1024) % 256) / 255f); // first green value
        assertThat(d.features()[3072 + 5]).isEqualTo(((2 + 35) % 256) / 255f);
    }

    @Test
    void concatenatesBatches() {
        var p = Fixtures.path("cifar/good_batch.bin");
        Dataset d = Cifar10Reader.read(List.of(p, p));
        assertThat(d.size()).isEqualTo(4);
        assertThat(d.labels()).containsExactly(6, 9, 6, 9);
    }

    @Test
    void truncated() {
        assertThatThrownBy(() -> Cifar10Reader.read(List.of(Fixtures.path("cifar/truncated_batch.bin"))))
                .isInstanceOf(DataException.class)
                .hasMessageContainingAll("truncated_batch.bin", "4000 bytes", "3073-byte");
    }

    @Test
    void labelOutOfRange() {
        assertThatThrownBy(() -> Cifar10Reader.read(List.of(Fixtures.path("cifar/bad_label_batch.bin"))))
                .isInstanceOf(DataException.class)
                .hasMessageContainingAll("bad_label_batch.bin", "label 10 of record 1");
    }

    @Test
    void empty() {
        assertThatThrownBy(() -> Cifar10Reader.read(List.of(Fixtures.path("cifar/empty_batch.bin"))))
                .isInstanceOf(DataException.class).hasMessageContainingAll("empty_batch.bin", "empty file");
    }
}
