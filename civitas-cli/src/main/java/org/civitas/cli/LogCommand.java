package org.civitas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.civitas.server.http.Json;
import org.civitas.transparency.Checkpoint;
import org.civitas.transparency.Proofs;
import org.civitas.transparency.SignedNote;
import org.civitas.transparency.Witness;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code civitas log}: checks, offline, what a server's transparency log hands out; hands out those of a Kafka
 * runtime's log.
 */
@Command(
        name = "log",
        mixinStandardHelpOptions = true,
        description = {"Checks proofs of the transparency log offline, trusting nothing but the log's verifier key.",
            "With --config, key, checkpoint, prove and consistency hand out those of a Kafka runtime's log."},
        subcommands = {LogCommand.VerifyInclusion.class, LogCommand.VerifyConsistency.class,
            LogCommand.WitnessCommand.class, PartitionLogCommands.Key.class, PartitionLogCommands.Checkpoint.class,
            PartitionLogCommands.Prove.class, PartitionLogCommands.Consistency.class})
final class LogCommand implements Runnable {

    private static final HexFormat HEX = HexFormat.of();

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** What both checks of a proof are given: the proof, and the key the log signs its checkpoints with. */
    static final class ProofToCheck {

        @Option(names = "--proof", required = true, description = "The proof, as the server gave it.")
        private Path proof;

        @Option(names = "--key", required = true, description = "The log's verifier key (/api/v1/log/key).")
        private String key;

        JsonNode read() throws IOException {
            return Json.mapper().readTree(proof.toFile());
        }
    }

    @Command(
            name = "verify-inclusion",
            mixinStandardHelpOptions = true,
            description = {
                "Checks that the entry in a proof (from /api/v1/me/events/{id}/proof) is in the log that a signed",
                "checkpoint states. Exits 0 if it is; 1 saying why not."
            })
    static final class VerifyInclusion implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private ProofToCheck proof;

        @Option(names = "--checkpoint", description = "A signed checkpoint of the proof's tree size, fetched apart"
                + " (default: the one the proof carries).")
        private Path checkpoint;

        @Override
        public Integer call() throws IOException {
            JsonNode read = proof.read();
            String note = checkpoint == null ? read.path("checkpoint").asText() : Files.readString(checkpoint);
            Optional<String> refusal = check(read, note);
            return report(spec, refusal, "entry " + read.path("index").asLong() + " is in the log of "
                    + read.path("treeSize").asLong() + " entries");
        }

        private Optional<String> check(JsonNode read, String note) {
            Checkpoint signed;
            try {
                signed = signedCheckpoint(note, proof.key);
            } catch (IllegalArgumentException refused) {
                return Optional.of(refused.getMessage());
            }
            long treeSize = read.path("treeSize").asLong(-1);
            if (signed.size() != treeSize) {
                return Optional.of("the checkpoint states " + signed.size() + " entries, the proof " + treeSize
                        + ": fetch a proof for the checkpoint's size");
            }
            byte[] entry = Base64.getDecoder().decode(read.path("entry").asText());
            byte[] leafHash = HEX.parseHex(read.path("leafHash").asText());
            if (!Arrays.equals(Proofs.leafHash(entry), leafHash)) {
                return Optional.of("the leaf hash is not the hash of the entry");
            }
            return Proofs.checkInclusion(read.path("index").asLong(-1), treeSize, leafHash, hashes(read.path("path")),
                    signed.root());
        }
    }

    @Command(
            name = "verify-consistency",
            mixinStandardHelpOptions = true,
            description = {
                "Checks that the log of a newer signed checkpoint holds the log of an older one unchanged, with a",
                "proof from /api/v1/log/consistency. Exits 0 if it does; 1 saying why not."
            })
    static final class VerifyConsistency implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--old", required = true, description = "The older signed checkpoint.")
        private Path older;

        @Option(names = "--new", required = true, description = "The newer signed checkpoint.")
        private Path newer;

        @Mixin
        private ProofToCheck proof;

        @Override
        public Integer call() throws IOException {
            JsonNode read = proof.read();
            Optional<String> refusal;
            Checkpoint from = null;
            Checkpoint to = null;
            try {
                from = signedCheckpoint(Files.readString(older), proof.key);
                to = signedCheckpoint(Files.readString(newer), proof.key);
                refusal = from.size() != read.path("from").asLong() || to.size() != read.path("to").asLong()
                        ? Optional.of("the proof is from " + read.path("from").asLong() + " to "
                                + read.path("to").asLong() + " entries, the checkpoints " + from.size() + " and "
                                + to.size())
                        : Proofs.checkConsistency(from.size(), to.size(), from.root(), to.root(),
                                hashes(read.path("path")));
            } catch (IllegalArgumentException refused) {
                refusal = Optional.of(refused.getMessage());
            }
            return report(spec, refusal, refusal.isPresent() ? "" : "the log of " + to.size()
                    + " entries holds the log of " + from.size() + " unchanged");
        }
    }

    @Command(
            name = "witness",
            mixinStandardHelpOptions = true,
            description = {
                "Witnesses a server's log: fetches its checkpoint, takes it only if the log grew consistently with the",
                "checkpoint taken before (kept in --state), cosigns it and hands the cosignature to the server.",
                "Runs until stopped, or once with --once; exits 1 naming a log that shrank, forked or was rewritten."
            })
    static final class WitnessCommand implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--url", required = true, description = "The server, e.g. http://127.0.0.1:8080.")
        private String url;

        @Option(names = "--state", required = true, description = "Where the witness keeps its key and the last"
                + " checkpoint it took.")
        private Path state;

        @Option(names = "--key", required = true, description = "The log's verifier key (/api/v1/log/key).")
        private String key;

        @Option(names = "--name", defaultValue = "civitas-witness", description = "The witness's name, on its first"
                + " run (default: ${DEFAULT-VALUE}).")
        private String name;

        @Option(names = "--every", defaultValue = "60", description = "Seconds between looks (default:"
                + " ${DEFAULT-VALUE}).")
        private int every;

        @Option(names = "--once", description = "Look once and stop.")
        private boolean once;

        @Option(names = "--partition", paramLabel = "N", description = "On the Kafka runtime, the partition of the"
                + " ledger topic whose log to witness (each is a log of its own).")
        private Integer partition;

        @Override
        public Integer call() throws Exception {
            Witness witness = partition == null ? Witness.open(state, name, key)
                    : Witness.ofPartition(state, name, key, partition);
            HttpClient http = HttpClient.newHttpClient();
            PrintWriter out = spec.commandLine().getOut();
            out.println("witness key: " + witness.verifierKey());
            out.flush();
            while (true) {
                Witness.Taken taken;
                try {
                    taken = witness.observe(get(http, "/api/v1/log/checkpoint" + partitionQuery("?")),
                            (from, to) -> consistency(http, from, to), Instant.now());
                } catch (IllegalArgumentException refused) {
                    return report(spec, Optional.of(refused.getMessage()), "");
                } catch (IOException | UncheckedIOException unreachable) {
                    if (once) {
                        throw unreachable;
                    }
                    out.println("the server did not answer (" + unreachable.getMessage() + "); trying again");
                    out.flush();
                    Thread.sleep(every * 1_000L);
                    continue;
                }
                String handedIn = Json.mapper().writeValueAsString(Map.of("key", witness.verifierKey(), "note",
                        taken.body() + "\n" + taken.cosignature()));
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url
                        + "/api/v1/log/cosignatures")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(handedIn)).build(),
                        HttpResponse.BodyHandlers.ofString());
                out.println("cosigned " + taken.checkpoint().size() + " entries" + (answer.statusCode() == 201 ? ""
                        : "; the server refused the cosignature: " + answer.body()));
                out.flush();
                if (once) {
                    return answer.statusCode() == 201 ? 0 : Civitas.FAILED;
                }
                Thread.sleep(every * 1_000L);
            }
        }

        private String partitionQuery(String joiner) {
            return partition == null ? "" : joiner + "partition=" + partition;
        }

        private String get(HttpClient http, String path) throws IOException, InterruptedException {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IOException(path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        }

        private List<byte[]> consistency(HttpClient http, long from, long to) {
            try {
                return hashes(Json.mapper().readTree(get(http, "/api/v1/log/consistency?from=" + from + "&to=" + to
                        + partitionQuery("&"))).path("path"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stopped while asking for a consistency proof", e);
            }
        }
    }

    /** The checkpoint {@code note} states, once the key's signature on it holds. */
    private static Checkpoint signedCheckpoint(String note, String key) {
        return Checkpoint.parse(SignedNote.verify(note, key).body())
                .orElseThrow(() -> new IllegalArgumentException("the note is signed but is not a checkpoint"));
    }

    private static List<byte[]> hashes(JsonNode list) {
        List<byte[]> hashes = new ArrayList<>();
        list.forEach(hash -> hashes.add(HEX.parseHex(hash.asText())));
        return hashes;
    }

    private static int report(CommandSpec spec, Optional<String> refusal, String success) {
        if (refusal.isPresent()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("civitas log " + spec.name() + ": " + refusal.get());
            err.flush();
            return Civitas.FAILED;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("ok: " + success);
        out.flush();
        return 0;
    }
}
