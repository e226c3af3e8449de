package org.civitas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.civitas.CivitasException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code civitas} command: a transparent, support-based social credit system. */
@Command(
        name = "civitas",
        mixinStandardHelpOptions = true,
        version = "civitas 0.1.0",
        description = {
            "Civitas: a transparent, support-based social credit system.",
            "Every point carries its reason, every rule is public, every entry is tamper-evident."
        })
public final class Civitas implements Runnable {

    /** The commands, in the order help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(DemoCommand.class, ServeCommand.class,
            GenerateCommand.class, IngestCommand.class, ScoreCommand.class, SimulateCommand.class, VerifyCommand.class,
            RepairCommand.class, StatsCommand.class, LogCommand.class, KafkaCommand.class, StreamsCommand.class,
            CommandLine.HelpCommand.class);

    /** Exit status when input was refused (in whole or in part) or a ledger is damaged. */
    static final int FAILED = 1;

    /** Exit status when the command line itself is wrong. */
    static final int USAGE = 2;

    /** Exit status of {@code verify} when the chain is intact but some entries cannot be read as events. */
    static final int UNREADABLE = 3;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status. */
    static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Civitas());
        commandsFor(args).forEach(commandLine::addSubcommand);
        commandLine.setExecutionExceptionHandler(Civitas::reportFailure);
        return commandLine.execute(args);
    }

    /**
     * The command {@code args} name, if they name one; every command otherwise, for help or a usage error to list.
     * Picocli reads every command's options when it is added, which takes a tenth of a second for them all: a batch
     * command need not wait for the others.
     */
    private static List<Class<?>> commandsFor(String... args) {
        if (args.length > 0) {
            for (Class<?> command : COMMANDS) {
                Command named = command.getAnnotation(Command.class);
                if (named.name().equals(args[0]) && command != CommandLine.HelpCommand.class) {
                    return List.of(command);
                }
            }
        }
        return COMMANDS;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'civitas score --help'");
    }

    private static int reportFailure(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
        String reason;
        if (failure instanceof CivitasException) {
            reason = failure.getMessage();
        } else if (failure instanceof IOException io) {
            reason = describe(io);
        } else if (failure instanceof UncheckedIOException io) {
            reason = describe(io.getCause());
        } else {
            throw new IllegalStateException(failure);
        }
        PrintWriter err = command.getErr();
        err.println("civitas " + command.getCommandName() + ": " + reason);
        err.flush();
        return FAILED;
    }

    /** A file-system failure in one line: which file and why, without a stack trace. */
    private static String describe(IOException failure) {
        if (failure instanceof NoSuchFileException missing) {
            return "no such file or directory: " + missing.getFile();
        }
        if (failure instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (failure instanceof FileSystemException other && other.getFile() != null) {
            return other.getFile() + ": " + other.getReason();
        }
        return failure.getMessage();
    }
}
