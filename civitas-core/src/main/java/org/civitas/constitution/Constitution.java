package org.civitas.constitution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.civitas.CivitasException;

/**
 * The limits no rule book may cross, checked by machine whenever a book loads. Civitas ships a default
 * ({@link #standard()}); a deployment may load its own from a file.
 */
public record Constitution(String id, long version, List<Clause> clauses, String origin) {

    static final String STANDARD_RESOURCE = "/org/civitas/constitution/constitution.yaml";

    public Constitution {
        Objects.requireNonNull(id, "id");
        clauses = List.copyOf(clauses);
        Objects.requireNonNull(origin, "origin");
    }

    /** The constitution Civitas ships with. */
    public static Constitution standard() {
        try (InputStream in = Constitution.class.getResourceAsStream(STANDARD_RESOURCE)) {
            if (in == null) {
                throw new CivitasException("the standard constitution is missing from the build: " + STANDARD_RESOURCE);
            }
            return ConstitutionReader.read("constitution.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a constitution from a YAML file; a malformed one is refused with every problem listed. */
    public static Constitution load(Path file) {
        try {
            return ConstitutionReader.read(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new CivitasException("cannot read the constitution " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether data of {@code category} is shown to its person alone, unless they share it. */
    public boolean personalOnly(String category) {
        return clauses.stream().anyMatch(clause -> clause instanceof Clause.PersonalOnly personal
                && personal.covers(category));
    }

    /** The categories a person keeps for themselves, in alphabetical order. */
    public List<String> personalOnlyCategories() {
        return clauses.stream().filter(Clause.PersonalOnly.class::isInstance)
                .flatMap(clause -> ((Clause.PersonalOnly) clause).categories().stream()).sorted().distinct().toList();
    }

    /** The purposes data may be shared for, in alphabetical order. */
    public List<String> allowedPurposes() {
        return clauses.stream().filter(Clause.Purposes.class::isInstance)
                .flatMap(clause -> ((Clause.Purposes) clause).allowed().stream()).sorted().distinct().toList();
    }

    /** The clause sharing data for {@code purpose} breaks, if any. */
    public Optional<Breach> checkPurpose(String purpose) {
        return firstBreach(clause -> clause instanceof Clause.Purposes purposes ? purposes.breachBy(purpose)
                : Optional.empty());
    }

    /**
     * The clause a rule that reads events of {@code eventType} breaks if that type is of {@code category}: for a
     * source that would register, under a personal-only category, a type a rule in force reads.
     */
    public Optional<Breach> checkReading(String eventType, String category) {
        return firstBreach(clause -> clause instanceof Clause.PersonalOnly personal
                ? personal.breachByReading(eventType, category) : Optional.empty());
    }

    /** The clause a reward described by {@code description} (its id, title and what it gives) breaks, if any. */
    public Optional<Breach> checkReward(String description) {
        return firstBreach(clause -> clause instanceof Clause.RewardsNever never ? never.breachByReward(description)
                : Optional.empty());
    }

    private Optional<Breach> firstBreach(Function<Clause, Optional<String>> breach) {
        for (Clause clause : clauses) {
            Optional<String> detail = breach.apply(clause);
            if (detail.isPresent()) {
                return Optional.of(new Breach(clause.id(), clause.text(), detail.get()));
            }
        }
        return Optional.empty();
    }

    /** Every clause {@code rule} breaks, in the constitution's order. */
    public List<Breach> check(RuleFacts rule) {
        List<Breach> breaches = new ArrayList<>();
        for (Clause clause : clauses) {
            Optional<String> detail = clause.breachBy(rule);
            detail.ifPresent(text -> breaches.add(new Breach(clause.id(), clause.text(), text)));
        }
        return breaches;
    }
}
