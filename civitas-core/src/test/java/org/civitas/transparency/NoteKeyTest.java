package org.civitas.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoteKeyTest {

    @TempDir
    Path data;

    @Test
    void writersThatStartTogetherAllTakeTheOneKeyThatGotThereFirst() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int round = 0; round < 5; round++) {
                Path directory = data.resolve("round-" + round);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> keys = new ArrayList<>();
                for (int i = 0; i < writers; i++) {
                    keys.add(pool.submit(() -> {
                        start.await();
                        return NoteKey.openOrMake(directory).verifierKey();
                    }));
                }
                start.countDown();
                Set<String> distinct = new HashSet<>();
                for (Future<String> key : keys) {
                    distinct.add(key.get());
                }

                assertThat(distinct).hasSize(1).containsExactly(NoteKey.openOrMake(directory).verifierKey());
                try (var left = Files.list(directory.resolve("keys"))) {
                    assertThat(left).as("nothing staged is left behind").hasSize(1);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyIsMadeInAnEmptyDirectoryAndKeptThere() {
        Path directory = data.resolve("keys").resolve("log");
        directory.toFile().mkdirs();

        String made = NoteKey.openOrMake(data).verifierKey();

        assertThat(NoteKey.existingVerifierKey(data)).contains(made);
    }
}
