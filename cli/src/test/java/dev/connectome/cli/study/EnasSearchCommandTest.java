package dev.connectome.cli.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.cli.Io;
import dev.connectome.cli.Main;
import dev.connectome.nas.cell.EnasSchedule;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nas search --space enas} in-process on temporary SQLite stores, with tiny budgets. */
class EnasSearchCommandTest {

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

    // 2 epochs x (5 shared + 3 controller steps): 7 trials on 600 images of the embedded sample; 1 retraining epoch.
    private String[] tiny(String strategy, String... more) {
        String[] base = {"nas", "search", "--space", "enas", "--strategy", strategy, "--train-images", "600",
            "--epochs", "2", "--shared-steps", "5",
            "--controller-steps", "3", "--final-samples", "4", "--val-images", "100", "--nodes", "3", "--width", "16",
            "--reward-images", "64", "--storage", db()};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void enasSearchStoresChildrenAndTheRetrainedBestThenContinuesAndReports() {
        Run r = cli(tiny("enas"));
        assertThat(r.code()).as(r.err()).isZero();
        String name = "enas-enas-mnist-sample-t600-N3w16-e2x5+3-r64-f4v100-re1-lr0.003-ent0.001-seed1";
        assertThat(r.out()).contains("space=enas", "strategy=enas", "study=" + name, "trial 7/7", "best: ",
                "retrained best child ", "test ", "4 final policy children", "report: connectome report " + name);

        Run again = cli(tiny("enas"));
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("continuing it (7 trials finished)", "0 evaluated by this run",
                "retrained best child ");

        Path html = tmp.resolve("r.html");
        Run report = cli("report", name, "-o", html.toString(), "--storage", db());
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(html).isRegularFile().content().contains("ENAS: shared-weight scores and the retrained child");

        // the controller analysis replays the search and scores both controllers' children with the shared weights
        Path analysis = tmp.resolve("a.html");
        Run analyse = cli("nas", "analyse", name, "--samples", "30", "--rows", "8", "-o", analysis.toString(),
                "--storage", db());
        assertThat(analyse.code()).as(analyse.err()).isZero();
        assertThat(analyse.out()).contains("untrained: mean", "trained (6 updates): mean", "wrote " + analysis);
        assertThat(analysis).isRegularFile().content().contains("Controller hidden states", "shared activations");

        // its trials need the searching process's shared weights: no remote workers
        Run work = cli("nas", "work", "--study", name, "--storage", db());
        assertThat(work.code()).isEqualTo(2);
        assertThat(work.err().strip()).contains("cannot take workers", "studies resume " + name).doesNotContain("\n");
    }

    @Test
    void randomSamplingOverTheSupernetAndStudiesResume() {
        Run r = cli(tiny("random", "--study", "er"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("strategy=random", "trial 7/7", "4 final random children");
        Run resume = cli("studies", "resume", "er", "--storage", db());
        assertThat(resume.code()).as(resume.err()).isZero();
        assertThat(resume.out()).contains("space=enas", "0 evaluated by this run");
    }

    @Test
    void unsupportedCombinationsAreOneLineErrors() {
        Run onNb201 = cli("nas", "search", "--strategy", "enas", "--storage", db());
        assertThat(onNb201.code()).isEqualTo(2);
        assertThat(onNb201.err().strip()).contains("--strategy enas needs --space enas",
                "random, evolution, reinforce, naswot").doesNotContain("\n");
        Run onChain = cli("nas", "search", "--space", "chain", "--strategy", "enas", "--storage", db());
        assertThat(onChain.code()).isEqualTo(2);
        assertThat(onChain.err()).contains("supports random, evolution, reinforce");
        Run evo = cli("nas", "search", "--space", "enas", "--strategy", "evolution", "--storage", db());
        assertThat(evo.code()).isEqualTo(2);
        assertThat(evo.err().strip()).contains("not available for --space enas (available: enas, random)");
        Run timed = cli("nas", "search", "--space", "enas", "--time", "5", "--storage", db());
        assertThat(timed.code()).isEqualTo(2);
        assertThat(timed.err()).contains("fixed schedule");
        Run badSpace = cli("nas", "search", "--space", "darts", "--storage", db());
        assertThat(badSpace.code()).isEqualTo(2);
        assertThat(badSpace.err()).contains("available: nb201, chain, enas");
        Run noData = cli(tiny("enas", "--dataset", "fashion-mnist", "--data-dir", tmp.resolve("none").toString()));
        assertThat(noData.code()).isEqualTo(2);
        assertThat(noData.err().strip()).doesNotContain("\n");
    }

    @Test
    void settingsRoundTripThroughTheStoredMap() {
        EnasSearchSettings s = new EnasSearchSettings("enas", "sample", "data", 0, 5, 64, EnasSchedule.bench(), 1000, 4,
                EnasSearchSettings.enasController(4, 0.003, 1e-3));
        assertThat(s.data()).isEqualTo("mnist-sample");
        assertThat(SearchPlan.fromMap(s.toMap())).isEqualTo(new EnasPlan(s));
        assertThat(new EnasPlan(s).acceptsRemoteWorkers()).isFalse();
        EnasSearchSettings r = new EnasSearchSettings("random", "fashion-mnist", "d", 600, 3, 8, EnasSchedule.bench(), 10, 2,
                dev.connectome.nas.search.reinforce.ControllerSettings.defaults(2));
        assertThat(SearchPlan.fromMap(r.toMap())).isEqualTo(new EnasPlan(r));
    }
}
