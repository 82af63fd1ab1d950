package dev.connectome.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir
    Path tmp;

    @Test
    void findsTheConfigFileInEverySpelling() {
        assertThat(ConfigFile.findIn(new String[] {"train", "-c", "a.yaml"})).isEqualTo(Path.of("a.yaml"));
        assertThat(ConfigFile.findIn(new String[] {"-cb.yaml", "train"})).isEqualTo(Path.of("b.yaml"));
        assertThat(ConfigFile.findIn(new String[] {"train", "--config", "c.yaml"})).isEqualTo(Path.of("c.yaml"));
        assertThat(ConfigFile.findIn(new String[] {"train", "--config=d.yaml"})).isEqualTo(Path.of("d.yaml"));
        assertThat(ConfigFile.findIn(new String[] {"train", "--epochs", "3"})).isNull();
        assertThat(ConfigFile.findIn(new String[] {"train", "--", "-c", "x"})).isNull();
        assertThat(ConfigFile.findIn(new String[] {"train", "-c"})).isNull();
    }

    @Test
    void valuesAndListsBecomeOptionText() throws IOException {
        Path f = Files.writeString(tmp.resolve("s.yaml"), "hidden: [64, 32]\nlr: 1e-3\nnesterov: true\nepochs: 4\n");
        ConfigFile c = ConfigFile.load(f);
        assertThat(c.values()).containsEntry("hidden", "64,32").containsEntry("nesterov", "true").containsEntry("epochs", "4");
        assertThat(Double.parseDouble(c.values().get("lr"))).isEqualTo(1e-3); // YAML may read it as text or number
        assertThat(ConfigFile.load(Files.writeString(tmp.resolve("empty.yaml"), "")).values()).isEmpty();
    }

    @Test
    void nestedMappingsAreRejectedNamingTheKey() throws IOException {
        Path f = Files.writeString(tmp.resolve("n.yaml"), "optimizer:\n  name: adam\n");
        assertThatThrownBy(() -> ConfigFile.load(f)).isInstanceOf(UserException.class)
                .hasMessageContaining("'optimizer'").hasMessageContaining("n.yaml");
    }
}
