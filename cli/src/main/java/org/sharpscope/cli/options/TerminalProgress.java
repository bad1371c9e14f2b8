package org.sharpscope.cli.options;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.sharpscope.study.Progress;

/** The program's one progress bar: ASCII, on stderr, only when a terminal is attached. */
public final class TerminalProgress implements Progress {
    private ProgressBar bar;

    private TerminalProgress() {}

    /** A bar when {@code wanted} and stdout is a terminal, otherwise {@link Progress#NONE}. */
    public static Progress of(boolean wanted) {
        return wanted && System.console() != null ? new TerminalProgress() : Progress.NONE;
    }

    @Override
    public void start(String name, long total) {
        finish();
        bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).continuousUpdate().build();
    }

    @Override
    public void update(long done, String message) {
        if (bar == null) return;
        bar.stepTo(done);
        if (message != null) bar.setExtraMessage(message);
    }

    @Override
    public void finish() {
        if (bar != null) bar.close();
        bar = null;
    }
}
