package org.civitas.rules.condition;

import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;

/** The names a condition may use, their CEL types, and where their values come from. */
enum Variable {
    EVENT_ID("event.id", SimpleType.STRING) {
        @Override
        Object read(ConditionInput input) {
            return input.event().id();
        }
    },
    EVENT_SOURCE("event.source", SimpleType.STRING) {
        @Override
        Object read(ConditionInput input) {
            return input.event().source();
        }
    },
    EVENT_PERSON("event.person", SimpleType.STRING) {
        @Override
        Object read(ConditionInput input) {
            return input.event().person();
        }
    },
    EVENT_TYPE("event.type", SimpleType.STRING) {
        @Override
        Object read(ConditionInput input) {
            return input.event().type();
        }
    },
    EVENT_OCCURRED_AT("event.occurredAt", SimpleType.TIMESTAMP) {
        @Override
        Object read(ConditionInput input) {
            return input.event().occurredAt();
        }
    },
    EVENT_JURISDICTION("event.jurisdiction", SimpleType.STRING) {
        @Override
        Object read(ConditionInput input) {
            return input.event().jurisdiction();
        }
    },
    EVENT_ATTRIBUTES("event.attributes", MapType.create(SimpleType.STRING, SimpleType.DYN)) {
        @Override
        Object read(ConditionInput input) {
            return input.attributes();
        }
    },
    CTX_HOUR("ctx.hour", SimpleType.INT) {
        @Override
        Object read(ConditionInput input) {
            return input.hour();
        }
    },
    CTX_WEEKDAY("ctx.weekday", SimpleType.INT) {
        @Override
        Object read(ConditionInput input) {
            return input.weekday();
        }
    },
    CTX_JURISDICTION("ctx.jurisdiction", SimpleType.STRING) {
        @Override
        Object read(ConditionInput input) {
            return input.jurisdiction();
        }
    };

    final String celName;
    final CelType type;

    Variable(String celName, CelType type) {
        this.celName = celName;
        this.type = type;
    }

    /** The value for the event the input holds, as the fast evaluator represents it. */
    abstract Object read(ConditionInput input);

    static Variable byName(String celName) {
        for (Variable variable : values()) {
            if (variable.celName.equals(celName)) {
                return variable;
            }
        }
        return null;
    }
}
