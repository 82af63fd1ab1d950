package dev.connectome.cli.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.cli.Io;
import dev.connectome.cli.Main;
import dev.connectome.cli.UserException;
import dev.connectome.nas.cell.Nb201Dataset;
import dev.connectome.nas.search.reinforce.ControllerSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code nas search --strategy reinforce|naswot} and {@code nas analyse} in-process on temporary SQLite stores. */
class PolicySearchCommandsTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new Io(new PrintWriter(out, true), new PrintWriter(err, true), false));
        return new Run(code, out.toString(), err.toString());
    }

    private String db() {
        return tmp.resolve("studies.db").toString();
    }

    private StringWriter analyse(String... args) throws Exception {
        StringWriter out = new StringWriter();
        NasAnalyseCommand cmd = new NasAnalyseCommand(new Io(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), false));
        new CommandLine(cmd).parseArgs(args);
        assertThat(cmd.call()).isZero();
        return out;
    }

    @Test
    void reinforceSearchContinuesAndIsAnalysed() throws Exception {
        Run search = cli("nas", "search", "--strategy", "reinforce", "--budget", "25", "--seed", "2", "--reward",
                "accuracy3", "--storage", db());
        assertThat(search.code()).as(search.err()).isZero();
        String name = "nb201-reinforce-lr0.01-accuracy3-cifar10-n25-seed2";
        assertThat(search.out()).contains("strategy=reinforce", "reward=accuracy3", "study=" + name, "trial 25/25",
                "best: ", "nas analyse " + name);

        Run again = cli("nas", "search", "--strategy", "reinforce", "--budget", "25", "--seed", "2", "--reward",
                "accuracy3", "--storage", db());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("continuing it (25 trials finished)", "0 evaluated by this run");

        Run clash = cli("nas", "search", "--strategy", "reinforce", "--budget", "25", "--seed", "2", "--study", name,
                "--storage", db());
        assertThat(clash.code()).isEqualTo(2);
        assertThat(clash.err().strip()).contains("already exists").doesNotContain("\n");

        Path html = tmp.resolve("a.html");
        String out = analyse(name, "--samples", "100", "--rows", "12", "-o", html.toString(), "--storage", db()).toString();
        assertThat(out).contains("untrained: mean", "trained (25 children): mean", "wrote " + html);
        assertThat(html).isRegularFile().content().contains("Controller hidden states", "<svg", "shared connections");
    }

    @Test
    void studiesResumeContinuesAReinforceStudy() {
        Run search = cli("nas", "search", "--strategy", "reinforce", "--budget", "6", "--study", "r6", "--storage", db());
        assertThat(search.code()).as(search.err()).isZero();
        Run resume = cli("studies", "resume", "r6", "--storage", db());
        assertThat(resume.code()).as(resume.err()).isZero();
        assertThat(resume.out()).contains("strategy=reinforce", "resuming study 'r6' (6 trials finished)",
                "0 evaluated by this run");
    }

    @Test
    void studiesRerunReproducesAReinforceStudy() {
        Run search = cli("nas", "search", "--strategy", "reinforce", "--budget", "12", "--seed", "3", "--study", "r12",
                "--storage", db());
        assertThat(search.code()).as(search.err()).isZero();
        Run rerun = cli("studies", "rerun", "r12", "--storage", db());
        assertThat(rerun.code()).as(rerun.out() + rerun.err()).isZero();
        assertThat(rerun.out()).contains("strategy=reinforce", "re-running 'r12' as 'r12-rerun'", "best matches the original");
    }

    @Test
    void aWorkerJoinsANaswotStudy() {
        // budget 3 with a finished search: the worker finds the study's settings and nothing left to claim.
        Run search = cli("nas", "search", "--strategy", "naswot", "--budget", "3", "--naswot-n", "2", "--channels", "4",
                "--cells", "1", "--images", "8", "--image-data", "mnist-sample", "--study", "nw", "--storage", db());
        assertThat(search.code()).as(search.err()).isZero();
        Run work = cli("nas", "work", "--study", "nw", "--idle", "0.2", "--storage", db());
        assertThat(work.code()).as(work.err()).isZero();
        assertThat(work.out()).contains("working on study 'nw'", "evaluated 0 trial(s)");
        Run rerun = cli("studies", "rerun", "nw", "--storage", db());
        assertThat(rerun.code()).as(rerun.out() + rerun.err()).isZero();
        assertThat(rerun.out()).contains("strategy=naswot", "best matches the original");
    }

    @Test
    void chainSearchTrainsChildrenAndResumes() {
        Run search = cli("nas", "search", "--space", "chain", "--strategy", "reinforce", "--budget", "2", "--layers", "1",
                "--train-images", "64", "--val-images", "32", "--downsample", "4", "--study", "ch", "--storage", db());
        assertThat(search.code()).as(search.err()).isZero();
        assertThat(search.out()).contains("space=chain", "strategy=reinforce", "trial 2/2", "mnist-sample validation accuracy");
        Run resume = cli("studies", "resume", "ch", "--storage", db());
        assertThat(resume.code()).as(resume.err()).isZero();
        assertThat(resume.out()).contains("resuming study 'ch' (2 trials finished)", "0 evaluated by this run");
        // evolution is the default strategy for the chain space too
        Run evo = cli("nas", "search", "--space", "chain", "--budget", "3", "--population", "2", "--sample", "1",
                "--layers", "1", "--train-images", "64", "--val-images", "32", "--downsample", "4", "--storage", db());
        assertThat(evo.code()).as(evo.err()).isZero();
        assertThat(evo.out()).contains("strategy=evolution", "study=chain-evolution-P2s1-L1-", "trial 3/3");
        Run bad = cli("nas", "search", "--space", "chain", "--population", "2", "--sample", "3", "--storage", db());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).contains("--population >= 2 and 1 <= --sample <= population").doesNotContain("\n");
    }

    @Test
    void chainSettingsRoundTrip() {
        ChainSearchSettings s = new ChainSearchSettings("reinforce", 4, "fashion-mnist", "/d",
                new dev.connectome.nas.chain.ChainTraining(300, 200, 2, 16, 0.01, 1), 30, 7, 1, 1, null, 90.0,
                ControllerSettings.defaults(7).withLearningRate(0.02), ChainSearchSettings.DEFAULT_POPULATION,
                ChainSearchSettings.DEFAULT_SAMPLE);
        assertThat(ChainSearchSettings.fromMap(s.toMap())).isEqualTo(s);
        ChainSearchSettings evo = new ChainSearchSettings("evolution", 2, "mnist-sample", "/d",
                new dev.connectome.nas.chain.ChainTraining(300, 200, 2, 16, 0.01, 1), 30, 7, 1, 1, null, null,
                ControllerSettings.defaults(7), 16, 4);
        assertThat(ChainSearchSettings.fromMap(evo.toMap())).isEqualTo(evo);
        assertThat(ChainPlan.defaultName(evo)).isEqualTo("chain-evolution-P16s4-L2-mnist-sample-t300v200e2d1-n30-seed7");
        assertThat(SearchPlan.fromMap(s.toMap())).isEqualTo(new ChainPlan(s));
        assertThat(ChainPlan.defaultName(s)).isEqualTo("chain-reinforce-lr0.02-L4-fashion-mnist-t300v200e2d1-n30-target90-seed7");
    }

    @Test
    void badReinforceSettingsAreOneLineErrors() {
        Run bad = cli("nas", "search", "--strategy", "reinforce", "--reward", "accuracy9", "--storage", db());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).contains("accuracy9", "accuracy3").doesNotContain("\n");
        Run lr = cli("nas", "search", "--strategy", "reinforce", "--lr", "-1", "--storage", db());
        assertThat(lr.code()).isEqualTo(2);
        assertThat(lr.err()).contains("learning rate");
    }

    @Test
    void analyseRefusesAStudyWithoutAController() {
        Run random = cli("nas", "search", "--strategy", "random", "--budget", "5", "--storage", db());
        assertThat(random.code()).as(random.err()).isZero();
        assertThatThrownBy(() -> analyse("nb201-random-cifar10-n5-seed1", "--storage", db()))
                .isInstanceOf(UserException.class).hasMessageContaining("not made by the reinforce or enas strategy");
    }

    @Test
    void naswotSearchOnTheEmbeddedSample() {
        Run search = cli("nas", "search", "--strategy", "naswot", "--budget", "2", "--naswot-n", "3", "--channels", "4",
                "--cells", "1", "--images", "8", "--image-data", "mnist-sample", "--storage", db());
        assertThat(search.code()).as(search.err()).isZero();
        assertThat(search.out()).contains("strategy=naswot", "naswotN=3", "trial 2/2", "best: ");
    }

    @Test
    void settingsRoundTripThroughTheStoredMap() {
        ControllerSettings cs = ControllerSettings.defaults(5).withLearningRate(0.02).withEntropy(0.001)
                .withReward("accuracy3", 100).withHidden(16).withBatch(4).withBaselineDecay(0.95).withSharedHeads(true);
        PolicySearchSettings s = new PolicySearchSettings("reinforce", Nb201Dataset.CIFAR100, 50, 5, 2, 2, 30.0, null,
                cs, 100, 16, 5, 128, "auto", "data");
        assertThat(PolicySearchSettings.fromMap(s.toMap())).isEqualTo(s);
        assertThat(PolicySearchRunner.defaultName(s))
                .isEqualTo("nb201-reinforce-lr0.02-accuracy3-ent0.001-h16-m4-bl0.95-shared-cifar100-n50-b2-t30-seed5");
        PolicySearchSettings n = new PolicySearchSettings("naswot", Nb201Dataset.CIFAR10, 10, 1, 1, 1, null, null,
                ControllerSettings.defaults(1), 10, 8, 2, 16, "mnist", "/d");
        assertThat(PolicySearchSettings.fromMap(n.toMap())).isEqualTo(n);
    }
}
