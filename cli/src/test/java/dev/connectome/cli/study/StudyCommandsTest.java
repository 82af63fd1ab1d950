package dev.connectome.cli.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.cli.Io;
import dev.connectome.cli.Main;
import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.cell.Nb201Search;
import dev.connectome.nas.cell.Nb201SearchSettings;
import dev.connectome.nas.study.StudyListener;
import dev.connectome.nas.study.ThreadExecutor;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialStore;
import dev.connectome.nas.study.sql.TrialStores;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study commands in-process on temporary SQLite stores. */
class StudyCommandsTest {
    private static final Pattern BEST = Pattern.compile("best: (\\S+) +\\S+ test accuracy (\\S+)% \\(trial (\\d+)\\)");
    private static final Pattern EVALUATED = Pattern.compile("(\\d+) evaluated by this run");

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
        String errLine() {
            return err.strip();
        }

        long errLines() {
            return err.strip().lines().count();
        }

        /** "architecture value trial" of the printed best. */
        String best() {
            Matcher m = BEST.matcher(out);
            assertThat(m.find()).as(out).isTrue();
            return m.group(1) + " " + m.group(2) + " " + m.group(3);
        }

        int evaluated() {
            Matcher m = EVALUATED.matcher(out);
            assertThat(m.find()).as(out).isTrue();
            return Integer.parseInt(m.group(1));
        }
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

    @Test
    void searchThenListShowReportAndRunningAgainContinuesTheSameStudy() {
        Run search = cli("nas", "search", "--space", "nb201", "--strategy", "random", "--budget", "30", "--seed", "3",
                "--storage", db());
        assertThat(search.code()).as(search.err()).isZero();
        String name = "nb201-random-cifar10-n30-seed3";
        assertThat(search.out()).startsWith("settings: ").contains("strategy=random", "trials=30", "study=" + name)
                .contains("trial 30/30").contains("connectome report " + name + " --storage " + db());
        assertThat(search.evaluated()).isEqualTo(30);
        String best = search.best();

        Run list = cli("studies", "list", "--storage", db());
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains(name).contains("random/nb201").contains(" 30 ")
                .contains(best.split(" ")[1].substring(0, 4));

        Run show = cli("studies", "show", name, "--storage", db());
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("settings:", "strategy: random", "provenance:", "data sha256:", "jvm:",
                "trials: 30 (30 complete)", "top trials:").contains(best.split(" ")[0]);

        Path html = tmp.resolve("out").resolve("r.html");
        Run report = cli("report", name, "-o", html.toString(), "--storage", db());
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(html).isRegularFile().content().contains(best.split(" ")[0]).contains("<svg");

        Run again = cli("nas", "search", "--strategy", "random", "--budget", "30", "--seed", "3", "--storage", db());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("exists with these settings: continuing it (30 trials finished)");
        assertThat(again.evaluated()).isZero();
        assertThat(again.best()).isEqualTo(best);

        Run other = cli("nas", "search", "--strategy", "random", "--budget", "40", "--seed", "3", "--study", name,
                "--storage", db());
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.errLines()).isEqualTo(1);
        assertThat(other.errLine()).contains("already exists", "studies resume " + name);
    }

    @Test
    void resumeFinishesAnInterruptedStudyLikeAnUninterruptedRun() {
        Nb201SearchSettings s = Nb201SearchSettings.of("evolution", 60, 11);
        // Interrupt the study after 25 trials were told, as a crash would.
        try (TrialStore store = TrialStores.open(db()); ThreadExecutor ex = ThreadExecutor.of(1)) {
            StudyListener crash = (t, b) -> {
                if (t.number() == 24) {
                    throw new IllegalStateException("simulated crash");
                }
            };
            try {
                Nb201Search.builder("cut", s, store, ex).listener(crash).build().run();
            } catch (IllegalStateException expected) {
                assertThat(expected).hasMessage("simulated crash");
            }
            assertThat(store.trials("cut")).hasSize(25).allMatch(TrialRecord::isComplete);
        }
        List<TrialRecord> before = trials("cut");

        Run resume = cli("studies", "resume", "cut", "--storage", db());
        assertThat(resume.code()).as(resume.err()).isZero();
        assertThat(resume.out()).contains("resuming study 'cut' (25 trials finished)");
        assertThat(resume.evaluated()).isEqualTo(35);
        List<TrialRecord> after = trials("cut");
        assertThat(after).hasSize(60).allMatch(TrialRecord::isComplete);
        assertThat(after.subList(0, 25)).isEqualTo(before); // kept as they were, not evaluated again

        Run whole = cli("nas", "search", "--strategy", "evolution", "--budget", "60", "--seed", "11", "--study", "whole",
                "--storage", db());
        assertThat(whole.code()).as(whole.err()).isZero();
        assertThat(resume.best()).isEqualTo(whole.best());
    }

    @Test
    void rerunReproducesTheBestAndDeleteRemovesTheStudy() {
        assertThat(cli("nas", "search", "--budget", "40", "--seed", "5", "--study", "orig", "--storage", db()).code()).isZero();
        Run rerun = cli("studies", "rerun", "orig", "--storage", db());
        assertThat(rerun.code()).as(rerun.out() + rerun.err()).isZero();
        assertThat(rerun.out()).contains("re-running 'orig' as 'orig-rerun'").contains("best matches the original");
        assertThat(cli("studies", "rerun", "orig", "--storage", db()).out()).contains("as 'orig-rerun2'");

        Run delete = cli("studies", "delete", "orig-rerun", "--storage", db());
        assertThat(delete.code()).isZero();
        assertThat(delete.out()).contains("deleted study 'orig-rerun' (40 trials)");
        Run list = cli("studies", "list", "--storage", db());
        assertThat(list.out()).contains("orig").contains("orig-rerun2").doesNotContain("orig-rerun ");
        Run gone = cli("studies", "show", "orig-rerun", "--storage", db());
        assertThat(gone.code()).isEqualTo(2);
        assertThat(gone.errLines()).isEqualTo(1);
        assertThat(gone.errLine()).contains("no study named 'orig-rerun'").contains("orig-rerun2");
    }

    @Test
    void aWorkerAndTheSearchShareTheTrialsWithoutRunningAnyTwice() throws Exception {
        // The search creates the study; the worker joins as soon as it exists.
        CompletableFuture<Run> search = CompletableFuture.supplyAsync(() -> cli("nas", "search", "--budget", "60",
                "--seed", "2", "--study", "shared", "--storage", db()));
        Run work;
        try (TrialStore store = TrialStores.open(db())) {
            while (store.findStudy("shared").isEmpty() && !search.isDone()) {
                Thread.sleep(5);
            }
        }
        work = cli("nas", "work", "--study", "shared", "--idle", "2", "--storage", db());
        Run s = search.get();
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(work.code()).as(work.err()).isZero();
        Matcher m = Pattern.compile("evaluated (\\d+) trial").matcher(work.out());
        assertThat(m.find()).as(work.out()).isTrue();
        assertThat(s.evaluated() + Integer.parseInt(m.group(1))).isEqualTo(60);
        assertThat(trials("shared")).hasSize(60).allMatch(TrialRecord::isComplete);
    }

    @Test
    void lookupPrintsTheTableRow() {
        Run r = cli("nas", "lookup", "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("nb201 index:", "cifar10:", "cifar100:", "imagenet:", "% test accuracy");
    }

    @Test
    void userErrorsAreOneLineWithExitCode2() {
        assertThat(cli("nas", "search", "--budget", "3", "--storage", db()).code()).isZero();
        String[][] cases = {
            {"nas", "lookup", "|conv_7x7~0|+|none~0|none~1|+|none~0|none~1|none~2|"},
            {"nas", "lookup", "resnet"},
            {"nas", "search", "--budget", "5", "--storage", "jdbc:postgresql://127.0.0.1:1/x"},
            {"studies", "list", "--storage", "jdbc:postgresql://127.0.0.1:1/x?user=u&password=secret"},
            {"studies", "show", "nope", "--storage", db()},
            {"studies", "resume", "nope", "--storage", db()},
            {"studies", "rerun", "nope", "--storage", db()},
            {"studies", "delete", "nope", "--storage", db()},
            {"report", "nope", "--storage", db()},
            {"nas", "work", "--study", "nope", "--storage", db()},
            {"studies", "list", "--storage", tmp.resolve("absent.db").toString()},
            {"nas", "search", "--strategy", "annealing"},
            {"nas", "search", "--dataset", "mnist"},
            {"nas", "search", "--space", "darts"},
            {"nas", "search", "--population", "0"},
            {"nas", "search", "--study", "a b"},
            {"nas", "search", "--stale-after", "1", "--heartbeat", "2", "--storage", db()},
            {"studies", "show"},
            {"nas"},
        };
        for (String[] args : cases) {
            Run r = cli(args);
            String what = String.join(" ", args);
            assertThat(r.code()).as(what + "\n" + r.err()).isEqualTo(2);
            assertThat(r.errLines()).as(what + "\n" + r.err()).isEqualTo(1);
            assertThat(r.errLine()).as(what).startsWith("connectome: ").doesNotContain("secret");
        }
        assertThat(cli("nas", "lookup", "resnet").errLine()).contains("unknown NB201 architecture string 'resnet'");
        assertThat(cli("studies", "show", "nope", "--storage", db()).errLine()).contains("no study named 'nope'");
        assertThat(cli("nas", "search", "--storage", "jdbc:postgresql://127.0.0.1:1/x").errLine()).contains("127.0.0.1:1");
        assertThat(tmp.resolve("absent.db")).doesNotExist();
    }

    private List<TrialRecord> trials(String study) {
        try (TrialStore store = TrialStores.open(db())) {
            return store.trials(study);
        }
    }
}
