package org.civitas.server.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Data for a page's scripts, as JSON that can stand inside {@code <script type="application/json">} unescaped. */
public final class ScriptJson {

    private ScriptJson() {
    }

    /** {@code value} as JSON, with every {@code <} escaped so that nothing in it can close the script element. */
    public static String of(Object value, ObjectMapper json) {
        try {
            return json.writeValueAsString(value).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("data for a page is plain data", e);
        }
    }
}
