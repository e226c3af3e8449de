package org.civitas.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code civitas} jar, as a user would, and collects what it printed. */
final class CivitasCommand {

    static final Path JAR = Path.of("target", "civitas.jar").toAbsolutePath();

    record Result(int exit, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }

        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\n"));
        }
    }

    private CivitasCommand() {
    }

    static Result run(String... args) throws IOException, InterruptedException {
        return runWithInput(null, args);
    }

    /** Runs with {@code input} as standard input (or none when null). */
    static Result runWithInput(Path input, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("civitas-out", ".txt");
        Path err = Files.createTempFile("civitas-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command(args))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            if (input != null) {
                builder.redirectInput(input.toFile());
            }
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("civitas " + String.join(" ", args) + " did not finish");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Starts the command without waiting, its output thrown away. */
    static Process start(String... args) throws IOException {
        return new ProcessBuilder(command(args))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Starts the command, its standard output to be read by the caller and its errors thrown away. */
    static Process startWithOutput(String... args) throws IOException {
        return new ProcessBuilder(command(args))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Reads a server command's output up to the address it serves at, which it prints once it is serving. */
    static String addressOf(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("Civitas is running: ")) {
                return line.substring("Civitas is running: ".length()).split(" ")[0];
            }
        }
        throw new AssertionError("the server stopped before it printed its address");
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+UseParallelGC");
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        return command;
    }
}
