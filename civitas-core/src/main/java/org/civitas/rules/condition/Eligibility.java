package org.civitas.rules.condition;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may claim a reward: a CEL condition over the person's own {@code score} (a double), and {@code points} and
 * {@code count}, maps from every rule id to the worth now and the number of the person's contributions by it. Checked
 * when a book loads; evaluated by the CEL interpreter when a person claims, which is rare. Thread-safe.
 */
public final class Eligibility {

    private static final int MAX_ITERATIONS = 1_000;

    private final CelCompiler compiler;
    private final CelRuntime runtime;
    /** Each condition's program, made once: the conditions are the few the books hold. */
    private final Map<String, Optional<CelRuntime.Program>> programs = new ConcurrentHashMap<>();

    public Eligibility() {
        CelOptions options = CelOptions.current()
                .enableHeterogeneousNumericComparisons(true)
                .comprehensionMaxIterations(MAX_ITERATIONS)
                .build();
        this.compiler = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setResultType(SimpleType.BOOL)
                .addVar("score", SimpleType.DOUBLE)
                .addVar("points", MapType.create(SimpleType.STRING, SimpleType.DOUBLE))
                .addVar("count", MapType.create(SimpleType.STRING, SimpleType.INT))
                .build();
        this.runtime = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(options).build();
    }

    /** The problems of {@code expression}, each with its place; none if it is a valid condition. */
    public List<ExpressionProblem> problems(String expression) {
        CelValidationResult result = compiler.compile(expression);
        List<ExpressionProblem> problems = new ArrayList<>();
        if (result.hasError()) {
            for (CelIssue issue : result.getErrors()) {
                problems.add(new ExpressionProblem(Math.max(1, issue.getSourceLocation().getLine()),
                        Math.max(0, issue.getSourceLocation().getColumn()) + 1, issue.getMessage()));
            }
        }
        return problems;
    }

    /**
     * Whether {@code expression} holds for a person of {@code score} whose contributions are worth {@code points}
     * and number {@code count}, per rule id; a condition that cannot be evaluated does not hold.
     */
    public boolean holds(String expression, double score, Map<String, Double> points, Map<String, Long> count) {
        Optional<CelRuntime.Program> program = programs.computeIfAbsent(expression, this::program);
        try {
            return program.isPresent() && Boolean.TRUE.equals(program.get().eval(Map.of("score", score, "points",
                    points, "count", count)));
        } catch (CelEvaluationException e) {
            return false;
        }
    }

    /** The program of {@code expression}, or empty if it is not a valid condition. */
    private Optional<CelRuntime.Program> program(String expression) {
        try {
            CelAbstractSyntaxTree ast = compiler.compile(expression).getAst();
            return Optional.of(runtime.createProgram(ast));
        } catch (CelValidationException | CelEvaluationException e) {
            return Optional.empty();
        }
    }
}
