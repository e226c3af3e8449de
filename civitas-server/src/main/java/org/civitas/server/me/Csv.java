package org.civitas.server.me;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Comma-separated values as RFC 4180 has them: fields quoted when they hold a comma, quote or line break. */
final class Csv {

    private final Writer out;

    Csv(Writer out) {
        this.out = out;
    }

    void row(List<?> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i) == null ? "" : String.valueOf(fields.get(i))));
        }
        out.write("\r\n");
    }

    private static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
