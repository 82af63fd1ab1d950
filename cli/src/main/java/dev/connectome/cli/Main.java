package dev.connectome.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.connectome.cli.export.ExportCommand;
import dev.connectome.cli.score.ScoreCommand;
import dev.connectome.cli.study.NasAnalyseCommand;
import dev.connectome.cli.study.NasCommand;
import dev.connectome.cli.study.NasLookupCommand;
import dev.connectome.cli.study.NasSearchCommand;
import dev.connectome.cli.study.NasWorkCommand;
import dev.connectome.cli.study.ReportCommand;
import dev.connectome.cli.study.StudiesCommand;
import dev.connectome.cli.study.StudiesDeleteCommand;
import dev.connectome.cli.study.StudiesListCommand;
import dev.connectome.cli.study.StudiesRerunCommand;
import dev.connectome.cli.study.StudiesResumeCommand;
import dev.connectome.cli.study.StudiesShowCommand;
import dev.connectome.cli.subspace.SubspaceCommand;
import dev.connectome.cli.wann.WannCommand;
import dev.connectome.cli.weights.LandscapeCommand;
import dev.connectome.cli.weights.WeightsCommand;
import dev.connectome.cli.weights.WeightsTrainCommand;
import dev.connectome.cli.wire.WireCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Entry point of the {@code connectome} command. {@link #run} is the whole program with its
 * streams passed in, so tests run it in-process; {@link #main} adds the real streams and exit.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, new Io(out, err, System.console() != null));
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line {@code args} and returns the exit code; never throws. */
    public static int run(String[] args, Io io) {
        boolean verbose = List.of(args).contains("-v") || List.of(args).contains("--verbose");
        configureLogging(verbose);
        ErrorReporter reporter = new ErrorReporter(io.err(), verbose);
        try {
            Path configPath = ConfigFile.findIn(args);
            ConfigFile config = configPath == null ? ConfigFile.none() : ConfigFile.load(configPath);
            CommandLine cli = commandLine(io);
            cli.setDefaultValueProvider(config);
            cli.setParameterExceptionHandler(reporter);
            cli.setExecutionExceptionHandler(reporter);
            cli.setExecutionStrategy(parsed -> {
                List<CommandLine> chain = parsed.asCommandLineList();
                CommandSpec leaf = chain.get(chain.size() - 1).getCommandSpec();
                try {
                    config.checkKeys(leaf);
                } catch (UserException e) { // picocli would print a stack trace for it
                    return reporter.report(e, null);
                }
                return new CommandLine.RunLast().execute(parsed);
            });
            int code = cli.execute(args);
            io.out().flush();
            return code;
        } catch (RuntimeException | Error e) {
            io.out().flush();
            return reporter.report(e, null);
        }
    }

    /** The command tree, writing to {@code io}. */
    static CommandLine commandLine(Io io) {
        CommandLine cli = new CommandLine(new ConnectomeCommand());
        cli.addSubcommand(new CommandLine(new DemoCommand(io)));
        cli.addSubcommand(new CommandLine(new TrainCommand(io)));
        cli.addSubcommand(new CommandLine(new EvalCommand(io)));
        CommandLine data = new CommandLine(new DataCommand());
        data.addSubcommand(new CommandLine(new DataCommand.Get(io)));
        data.addSubcommand(new CommandLine(new DataCommand.Ls(io)));
        cli.addSubcommand(data);
        CommandLine nas = new CommandLine(new NasCommand());
        nas.addSubcommand(new CommandLine(new NasSearchCommand(io)));
        nas.addSubcommand(new CommandLine(new NasWorkCommand(io)));
        nas.addSubcommand(new CommandLine(new NasLookupCommand(io)));
        nas.addSubcommand(new CommandLine(new NasAnalyseCommand(io)));
        cli.addSubcommand(nas);
        cli.addSubcommand(WannCommand.commandLine(io));
        CommandLine weights = new CommandLine(new WeightsCommand());
        weights.addSubcommand(new CommandLine(new WeightsTrainCommand(io)));
        cli.addSubcommand(weights);
        cli.addSubcommand(new CommandLine(new LandscapeCommand(io)));
        cli.addSubcommand(WireCommand.commandLine(io));
        cli.addSubcommand(new CommandLine(new ScoreCommand(io)));
        cli.addSubcommand(SubspaceCommand.commandLine(io));
        CommandLine studies = new CommandLine(new StudiesCommand());
        studies.addSubcommand(new CommandLine(new StudiesListCommand(io)));
        studies.addSubcommand(new CommandLine(new StudiesShowCommand(io)));
        studies.addSubcommand(new CommandLine(new StudiesResumeCommand(io)));
        studies.addSubcommand(new CommandLine(new StudiesRerunCommand(io)));
        studies.addSubcommand(new CommandLine(new StudiesDeleteCommand(io)));
        cli.addSubcommand(studies);
        cli.addSubcommand(new CommandLine(new ReportCommand(io)));
        cli.addSubcommand(new CommandLine(new ExportCommand(io)));
        cli.addSubcommand(new CommandLine(new CompletionCommand(io)));
        cli.addSubcommand("help", new CommandLine.HelpCommand());
        cli.setOut(io.out());
        cli.setErr(io.err());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    /** Library logging is quiet (warnings only, on stderr) unless --verbose asks for debug output. */
    private static void configureLogging(boolean verbose) {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(verbose ? Level.DEBUG : Level.WARN);
        }
    }
}
