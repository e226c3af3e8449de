package org.civitas.rules.condition;

import dev.cel.common.values.NullValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CEL's value semantics for the compiled evaluator: heterogeneous numeric equality and ordering (integers and
 * decimals compare by value), checked integer arithmetic, and {@link #ERROR} in place of exceptions, so a failed
 * evaluation costs no stack trace.
 */
final class Values {

    /** The result of an expression that cannot be evaluated for this event. */
    static final Object ERROR = new Object() {
        @Override
        public String toString() {
            return "<error>";
        }
    };

    static final Object NULL = NullValue.NULL_VALUE;

    /** Returned by {@link #compare} when either side is NaN: every ordering is false. */
    static final int UNORDERED = 2;

    /** Returned by {@link #compare} when the two values have no ordering between them. */
    static final int INCOMPARABLE = 3;

    private Values() {
    }

    /** JSON null is held as Java null in attribute maps; CEL calls it null_value. */
    static Object fromJson(Object value) {
        return value == null ? NULL : value;
    }

    static boolean isNumber(Object value) {
        return value instanceof Long || value instanceof Double;
    }

    /** CEL {@code ==}: values of different kinds are unequal, except numbers, which compare by value. */
    static boolean equal(Object a, Object b) {
        a = fromJson(a);
        b = fromJson(b);
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (isNumber(a) && isNumber(b)) {
            return compare(a, b) == 0;
        }
        if (a instanceof List<?> left && b instanceof List<?> right) {
            if (left.size() != right.size()) {
                return false;
            }
            for (int i = 0; i < left.size(); i++) {
                if (!equal(left.get(i), right.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> left && b instanceof Map<?, ?> right) {
            if (left.size() != right.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : left.entrySet()) {
                if (!right.containsKey(entry.getKey()) || !equal(entry.getValue(), right.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.getClass() == b.getClass() && a.equals(b);
    }

    /**
     * Orders two values: negative, zero or positive; {@link #UNORDERED} when two decimals include a NaN;
     * {@link #INCOMPARABLE} when CEL has no ordering between their kinds. An integer and a decimal compare as CEL's
     * Java runtime does: the integer is widened to a decimal and {@link Double#compare} decides, so {@code -0.0}
     * is below {@code 0} and NaN above every integer.
     */
    static int compare(Object a, Object b) {
        if (a instanceof Long x) {
            if (b instanceof Long y) {
                return Long.compare(x, y);
            }
            if (b instanceof Double y) {
                return -compareDoubleLong(y, x);
            }
        } else if (a instanceof Double x) {
            if (b instanceof Double y) {
                return compareDoubles(x, y);
            }
            if (b instanceof Long y) {
                return compareDoubleLong(x, y);
            }
        } else if (a instanceof String x && b instanceof String y) {
            return Integer.signum(x.compareTo(y));
        } else if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        } else if (a instanceof Instant x && b instanceof Instant y) {
            return Integer.signum(x.compareTo(y));
        } else if (a instanceof Duration x && b instanceof Duration y) {
            return Integer.signum(x.compareTo(y));
        }
        return INCOMPARABLE;
    }

    private static int compareDoubles(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return UNORDERED;
        }
        return x < y ? -1 : x > y ? 1 : 0;
    }

    private static int compareDoubleLong(double x, long y) {
        if (x < -0x1p63) {
            return -1;
        }
        if (x > 0x1p63) {
            return 1;
        }
        return Integer.signum(Double.compare(x, (double) y));
    }

    static Object add(Object a, Object b) {
        try {
            if (a instanceof Long x && b instanceof Long y) {
                return Math.addExact(x, y);
            }
            if (a instanceof Double x && b instanceof Double y) {
                return x + y;
            }
            if (a instanceof String x && b instanceof String y) {
                return x + y;
            }
            if (a instanceof List<?> x && b instanceof List<?> y) {
                List<Object> joined = new ArrayList<>(x);
                joined.addAll(y);
                return joined;
            }
            if (a instanceof Instant x && b instanceof Duration y) {
                return x.plus(y);
            }
            if (a instanceof Duration x && b instanceof Instant y) {
                return y.plus(x);
            }
            if (a instanceof Duration x && b instanceof Duration y) {
                return x.plus(y);
            }
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return ERROR;
        }
        return ERROR;
    }

    static Object subtract(Object a, Object b) {
        try {
            if (a instanceof Long x && b instanceof Long y) {
                return Math.subtractExact(x, y);
            }
            if (a instanceof Double x && b instanceof Double y) {
                return x - y;
            }
            if (a instanceof Instant x && b instanceof Instant y) {
                return Duration.between(y, x);
            }
            if (a instanceof Instant x && b instanceof Duration y) {
                return x.minus(y);
            }
            if (a instanceof Duration x && b instanceof Duration y) {
                return x.minus(y);
            }
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return ERROR;
        }
        return ERROR;
    }

    static Object multiply(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            try {
                return Math.multiplyExact(x, y);
            } catch (ArithmeticException e) {
                return ERROR;
            }
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x * y;
        }
        return ERROR;
    }

    static Object divide(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            if (y == 0 || (x == Long.MIN_VALUE && y == -1)) {
                return ERROR;
            }
            return x / y;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x / y;
        }
        return ERROR;
    }

    static Object modulo(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return y == 0 ? ERROR : (Object) (x % y);
        }
        return ERROR;
    }

    static Object negate(Object a) {
        if (a instanceof Long x) {
            return x == Long.MIN_VALUE ? ERROR : (Object) (-x);
        }
        if (a instanceof Double x) {
            return -x;
        }
        return ERROR;
    }

    static Object size(Object a) {
        if (a instanceof String text) {
            return (long) text.codePointCount(0, text.length());
        }
        if (a instanceof List<?> list) {
            return (long) list.size();
        }
        if (a instanceof Map<?, ?> map) {
            return (long) map.size();
        }
        return ERROR;
    }

    static Object contains(Object collection, Object element) {
        if (collection instanceof List<?> list) {
            for (Object item : list) {
                if (equal(element, item)) {
                    return Boolean.TRUE;
                }
            }
            return Boolean.FALSE;
        }
        if (collection instanceof Map<?, ?> map) {
            return element instanceof String && map.containsKey(element);
        }
        return ERROR;
    }

    static Object index(Object container, Object key) {
        if (container instanceof Map<?, ?> map) {
            if (key instanceof String && map.containsKey(key)) {
                return fromJson(map.get(key));
            }
            return ERROR;
        }
        if (container instanceof List<?> list && key instanceof Long position) {
            if (position < 0 || position >= list.size()) {
                return ERROR;
            }
            return fromJson(list.get(position.intValue()));
        }
        return ERROR;
    }

    static Object toInt(Object a) {
        if (a instanceof Long) {
            return a;
        }
        if (a instanceof Double x) {
            if (Double.isNaN(x) || x >= 0x1p63 || x <= -0x1p63) {
                return ERROR;
            }
            return (long) (double) x;
        }
        if (a instanceof String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return ERROR;
            }
        }
        if (a instanceof Instant instant) {
            return instant.getEpochSecond();
        }
        return ERROR;
    }

    static Object toDouble(Object a) {
        if (a instanceof Double) {
            return a;
        }
        if (a instanceof Long x) {
            return (double) x;
        }
        if (a instanceof String text) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return ERROR;
            }
        }
        return ERROR;
    }
}
