package org.civitas.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8Test {

    private static byte[] hex(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "41c3a9e4b8adf09f9880, -1",
        "41eda080, 1",
        "edbfbf, 0",
        "ed9fbf, -1",
        "c080, 0",
        "c1bf, 0",
        "e08080, 0",
        "e0a080, -1",
        "f08f8080, 0",
        "f0908080, -1",
        "f4908080, 0",
        "f48fbfbf, -1",
        "f5808080, 0",
        "4180, 1",
        "41414141414141414141414141414141c3a9e4b8ad41414141414141ed, 28",
        "41e4b8, 1",
        "ff, 0"
    })
    void findsTheFirstByteThatIsNotWellFormed(String bytes, int expected) {
        byte[] input = hex(bytes);

        assertThat(Utf8.firstIllFormed(input, 0, input.length)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void agreesWithTheJavaRuntimesStrictDecoder(long seed) {
        Random random = new Random(seed);
        byte[] alphabet = hex("41007f80bfc0c1c2dfe0e1eceded9fa0eef0f1f3f4f5ff8f90");
        for (int i = 0; i < 20_000; i++) {
            // Long runs of ASCII too, which are passed eight bytes at a time, with a stray byte anywhere among them.
            boolean mostlyAscii = random.nextBoolean();
            byte[] input = new byte[1 + random.nextInt(mostlyAscii ? 40 : 6)];
            for (int j = 0; j < input.length; j++) {
                input[j] = mostlyAscii && random.nextInt(12) > 0 ? (byte) 'a'
                        : alphabet[random.nextInt(alphabet.length)];
            }

            assertThat(Utf8.firstIllFormed(input, 0, input.length) < 0).as("%s", ByteBuffer.wrap(input))
                    .isEqualTo(wellFormedByTheRuntime(input));
        }
    }

    private static boolean wellFormedByTheRuntime(byte[] input) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(input));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
