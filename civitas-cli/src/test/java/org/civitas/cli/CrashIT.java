package org.civitas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cli.CivitasCommand.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.civitas.demo.DemoCity;
import org.civitas.rules.RuleBookLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 at any moment, run the same ingest again: no acknowledged event is lost, nothing is counted twice, nothing
 * is half-written.
 */
class CrashIT {

    @TempDir
    Path work;

    @Test
    void anIngestKilledAtAnyMomentLosesAndDuplicatesNothing() throws Exception {
        Path events = work.resolve("city.ndjson");
        assertThat(run("generate", "--people", "3000", "--days", "24", "--seed", "3", "--output", events.toString())
                .exit()).isZero();
        long total = Files.lines(events).count();
        Path data = work.resolve("data");
        DemoCity.install(data);
        Random random = new Random(42);

        for (int crash = 0; crash < 6; crash++) {
            Process ingest = CivitasCommand.start("ingest", "--data", data.toString(), events.toString());
            awaitLedger(data, ingest);
            Thread.sleep(random.nextInt(1500));
            ingest.destroyForcibly();
            assertThat(ingest.waitFor(30, TimeUnit.SECONDS)).isTrue();

            CivitasCommand.Result verify = run("verify", "--data", data.toString());
            assertThat(verify.exit()).as("after crash %d: %s", crash, verify.err()).isZero();
        }
        CivitasCommand.Result finish = run("ingest", "--data", data.toString(), events.toString());

        assertThat(finish.exit()).as(finish.err()).isZero();
        assertThat(finish.out()).contains("\"ledgerEvents\":" + total + "}");
        assertThat(run("verify", "--data", data.toString()).out()).startsWith("intact: " + total + " entries");
        assertThat(run("stats", "--data", data.toString()).out()).contains("\"events\" : " + total + ",");
        assertThat(run("score", "--data", data.toString(), "--at", "2026-11-01T00:00:00Z").out())
                .isEqualTo(run("score", "--rules", RuleBookLoader.folderIn(data).toString(), "--events",
                        events.toString(), "--at", "2026-11-01T00:00:00Z").out());
    }

    /** Waits until the ingest has opened its ledger: a slow start must not make a kill land before it begins. */
    private static void awaitLedger(Path data, Process ingest) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.isDirectory(data.resolve("ledger")) && ingest.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
