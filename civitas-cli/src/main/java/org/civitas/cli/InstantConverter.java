package org.civitas.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.civitas.event.Instants;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an ISO-8601 instant from the command line, such as {@code 2026-11-01T00:00:00Z}. */
final class InstantConverter implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        try {
            return Instants.parse(value);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException(
                    "'" + value + "' is not an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }
}
