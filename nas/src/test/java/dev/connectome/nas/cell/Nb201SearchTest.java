package dev.connectome.nas.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.nas.study.InMemoryTrialStore;
import dev.connectome.nas.study.StudyResult;
import dev.connectome.nas.study.ThreadExecutor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Nb201SearchTest {

    @Test
    void storedSettingsRebuildTheSameStudy() {
        Nb201SearchSettings settings = Nb201SearchSettings.of("evolution", 60, 5);
        try (InMemoryTrialStore store = new InMemoryTrialStore(); ThreadExecutor one = ThreadExecutor.of(1)) {
            StudyResult first = Nb201Search.builder("first", settings, store, one).build().run();
            Nb201SearchSettings stored = Nb201Search.settingsOf(store.findStudy("first").orElseThrow());
            assertThat(stored).isEqualTo(settings);
            StudyResult rerun = Nb201Search.builder("rerun", stored, store, one).build().run();
            assertThat(rerun.best().orElseThrow().architecture()).isEqualTo(first.best().orElseThrow().architecture());
            assertThat(store.trials("rerun")).extracting(r -> r.architecture())
                    .isEqualTo(store.trials("first").stream().map(r -> r.architecture()).toList());
        }
    }

    @Test
    void settingsRejectBadValuesByName() {
        assertThatThrownBy(() -> Nb201SearchSettings.of("bayes", 10, 1)).hasMessageContaining("'bayes'");
        assertThatThrownBy(() -> Nb201SearchSettings.of("random", 0, 1)).hasMessageContaining("budget");
        assertThatThrownBy(() -> Nb201SearchSettings.fromMap(Map.of("space", "darts"))).hasMessageContaining("darts");
        assertThatThrownBy(() -> Nb201Dataset.parse("mnist")).hasMessageContaining("'mnist'");
        Nb201SearchSettings timed = new Nb201SearchSettings("random", Nb201Dataset.IMAGENET16, 10, 3, 0, 1, 2, 2, 1.5, 40.0);
        assertThat(Nb201SearchSettings.fromMap(timed.toMap())).isEqualTo(timed);
    }
}
