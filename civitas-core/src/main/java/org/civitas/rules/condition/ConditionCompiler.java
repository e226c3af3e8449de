package org.civitas.rules.condition;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civitas.Suggestions;

/**
 * Compiles rule conditions: CEL parses and type-checks each expression against the names a condition may use, then
 * the checked expression is compiled to fast Java closures (or, for what those do not cover, handed to the CEL
 * interpreter). Building a compiler is costly; build one and reuse it: it also keeps what it compiled, so that the
 * books in force and a proposal's, which share most conditions, compile each once. Thread-safe.
 */
public final class ConditionCompiler {

    /** The most items a comprehension ({@code exists}, {@code all}, ...) may visit: conditions stay cheap. */
    private static final int MAX_ITERATIONS = 1_000;

    /** The most compilations kept; past it, further expressions are compiled each time they are asked for. */
    static final int MAX_KEPT = 4_096;

    private static final Pattern DOTTED_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*");

    private final CelCompiler compiler;
    private final CelRuntime runtime;
    private final Map<String, Compilation> kept = new ConcurrentHashMap<>();

    public ConditionCompiler() {
        CelOptions options = CelOptions.current()
                .enableHeterogeneousNumericComparisons(true)
                .comprehensionMaxIterations(MAX_ITERATIONS)
                .build();
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setResultType(SimpleType.BOOL);
        for (Variable variable : Variable.values()) {
            builder.addVar(variable.celName, variable.type);
        }
        this.compiler = builder.build();
        this.runtime = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(options).build();
    }

    /** The names a condition may use, such as {@code event.attributes} and {@code ctx.hour}. */
    public static List<String> variableNames() {
        return Arrays.stream(Variable.values()).map(variable -> variable.celName).toList();
    }

    /** The outcome of compiling one expression: a condition, or the problems that stop it. */
    public record Compilation(
            String expression,
            Optional<Condition> condition,
            Optional<Condition> interpreted,
            AttributeReads reads,
            List<ExpressionProblem> problems) {

        public Compilation {
            problems = List.copyOf(problems);
        }

        public boolean succeeded() {
            return problems.isEmpty();
        }
    }

    public Compilation compile(String expression) {
        Compilation compilation = kept.get(expression);
        if (compilation == null) {
            compilation = compileAnew(expression);
            if (kept.size() < MAX_KEPT) {
                kept.putIfAbsent(expression, compilation);
            }
        }
        return compilation;
    }

    private Compilation compileAnew(String expression) {
        CelValidationResult result = compiler.compile(expression);
        if (result.hasError()) {
            List<ExpressionProblem> problems = new ArrayList<>();
            for (CelIssue issue : result.getErrors()) {
                problems.add(problem(expression, issue));
            }
            return new Compilation(expression, Optional.empty(), Optional.empty(), AttributeReads.NONE, problems);
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            Condition interpreted = new InterpretedCondition(expression, runtime.createProgram(ast));
            Condition fast;
            try {
                fast = new CompiledCondition(expression, NodeCompiler.compile(ast));
            } catch (NodeCompiler.Unsupported unsupported) {
                fast = interpreted;
            }
            return new Compilation(expression, Optional.of(fast), Optional.of(interpreted),
                    AttributeReadsFinder.find(ast), List.of());
        } catch (CelValidationException | CelEvaluationException e) {
            return new Compilation(expression, Optional.empty(), Optional.empty(), AttributeReads.NONE,
                    List.of(new ExpressionProblem(1, 1, e.getMessage())));
        }
    }

    private static ExpressionProblem problem(String expression, CelIssue issue) {
        int line = Math.max(1, issue.getSourceLocation().getLine());
        int column = Math.max(0, issue.getSourceLocation().getColumn()) + 1;
        String message = issue.getMessage();
        if (message.startsWith("undeclared reference")) {
            message = unknownName(expression, line, column).orElse(message);
        }
        return new ExpressionProblem(line, column, message);
    }

    private static Optional<String> unknownName(String expression, int line, int column) {
        String[] lines = expression.split("\n", -1);
        if (line > lines.length || column - 1 > lines[line - 1].length()) {
            return Optional.empty();
        }
        Matcher name = DOTTED_NAME.matcher(lines[line - 1]);
        if (!name.find(column - 1) || name.start() != column - 1) {
            return Optional.empty();
        }
        String typed = name.group();
        for (String prefix = typed; prefix.contains("."); prefix = prefix.substring(0, prefix.lastIndexOf('.'))) {
            Optional<String> meant = Suggestions.closest(prefix, variableNames());
            if (meant.isPresent()) {
                return Optional.of("unknown name '" + prefix + "' — did you mean '" + meant.get() + "'?");
            }
        }
        return Optional.of("unknown name '" + typed + "' (a condition may use "
                + String.join(", ", variableNames()) + ")");
    }
}
