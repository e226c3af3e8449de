package org.civitas.yaml;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.civitas.CivitasException;
import org.civitas.Suggestions;
import org.civitas.validation.Issue;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read field by field. Every problem (a missing, mistyped, unknown or repeated field) is added to the
 * shared issue list with its position, and the reader carries on, so one pass reports everything.
 */
public final class YamlMapping {

    private final String file;
    private final List<String> lines;
    private final String subject;
    private final MappingNode node;
    private final List<Issue> issues;
    private final Map<String, NodeTuple> fields = new LinkedHashMap<>();

    YamlMapping(String file, List<String> lines, String subject, MappingNode node, List<Issue> issues) {
        this.file = file;
        this.lines = lines;
        this.subject = subject;
        this.node = node;
        this.issues = issues;
        for (NodeTuple tuple : node.getValue()) {
            Node key = tuple.getKeyNode();
            if (!(key instanceof ScalarNode scalar)) {
                issues.add(YamlDocument.at(file, key.getStartMark(), subject, "a field name must be plain text"));
            } else if (fields.putIfAbsent(scalar.getValue(), tuple) != null) {
                issues.add(YamlDocument.at(file, key.getStartMark(), subject,
                        "field '" + scalar.getValue() + "' appears twice"));
            }
        }
    }

    private YamlMapping(YamlMapping original, String subject) {
        this.file = original.file;
        this.lines = original.lines;
        this.subject = subject;
        this.node = original.node;
        this.issues = original.issues;
        this.fields.putAll(original.fields);
    }

    /** The same mapping, with problems attributed to {@code newSubject} (such as {@code rule 'traffic.x'}). */
    /** How many problems the document this mapping belongs to has reported so far. */
    public int issueCount() {
        return issues.size();
    }

    public YamlMapping about(String newSubject) {
        return new YamlMapping(this, newSubject);
    }

    public String file() {
        return file;
    }

    public String subject() {
        return subject;
    }

    /** Line (1-based) where the mapping starts. */
    public int line() {
        return node.getStartMark().getLine() + 1;
    }

    /** Column (1-based) where the mapping starts. */
    public int column() {
        return node.getStartMark().getColumn() + 1;
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** Reports every field not in {@code allowed}, suggesting the allowed name it was likely meant to be. */
    public void allowOnly(Collection<String> allowed) {
        for (Map.Entry<String, NodeTuple> field : fields.entrySet()) {
            if (!allowed.contains(field.getKey())) {
                issues.add(YamlDocument.at(file, field.getValue().getKeyNode().getStartMark(), subject,
                        "unknown field '" + field.getKey() + "'" + Suggestions.hint(field.getKey(), allowed)));
            }
        }
    }

    /** Adds a problem about this mapping as a whole. */
    public void report(String message) {
        issues.add(YamlDocument.at(file, node.getStartMark(), subject, message));
    }

    /** Adds a problem about the value of {@code field} (or the mapping, when the field is absent). */
    public void report(String field, String message) {
        NodeTuple tuple = fields.get(field);
        Mark mark = tuple == null ? node.getStartMark() : tuple.getValueNode().getStartMark();
        issues.add(YamlDocument.at(file, mark, subject, field + ": " + message));
    }
    /**
     * Where in the file a position inside the text of {@code field} lies, given as line and column (1-based) within
     * that text: for an expression error, say. Exact for one-line values and literal blocks ({@code |}).
     */
    public int[] positionInText(String field, int textLine, int textColumn) {
        NodeTuple tuple = fields.get(field);
        if (tuple == null || !(tuple.getValueNode() instanceof ScalarNode scalar)) {
            return new int[] {line(), column()};
        }
        Mark start = scalar.getStartMark();
        return switch (scalar.getScalarStyle()) {
            case LITERAL, FOLDED -> {
                int fileLine = start.getLine() + 1 + textLine;
                String text = fileLine - 1 < lines.size() ? lines.get(fileLine - 1) : "";
                int indent = text.length() - text.stripLeading().length();
                yield new int[] {fileLine, indent + textColumn};
            }
            case SINGLE_QUOTED, DOUBLE_QUOTED ->
                    new int[] {start.getLine() + textLine, start.getColumn() + 1 + textColumn};
            default -> new int[] {start.getLine() + textLine, start.getColumn() + textColumn};
        };
    }

    /** Adds a problem at a file position worked out by {@link #positionInText}. */
    public void reportAt(int[] position, String message) {
        issues.add(new Issue(file, position[0], position[1], subject, message));
    }

    public Optional<String> text(String field) {
        return scalar(field).map(ScalarNode::getValue);
    }

    public Optional<String> requiredText(String field) {
        Optional<String> value = text(field);
        if (value.isEmpty() && !fields.containsKey(field)) {
            report(field, "missing (required)");
        } else if (value.isPresent() && value.get().isBlank()) {
            report(field, "must not be empty");
            return Optional.empty();
        }
        return value;
    }

    /** A whole number; decimals and text are reported. */
    public Optional<Long> integer(String field) {
        return converted(field, "a whole number", text -> {
            try {
                return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
            } catch (NumberFormatException e) {
                return null;
            }
        });
    }

    public Optional<Long> requiredInteger(String field) {
        if (!fields.containsKey(field)) {
            report(field, "missing (required)");
            return Optional.empty();
        }
        return integer(field);
    }

    public Optional<Boolean> bool(String field) {
        return converted(field, "true or false", text -> switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        });
    }

    /**
     * The value converted by {@code parse}, which returns null or throws when the text is not {@code expected}; a
     * {@link CivitasException}'s message is reported as it is, since it already says what is wrong.
     */
    public <T> Optional<T> converted(String field, String expected, Function<String, T> parse) {
        Optional<String> text = text(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            T value = parse.apply(text.get().trim());
            if (value == null) {
                report(field, "'" + text.get() + "' is not " + expected);
            }
            return Optional.ofNullable(value);
        } catch (CivitasException e) {
            report(field, e.getMessage());
        } catch (RuntimeException e) {
            report(field, "'" + text.get() + "' is not " + expected);
        }
        return Optional.empty();
    }

    public Optional<YamlMapping> mapping(String field) {
        return value(field).flatMap(value -> {
            if (value instanceof MappingNode mapping) {
                return Optional.of(new YamlMapping(file, lines, subject, mapping, issues));
            }
            report(field, "expected a mapping of fields");
            return Optional.empty();
        });
    }

    /** The mappings listed under {@code field}; items that are not mappings are reported and skipped. */
    public List<YamlMapping> mappings(String field) {
        List<YamlMapping> result = new ArrayList<>();
        for (Node item : sequence(field)) {
            if (item instanceof MappingNode mapping) {
                result.add(new YamlMapping(file, lines, subject, mapping, issues));
            } else {
                issues.add(YamlDocument.at(file, item.getStartMark(), subject,
                        field + ": each item must be a mapping of fields"));
            }
        }
        return result;
    }

    /**
     * Every field of this mapping with a plain value, by name, in the file's order: a mapping whose names are data,
     * such as event types. A field whose value is not plain is reported and left out.
     */
    public Map<String, String> plainFields() {
        Map<String, String> result = new LinkedHashMap<>();
        fields.forEach((name, tuple) -> {
            if (tuple.getValueNode() instanceof ScalarNode scalar) {
                result.put(name, scalar.getValue());
            } else {
                report(name, "expected a single value");
            }
        });
        return result;
    }

    /** The texts listed under {@code field} (a YAML list of plain values). */
    public List<String> texts(String field) {
        List<String> result = new ArrayList<>();
        for (Node item : sequence(field)) {
            if (item instanceof ScalarNode scalar) {
                result.add(scalar.getValue());
            } else {
                issues.add(YamlDocument.at(file, item.getStartMark(), subject,
                        field + ": each item must be a plain value"));
            }
        }
        return result;
    }

    private List<Node> sequence(String field) {
        return value(field).map(value -> {
            if (value instanceof SequenceNode sequence) {
                return sequence.getValue();
            }
            report(field, "expected a list");
            return List.<Node>of();
        }).orElse(List.of());
    }

    private Optional<ScalarNode> scalar(String field) {
        return value(field).flatMap(value -> {
            if (value instanceof ScalarNode scalar) {
                return Optional.of(scalar);
            }
            report(field, "expected a single value, found a " + (value instanceof MappingNode ? "mapping" : "list"));
            return Optional.empty();
        });
    }

    private Optional<Node> value(String field) {
        return Optional.ofNullable(fields.get(field)).map(NodeTuple::getValueNode);
    }
}
