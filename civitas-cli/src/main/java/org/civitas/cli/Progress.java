package org.civitas.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on the terminal for long work; silent when standard error is not a terminal. */
final class Progress implements AutoCloseable {

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    static Progress start(String task, long total, String unit, long unitSize) {
        if (System.console() == null) {
            return new Progress(null);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(unit, unitSize)
                .setUpdateIntervalMillis(250)
                .continuousUpdate()
                .build();
        return new Progress(bar);
    }

    void advance(long amount) {
        if (bar != null) {
            bar.stepBy(amount);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
