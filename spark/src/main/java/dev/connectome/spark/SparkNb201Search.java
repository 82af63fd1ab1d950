package dev.connectome.spark;

import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.cell.Nb201Dataset;
import dev.connectome.nas.cell.Nb201Search;
import dev.connectome.nas.cell.Nb201SearchSettings;
import dev.connectome.nas.cell.Nb201Space;
import dev.connectome.nas.cell.Nb201TableEvaluator;
import dev.connectome.nas.study.StudyResult;
import dev.connectome.nas.study.TrialStore;
import dev.connectome.nas.study.sql.TrialStores;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code spark-submit} entry point: an NB201 table search whose trials run as Spark tasks, stored by the
 * driver (see spark/README.md). Flags mirror {@code connectome nas search}: {@code --strategy
 * random|evolution --budget N --seed S [--dataset cifar10|cifar100|imagenet16-120] [--storage URL]
 * [--study NAME] [--workers K]}; workers defaults to Spark's default parallelism and sets the batch size.
 * Bad input ends with one line on stderr and exit code 2.
 */
public final class SparkNb201Search {

    private static final List<String> FLAGS = List.of("--strategy", "--budget", "--seed", "--dataset", "--storage",
            "--study", "--workers");

    private SparkNb201Search() {
    }

    public static void main(String[] args) {
        Nb201SearchSettings settings;
        Integer workers;
        Map<String, String> flags;
        try { // everything checkable is checked before Spark starts
            flags = parse(args);
            workers = flags.containsKey("--workers") ? (int) number(flags, "--workers", 0) : null;
            settings = new Nb201SearchSettings(flags.getOrDefault("--strategy", "random"),
                    Nb201Dataset.parse(flags.getOrDefault("--dataset", "cifar10")), 10, 3,
                    (int) number(flags, "--budget", 100), number(flags, "--seed", 0),
                    1, 1, null, null);
            if (workers != null) {
                settings = settings.withWorkers(workers, workers);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("connectome-spark: " + e.getMessage());
            System.exit(2);
            return;
        }
        int exit;
        try (JavaSparkContext spark = new JavaSparkContext(new SparkConf().setAppName("connectome nb201 search"))) {
            if (workers == null) {
                settings = settings.withWorkers(spark.defaultParallelism(), spark.defaultParallelism());
            }
            exit = run(spark, settings, flags);
        }
        if (exit != 0) {
            System.exit(exit);
        }
    }

    private static int run(JavaSparkContext spark, Nb201SearchSettings settings, Map<String, String> flags) {
        String study = flags.getOrDefault("--study", "nb201-" + settings.strategy() + "-" + settings.seed());
        try (TrialStore store = TrialStores.open(flags.getOrDefault("--storage", "connectome.db"));
             SparkExecutor<Nb201Cell, Nb201Dataset> executor = SparkExecutor.<Nb201Cell, Nb201Dataset>builder()
                     .setContext(spark)
                     .setEvaluator(settings.dataset(), Nb201TableEvaluator::new)
                     .setCodec(ArchitectureCodec.of(Nb201Space::new))
                     .optSlots(settings.workers())
                     .build()) {
            StudyResult r = Nb201Search.builder(study, settings, store, executor).build().run();
            System.out.println("study " + r.study() + ": " + r.complete() + " complete, " + r.failed() + " failed, "
                    + r.evaluated() + " evaluated in this run; best " + r.best().map(b -> b.value() + " " + b.architecture())
                    .orElse("none"));
            return 0;
        } catch (RuntimeException e) { // unreachable store, study settings clash, ...
            System.err.println("connectome-spark: " + e.getMessage());
            return 2;
        }
    }

    private static long number(Map<String, String> flags, String flag, long fallback) {
        String v = flags.get(flag);
        if (v == null) {
            return fallback;
        }
        try {
            return flag.equals("--seed") ? Long.parseLong(v) : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be an integer, got '" + v + "'");
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!FLAGS.contains(args[i])) {
                throw new IllegalArgumentException("unknown option '" + args[i] + "' (expected one of " + FLAGS + ")");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            flags.put(args[i], args[i + 1]);
        }
        return flags;
    }
}
