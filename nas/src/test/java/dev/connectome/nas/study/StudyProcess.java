package dev.connectome.nas.study;

import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.cell.Nb201Dataset;
import dev.connectome.nas.cell.Nb201Space;
import dev.connectome.nas.cell.Nb201TableEvaluator;
import dev.connectome.nas.evaluate.Evaluator;
import dev.connectome.nas.search.RegularizedEvolution;
import dev.connectome.nas.study.sql.TrialStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * A study in its own JVM, for the kill -9 and two-process tests:
 * {@code StudyProcess run|work STORE NAME TRIALS BATCH DELAY_MS LOG WORKER}. Each evaluation appends
 * "number worker" to LOG before it returns (so an interrupted evaluation leaves a line too).
 */
public final class StudyProcess {

    static final long SEED = 2024;

    /** The NB201 table behind a delay, with an id of its own so studies cannot mix it up with the plain table. */
    static Evaluator<Nb201Cell> slowTable(long delayMs, Path log, String worker) {
        Nb201TableEvaluator table = new Nb201TableEvaluator(Nb201Dataset.CIFAR10);
        return new Evaluator<>() {
            @Override
            public dev.connectome.nas.evaluate.Evaluation evaluate(Nb201Cell cell, dev.connectome.nas.evaluate.TrialContext ctx)
                    throws Exception {
                if (log != null) {
                    synchronized (StudyProcess.class) {
                        Files.writeString(log, ctx.number() + " " + worker + "\n", StandardCharsets.UTF_8,
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    }
                }
                Thread.sleep(delayMs);
                return table.evaluate(cell, ctx);
            }

            @Override
            public String id() {
                return "slow-nb201-table";
            }
        };
    }

    static Study<Nb201Cell> study(TrialStore store, String name, int trials, int batch, long delayMs, Path log, String worker) {
        Nb201Space space = new Nb201Space();
        return Study.builder(space, new RegularizedEvolution<>(space, 10, 3, Direction.MAXIMIZE), slowTable(delayMs, log, worker), store)
                .name(name).seed(SEED).trials(trials).batchSize(batch).worker(worker)
                .heartbeatInterval(Duration.ofMillis(100)).staleAfter(Duration.ofMillis(1500))
                .idleTimeout(Duration.ofSeconds(20)).build();
    }

    public static void main(String[] args) {
        String mode = args[0];
        try (TrialStore store = TrialStores.open(args[1])) {
            Study<Nb201Cell> study = study(store, args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Long.parseLong(args[5]), Path.of(args[6]), args[7]);
            StudyResult r = mode.equals("run") ? study.run() : study.work();
            System.out.println("done " + r.complete() + " " + r.evaluated() + " " + r.stopReason());
        }
        System.exit(0);
    }
}
