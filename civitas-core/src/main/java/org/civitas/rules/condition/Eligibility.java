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

/**
 * Who may claim a reward: a CEL condition over the person's own {@code score} (a double), and {@code points} and
 * {@code count}, maps from every rule id to the worth now and the number of the person's contributions by it. Checked
 * when a book loads; evaluated by the CEL interpreter when a person claims, which is rare. Thread-safe.
 */
public final class Eligibility {

    private static final int MAX_ITERATIONS = 1_000;

    private final CelCompiler compiler;
    private final CelRuntime runtime;

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
        try {
            CelAbstractSyntaxTree ast = compiler.compile(expression).getAst();
            Object result = runtime.createProgram(ast).eval(Map.of("score", score, "points", points, "count",
                    count));
            return Boolean.TRUE.equals(result);
        } catch (CelValidationException | CelEvaluationException e) {
            return false;
        }
    }
}
