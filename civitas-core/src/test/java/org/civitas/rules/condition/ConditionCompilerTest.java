package org.civitas.rules.condition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionCompilerTest {

    @Test
    void anExpressionIsCompiledOnceAndItsConditionShared() {
        ConditionCompiler compiler = new ConditionCompiler();

        ConditionCompiler.Compilation first = compiler.compile("event.attributes.kmhOver >= 30");
        ConditionCompiler.Compilation again = compiler.compile("event.attributes.kmhOver >= 30");

        assertThat(first.succeeded()).isTrue();
        assertThat(again.condition().orElseThrow()).isSameAs(first.condition().orElseThrow());
    }

    @Test
    void aKeptFailureStillTellsItsProblemsEachTime() {
        ConditionCompiler compiler = new ConditionCompiler();

        compiler.compile("evnt.attributes.kmhOver >= 30");
        ConditionCompiler.Compilation again = compiler.compile("evnt.attributes.kmhOver >= 30");

        assertThat(again.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("did you mean 'event"));
    }

    @Test
    void pastTheMostItKeepsItStillCompilesButKeepsNoMore() {
        ConditionCompiler compiler = new ConditionCompiler();
        for (int i = 0; i < ConditionCompiler.MAX_KEPT; i++) {
            compiler.compile("event.attributes.hours > " + i);
        }

        ConditionCompiler.Compilation first = compiler.compile("event.attributes.hours < 0");
        ConditionCompiler.Compilation again = compiler.compile("event.attributes.hours < 0");

        assertThat(again.succeeded()).isTrue();
        assertThat(again.condition().orElseThrow()).isNotSameAs(first.condition().orElseThrow());
        assertThat(compiler.compile("event.attributes.hours > 0").condition().orElseThrow())
                .isSameAs(compiler.compile("event.attributes.hours > 0").condition().orElseThrow());
    }
}
