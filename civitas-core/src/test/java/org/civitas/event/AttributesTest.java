package org.civitas.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributesTest {

    @Test
    void readsJsonIntoPlainJavaValues() {
        Attributes attributes = Attributes.ofValidatedJson(("{\"n\":3,\"x\":2.5,\"big\":123456789012345678901234,"
                + "\"s\":\"t\",\"b\":true,\"none\":null,\"list\":[1,\"a\"],\"map\":{\"k\":false}}")
                .getBytes(StandardCharsets.UTF_8));

        Map<String, Object> values = attributes.asMap();

        assertThat(values.get("n")).isEqualTo(3L);
        assertThat(values.get("x")).isEqualTo(2.5);
        assertThat(values.get("big")).isEqualTo(1.2345678901234568E23);
        assertThat(values.get("s")).isEqualTo("t");
        assertThat(values.get("b")).isEqualTo(Boolean.TRUE);
        assertThat(values).containsKey("none");
        assertThat(values.get("none")).isNull();
        assertThat(values.get("list")).isEqualTo(List.of(1L, "a"));
        assertThat(values.get("map")).isEqualTo(Map.of("k", false));
    }

    @Test
    void writesValuesAsJsonAndReadsThemBack() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("site", "news.example");
        values.put("seconds", 42L);
        values.put("share", 0.5);
        values.put("tags", List.of("a", "b"));

        Attributes attributes = Attributes.of(values);

        assertThat(attributes.toJson())
                .isEqualTo("{\"site\":\"news.example\",\"seconds\":42,\"share\":0.5,\"tags\":[\"a\",\"b\"]}");
        assertThat(attributes.asMap()).isEqualTo(values);
        assertThat(attributes).isEqualTo(Attributes.ofValidatedJson(attributes.toJsonBytes()));
    }

    @Test
    void sealedAttributesShowAsJsonAndAreReadBackFromIt() {
        byte[] bytes = {0, 1, 2, (byte) 0xFF, 42};
        Attributes sealed = Attributes.sealed("browsing", bytes);

        assertThat(sealed.toJson()).isEqualTo("{\"$sealed\":\"browsing\",\"data\":\"AAEC/yo=\"}");
        assertThat(sealed.asMap()).containsEntry("$sealed", "browsing");
        Attributes read = Attributes.sealedFromJson(sealed.toJson()).orElseThrow();
        assertThat(read.sealedCategory()).isEqualTo("browsing");
        assertThat(read.sealedBytes()).isEqualTo(bytes);
        assertThat(read).isEqualTo(sealed);
    }

    @Test
    void plainJsonIsNotSealedEvenWhenItLooksAlike() {
        assertThat(Attributes.sealedFromJson("{\"site\":\"a\"}")).isEmpty();
        assertThat(Attributes.sealedFromJson("{\"$sealed\":\"browsing\",\"data\":\"not base64!\"}")).isEmpty();
        assertThat(Attributes.ofValidatedJson("{}".getBytes(StandardCharsets.UTF_8)).isSealed()).isFalse();
        assertThatThrownBy(() -> Attributes.sealed("a\"b", new byte[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quotes");
    }
}
