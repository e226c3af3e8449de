package org.civitas.rules.condition;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Turns a checked CEL expression into a tree of small Java closures over {@link ConditionInput}, so a condition costs
 * tens of nanoseconds rather than the interpreter's microsecond. It covers what rule conditions use: constants, the
 * declared variables, attribute access and {@code has()}, logic, comparisons, arithmetic, {@code in}, indexing,
 * {@code size}, string tests and conversions. Anything else throws {@link Unsupported}, and the condition runs on
 * the CEL interpreter instead.
 */
final class NodeCompiler {

    /** The expression uses something the compiled evaluator does not cover. */
    static final class Unsupported extends Exception {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    private final CelAbstractSyntaxTree ast;

    private NodeCompiler(CelAbstractSyntaxTree ast) {
        this.ast = ast;
    }

    static Node compile(CelAbstractSyntaxTree ast) throws Unsupported {
        return new NodeCompiler(ast).compile(ast.getExpr());
    }

    private Node compile(CelExpr expr) throws Unsupported {
        switch (expr.getKind()) {
            case CONSTANT:
                return constant(constantValue(expr.constant()));
            case IDENT:
                return variable(expr.ident().name());
            case SELECT:
                return select(expr);
            case CALL:
                return call(expr);
            case LIST:
                return list(expr);
            default:
                throw new Unsupported(expr.getKind().name());
        }
    }

    private static Node constant(Object value) {
        return input -> value;
    }

    private static Object constantValue(CelConstant constant) throws Unsupported {
        return switch (constant.getKind()) {
            case NULL_VALUE -> Values.NULL;
            case BOOLEAN_VALUE -> constant.booleanValue();
            case INT64_VALUE -> constant.int64Value();
            case DOUBLE_VALUE -> constant.doubleValue();
            case STRING_VALUE -> constant.stringValue();
            default -> throw new Unsupported("constant " + constant.getKind());
        };
    }

    private static Node variable(String name) throws Unsupported {
        Variable variable = Variable.byName(name);
        if (variable == null) {
            throw new Unsupported("variable " + name);
        }
        return variable::read;
    }

    private Node select(CelExpr expr) throws Unsupported {
        String resolved = ast.getReference(expr.id()).map(CelReference::name).orElse("");
        if (!resolved.isEmpty()) {
            return variable(resolved);
        }
        Node operand = compile(expr.select().operand());
        String field = expr.select().field();
        if (expr.select().testOnly()) {
            return input -> operand.eval(input) instanceof Map<?, ?> map ? (Object) map.containsKey(field)
                    : Values.ERROR;
        }
        return input -> {
            if (operand.eval(input) instanceof Map<?, ?> map && map.containsKey(field)) {
                return Values.fromJson(map.get(field));
            }
            return Values.ERROR;
        };
    }

    private Node list(CelExpr expr) throws Unsupported {
        if (!expr.list().optionalIndices().isEmpty()) {
            throw new Unsupported("optional list elements");
        }
        List<Node> elements = compileAll(expr.list().elements());
        return input -> {
            List<Object> values = new ArrayList<>(elements.size());
            for (Node element : elements) {
                Object value = element.eval(input);
                if (value == Values.ERROR) {
                    return Values.ERROR;
                }
                values.add(value);
            }
            return Collections.unmodifiableList(values);
        };
    }

    private List<Node> compileAll(List<CelExpr> exprs) throws Unsupported {
        List<Node> nodes = new ArrayList<>(exprs.size());
        for (CelExpr expr : exprs) {
            nodes.add(compile(expr));
        }
        return nodes;
    }

    private Node call(CelExpr expr) throws Unsupported {
        String function = expr.call().function();
        List<Node> args = new ArrayList<>();
        if (expr.call().target().isPresent()) {
            args.add(compile(expr.call().target().get()));
        }
        List<CelExpr> argExprs = expr.call().args();
        switch (function) {
            case "timestamp":
                return constant(parseTimestamp(argExprs));
            case "duration":
                return constant(parseDuration(argExprs));
            default:
                args.addAll(compileAll(argExprs));
        }
        return switch (function) {
            case "_&&_" -> and(args.get(0), args.get(1));
            case "_||_" -> or(args.get(0), args.get(1));
            case "!_" -> not(args.get(0));
            case "_?_:_" -> conditional(args.get(0), args.get(1), args.get(2));
            case "_==_" -> equality(args.get(0), args.get(1), true);
            case "_!=_" -> equality(args.get(0), args.get(1), false);
            case "_<_" -> ordering(args.get(0), args.get(1), Order.LESS);
            case "_<=_" -> ordering(args.get(0), args.get(1), Order.LESS_OR_EQUAL);
            case "_>_" -> ordering(args.get(0), args.get(1), Order.GREATER);
            case "_>=_" -> ordering(args.get(0), args.get(1), Order.GREATER_OR_EQUAL);
            case "_+_" -> binary(args, Values::add);
            case "_-_" -> binary(args, Values::subtract);
            case "_*_" -> binary(args, Values::multiply);
            case "_/_" -> binary(args, Values::divide);
            case "_%_" -> binary(args, Values::modulo);
            case "-_" -> unary(args, Values::negate);
            case "@in" -> binary(args, (element, collection) -> Values.contains(collection, element));
            case "_[_]" -> binary(args, Values::index);
            case "size" -> unary(args, Values::size);
            case "int" -> unary(args, Values::toInt);
            case "double" -> unary(args, Values::toDouble);
            case "startsWith" -> strings(args, String::startsWith);
            case "endsWith" -> strings(args, String::endsWith);
            case "contains" -> strings(args, String::contains);
            default -> throw new Unsupported("function " + function);
        };
    }

    private static Instant parseTimestamp(List<CelExpr> args) throws Unsupported {
        try {
            return Instant.parse(constantString(args));
        } catch (java.time.format.DateTimeParseException e) {
            throw new Unsupported("timestamp text " + e.getParsedString());
        }
    }

    private static Duration parseDuration(List<CelExpr> args) throws Unsupported {
        return CelDurations.parse(constantString(args)).orElseThrow(() -> new Unsupported("duration text"));
    }

    private static String constantString(List<CelExpr> args) throws Unsupported {
        if (args.size() == 1 && args.get(0).getKind() == CelExpr.ExprKind.Kind.CONSTANT
                && args.get(0).constant().getKind() == CelConstant.Kind.STRING_VALUE) {
            return args.get(0).constant().stringValue();
        }
        throw new Unsupported("conversion of a value that is not a constant string");
    }

    /**
     * CEL's {@code &&}: false wins over an error on either side (the order of evaluation does not matter), but a left
     * operand that is not a boolean at all is a type error at once.
     */
    private static Node and(Node left, Node right) {
        return input -> {
            Object a = left.eval(input);
            if (a == Boolean.FALSE) {
                return Boolean.FALSE;
            }
            if (!(a instanceof Boolean) && a != Values.ERROR) {
                return Values.ERROR;
            }
            Object b = right.eval(input);
            if (b == Boolean.FALSE) {
                return Boolean.FALSE;
            }
            return a == Boolean.TRUE && b == Boolean.TRUE ? Boolean.TRUE : Values.ERROR;
        };
    }

    /** CEL's {@code ||}: the mirror image of {@link #and}. */
    private static Node or(Node left, Node right) {
        return input -> {
            Object a = left.eval(input);
            if (a == Boolean.TRUE) {
                return Boolean.TRUE;
            }
            if (!(a instanceof Boolean) && a != Values.ERROR) {
                return Values.ERROR;
            }
            Object b = right.eval(input);
            if (b == Boolean.TRUE) {
                return Boolean.TRUE;
            }
            return a == Boolean.FALSE && b == Boolean.FALSE ? Boolean.FALSE : Values.ERROR;
        };
    }

    private static Node not(Node operand) {
        return input -> {
            Object a = operand.eval(input);
            return a instanceof Boolean bool ? (Object) !bool : Values.ERROR;
        };
    }

    private static Node conditional(Node test, Node then, Node otherwise) {
        return input -> {
            Object a = test.eval(input);
            if (a == Boolean.TRUE) {
                return then.eval(input);
            }
            return a == Boolean.FALSE ? otherwise.eval(input) : Values.ERROR;
        };
    }

    private static Node equality(Node left, Node right, boolean wantEqual) {
        return input -> {
            Object a = left.eval(input);
            Object b = right.eval(input);
            if (a == Values.ERROR || b == Values.ERROR) {
                return Values.ERROR;
            }
            return Values.equal(a, b) == wantEqual;
        };
    }

    private enum Order {
        LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL;

        boolean holds(int comparison) {
            return switch (this) {
                case LESS -> comparison < 0;
                case LESS_OR_EQUAL -> comparison <= 0;
                case GREATER -> comparison > 0;
                case GREATER_OR_EQUAL -> comparison >= 0;
            };
        }
    }

    private static Node ordering(Node left, Node right, Order order) {
        return input -> {
            Object a = left.eval(input);
            Object b = right.eval(input);
            if (a == Values.ERROR || b == Values.ERROR) {
                return Values.ERROR;
            }
            int comparison = Values.compare(a, b);
            if (comparison == Values.INCOMPARABLE) {
                return Values.ERROR;
            }
            return comparison != Values.UNORDERED && order.holds(comparison);
        };
    }

    private interface BinaryOperation {
        Object apply(Object a, Object b);
    }

    private static Node binary(List<Node> args, BinaryOperation operation) {
        Node left = args.get(0);
        Node right = args.get(1);
        return input -> {
            Object a = left.eval(input);
            Object b = right.eval(input);
            if (a == Values.ERROR || b == Values.ERROR) {
                return Values.ERROR;
            }
            return operation.apply(a, b);
        };
    }

    private static Node unary(List<Node> args, java.util.function.UnaryOperator<Object> operation) {
        Node operand = args.get(0);
        return input -> {
            Object a = operand.eval(input);
            return a == Values.ERROR ? Values.ERROR : operation.apply(a);
        };
    }

    private interface StringTest {
        boolean test(String text, String part);
    }

    private static Node strings(List<Node> args, StringTest test) {
        Node receiver = args.get(0);
        Node argument = args.get(1);
        return input -> {
            Object a = receiver.eval(input);
            Object b = argument.eval(input);
            if (a instanceof String text && b instanceof String part) {
                return test.test(text, part);
            }
            return Values.ERROR;
        };
    }
}
