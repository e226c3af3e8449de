package org.civitas.rules.condition;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Walks a checked expression to find which attributes it reads, and whether it reads any without naming them. */
final class AttributeReadsFinder {

    private final Set<String> names = new HashSet<>();
    private boolean unnamedAccess;

    private AttributeReadsFinder() {
    }

    static AttributeReads find(CelAbstractSyntaxTree ast) {
        AttributeReadsFinder finder = new AttributeReadsFinder();
        finder.visit(ast.getExpr());
        return new AttributeReads(finder.names, finder.unnamedAccess);
    }

    private void visit(CelExpr expr) {
        switch (expr.getKind()) {
            case IDENT -> {
                if (isAttributes(expr)) {
                    unnamedAccess = true;
                }
            }
            case SELECT -> {
                CelExpr operand = expr.select().operand();
                if (isAttributes(operand) || readsNamedAttribute(operand)) {
                    names.add(expr.select().field());
                    visitBelowNamedRead(operand);
                } else {
                    visit(operand);
                }
            }
            case CALL -> visitCall(expr);
            case LIST -> expr.list().elements().forEach(this::visit);
            case MAP -> expr.map().entries().forEach(entry -> {
                visit(entry.key());
                visit(entry.value());
            });
            case STRUCT -> expr.struct().entries().forEach(entry -> visit(entry.value()));
            case COMPREHENSION -> {
                visit(expr.comprehension().iterRange());
                visit(expr.comprehension().accuInit());
                visit(expr.comprehension().loopCondition());
                visit(expr.comprehension().loopStep());
                visit(expr.comprehension().result());
            }
            default -> {
            }
        }
    }

    private void visitCall(CelExpr expr) {
        String function = expr.call().function();
        List<CelExpr> args = expr.call().args();
        expr.call().target().ifPresent(this::visit);
        if (function.equals("_[_]") && args.size() == 2 && constantString(args.get(1)) != null
                && (isAttributes(args.get(0)) || readsNamedAttribute(args.get(0)))) {
            names.add(constantString(args.get(1)));
            visitBelowNamedRead(args.get(0));
            return;
        }
        if (function.equals("@in") && args.size() == 2 && constantString(args.get(0)) != null
                && isAttributes(args.get(1))) {
            names.add(constantString(args.get(0)));
            return;
        }
        args.forEach(this::visit);
    }

    /** The operand of a named read is itself fine to reach; look only for reads hidden below it. */
    private void visitBelowNamedRead(CelExpr operand) {
        if (!isAttributes(operand)) {
            visit(operand);
        }
    }

    /** Whether {@code expr} is {@code event.attributes.a.b} or {@code event.attributes['a']...}: a named path. */
    private static boolean readsNamedAttribute(CelExpr expr) {
        if (expr.getKind() == CelExpr.ExprKind.Kind.SELECT) {
            CelExpr operand = expr.select().operand();
            return isAttributes(operand) || readsNamedAttribute(operand);
        }
        if (expr.getKind() == CelExpr.ExprKind.Kind.CALL && expr.call().function().equals("_[_]")
                && constantString(expr.call().args().get(1)) != null) {
            CelExpr operand = expr.call().args().get(0);
            return isAttributes(operand) || readsNamedAttribute(operand);
        }
        return false;
    }

    private static boolean isAttributes(CelExpr expr) {
        return expr.getKind() == CelExpr.ExprKind.Kind.IDENT
                && expr.ident().name().equals(Variable.EVENT_ATTRIBUTES.celName);
    }

    private static String constantString(CelExpr expr) {
        return expr.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                && expr.constant().getKind() == CelConstant.Kind.STRING_VALUE ? expr.constant().stringValue() : null;
    }
}
