package org.civitas.validation;

import java.util.Objects;

/**
 * One problem found in a file a person wrote (a rule book, a constitution), with where it is and what to do about it:
 * {@code lakeside.yaml:14:11: rule 'traffic.speeding': unknown field 'atributes' — did you mean 'attributes'?}.
 *
 * @param subject what the problem belongs to, such as {@code rule 'traffic.speeding'}; empty for the file itself
 */
public record Issue(String file, int line, int column, String subject, String message) {

    public Issue {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        return subject.isEmpty() ? where + ": " + message : where + ": " + subject + ": " + message;
    }
}
