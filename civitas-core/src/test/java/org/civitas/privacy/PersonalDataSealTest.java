package org.civitas.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataSealTest {

    private static final Map<String, String> CATEGORIES = Map.of("web-visit", "browsing", "speeding", "traffic");

    @TempDir
    Path data;

    private PersonalDataSeal seal() {
        return new PersonalDataSeal(PersonalKeys.open(data), (source, type) -> CATEGORIES.getOrDefault(type, "x"),
                Set.of("browsing"));
    }

    private static Event event(String id, String person, String type, String attributes) {
        return new Event(id, "src", person, type, Instant.parse("2026-10-01T10:00:00Z"), "lakeside",
                Attributes.ofValidatedJson(attributes.getBytes()));
    }

    private static String json(Event event) {
        return event.attributes().toJson();
    }

    @Test
    void sealsPersonalOnlyAttributesAndOpensThemAgain() {
        PersonalDataSeal seal = seal();
        Event visit = event("e-1", "p-1", "web-visit", "{\"site\":\"clinic.example\",\"seconds\":60}");

        Event sealed = seal.seal(visit);

        assertThat(json(sealed)).startsWith("{\"$sealed\":\"browsing\",\"data\":\"").doesNotContain("clinic");
        assertThat(sealed.id()).isEqualTo("e-1");
        assertThat(seal.open("src", "e-1", "p-1", json(sealed))).contains(json(visit));
        assertThat(json(seal.seal(visit))).as("a fresh nonce every time").isNotEqualTo(json(sealed));
    }

    @Test
    void bindsTheEventsIdentityAsDocumentedSoAnyAesGcmCanOpenIt() throws Exception {
        String id = "ereignis-\u00e9\u4e8b\u4ef6-" + "x".repeat(300);
        String person = "p-\u00df\ud83d\ude00";
        Event visit = new Event(id, "quelle-\u00fc", person, "web-visit", Instant.parse("2026-10-01T10:00:00Z"),
                "lakeside", Attributes.ofValidatedJson("{\"site\":\"a\"}".getBytes(StandardCharsets.UTF_8)));
        PersonalDataSeal seal = seal();
        byte[] sealed = seal.seal(visit).attributes().sealedBytes();

        Cipher runtimeCipher = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        runtimeCipher.init(Cipher.DECRYPT_MODE, seal.keys().keyFor(person, "browsing"),
                new GCMParameterSpec(128, sealed, 0, 12));
        runtimeCipher.updateAAD(String.join("\n", "quelle-\u00fc", id, person, "browsing")
                .getBytes(StandardCharsets.UTF_8));
        byte[] plain = runtimeCipher.doFinal(sealed, 12, sealed.length - 12);

        assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo("{\"site\":\"a\"}");
        assertThat(seal.open("quelle-\u00fc", id, person, json(seal.seal(visit)))).contains("{\"site\":\"a\"}");
    }

    @Test
    void eachSealIsUnderItsOwnPersonsKeyWhenKeysAndLengthsChangeFromEventToEvent() throws Exception {
        PersonalDataSeal seal = seal();
        Cipher runtimeCipher = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        for (int i = 0; i < 60; i++) {
            String person = "p-" + (i % 3 == 0 ? 1 : i % 7);
            String attributes = "{\"site\":\"" + "s".repeat(i * 17) + "\"}";
            byte[] sealed = seal.seal(event("e-" + i, person, "web-visit", attributes)).attributes().sealedBytes();

            runtimeCipher.init(Cipher.DECRYPT_MODE, seal.keys().keyFor(person, "browsing"),
                    new GCMParameterSpec(128, sealed, 0, 12));
            runtimeCipher.updateAAD(String.join("\n", "src", "e-" + i, person, "browsing")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] plain = runtimeCipher.doFinal(sealed, 12, sealed.length - 12);

            assertThat(new String(plain, StandardCharsets.UTF_8)).as("event %d of %s", i, person).isEqualTo(attributes);
        }
    }

    @Test
    void leavesScorableAttributesAsTheyAre() {
        Event speeding = event("e-2", "p-1", "speeding", "{\"kmhOver\":20}");

        assertThat(seal().seal(speeding)).isSameAs(speeding);
        assertThat(seal().open("src", "e-2", "p-1", json(speeding))).contains(json(speeding));
    }

    @Test
    void sealedAttributesCannotBeMovedToAnotherEventOrPerson() {
        PersonalDataSeal seal = seal();
        String sealed = json(seal.seal(event("e-1", "p-1", "web-visit", "{\"site\":\"a\"}")));
        seal.keys().keyFor("p-2", "browsing");

        assertThat(seal.open("src", "e-9", "p-1", sealed)).isEmpty();
        assertThat(seal.open("src", "e-1", "p-2", sealed)).isEmpty();
    }

    @Test
    void erasingTheKeyMakesTheDataUnreadableAndOnlyThatPersonsData() {
        PersonalDataSeal seal = seal();
        String adas = json(seal.seal(event("e-1", "p-1", "web-visit", "{\"site\":\"a\"}")));
        String bobs = json(seal.seal(event("e-2", "p-2", "web-visit", "{\"site\":\"b\"}")));
        seal.keys().sync();

        seal.keys().erase("p-1", List.of("browsing"));

        assertThat(seal.open("src", "e-1", "p-1", adas)).isEmpty();
        assertThat(seal().open("src", "e-1", "p-1", adas)).as("after a restart too").isEmpty();
        assertThat(seal().open("src", "e-2", "p-2", bobs)).contains("{\"site\":\"b\"}");
    }
}
