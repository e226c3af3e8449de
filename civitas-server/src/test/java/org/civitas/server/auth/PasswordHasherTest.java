package org.civitas.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void aHashChecksItsOwnPasswordOnly() {
        PasswordHasher passwords = new PasswordHasher();
        String hash = passwords.hash("correct horse");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(passwords.matches("correct horse", hash)).isTrue();
        assertThat(passwords.matches("correct horsf", hash)).isFalse();
        assertThat(passwords.matches("correct horse", "not a hash")).isFalse();
    }

    @Test
    void everyHashAndCheckEvenTheDecoyTakesASlotAndIsRefusedWhenNoneIsFree() throws Exception {
        HashingSlots slots = new HashingSlots(1, 0, Duration.ZERO);
        PasswordHasher passwords = new PasswordHasher(slots);
        String hash = passwords.hash("correct horse");
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> slots.run(() -> {
            holding.countDown();
            try {
                return release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }));
        holder.start();
        try {
            assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> passwords.checkNothing("guess")).isInstanceOf(PasswordHashingBusyException.class);
            assertThatThrownBy(() -> passwords.matches("guess", hash)).isInstanceOf(PasswordHashingBusyException.class);
            assertThatThrownBy(() -> passwords.hash("new")).isInstanceOf(PasswordHashingBusyException.class);
        } finally {
            release.countDown();
            holder.join();
        }
        assertThat(passwords.matches("correct horse", hash)).isTrue();
    }
}
