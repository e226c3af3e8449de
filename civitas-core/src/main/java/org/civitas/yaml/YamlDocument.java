package org.civitas.yaml;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.civitas.CivitasException;
import org.civitas.validation.Issue;
import org.civitas.validation.ValidationException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a YAML file into nodes that remember their line and column, so every problem can be pointed at. Values are
 * never converted by YAML's own rules ({@code on} stays the text "on"); {@link YamlMapping} reads them as asked.
 */
public final class YamlDocument {

    private YamlDocument() {
    }

    /**
     * Reads the configuration in {@code file} with {@code reader}, which reports what is wrong on the mapping it is
     * given and is empty when it cannot make a value of it. Throws naming every problem with its line, or when the
     * file cannot be read.
     */
    public static <T> T readConfiguration(Path file, Function<YamlMapping, Optional<T>> reader) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new CivitasException("cannot read the configuration " + file + ": " + e.getMessage(), e);
        }
        List<Issue> issues = new ArrayList<>();
        Optional<T> value = parse(file.toString(), text, issues).flatMap(reader);
        if (!issues.isEmpty() || value.isEmpty()) {
            throw new ValidationException("configuration " + file, issues);
        }
        return value.get();
    }

    /** The top-level mapping of {@code content}, or empty with the reason added to {@code issues}. */
    public static Optional<YamlMapping> parse(String file, String content, List<Issue> issues) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(8 * 1024 * 1024);
        try {
            Node root = new Yaml(options).compose(new StringReader(content));
            if (root == null) {
                issues.add(new Issue(file, 0, 0, "", "the file is empty"));
                return Optional.empty();
            }
            if (!(root instanceof MappingNode mapping)) {
                issues.add(at(file, root.getStartMark(), "", "expected a mapping of fields at the top of the file"));
                return Optional.empty();
            }
            return Optional.of(new YamlMapping(file, content.lines().toList(), "", mapping, issues));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            issues.add(at(file, mark, "", "not valid YAML: " + e.getProblem()));
            return Optional.empty();
        } catch (RuntimeException e) {
            issues.add(new Issue(file, 0, 0, "", "not valid YAML: " + e.getMessage()));
            return Optional.empty();
        }
    }

    static Issue at(String file, Mark mark, String subject, String message) {
        return mark == null
                ? new Issue(file, 0, 0, subject, message)
                : new Issue(file, mark.getLine() + 1, mark.getColumn() + 1, subject, message);
    }
}
