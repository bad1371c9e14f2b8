package org.sharpscope.study.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import org.sharpscope.study.Progress;

/** A sweep of {@link LogisticTask} cells in a JVM of its own, for tests that kill it: {@code SPEC OUT WORKERS}. */
public final class SweepChild {
    private SweepChild() {}

    public static void main(String[] args) throws Exception {
        Path spec = Path.of(args[0]);
        String text = Files.readString(spec);
        SweepPlan plan = SweepPlan.of(SweepSpec.parse(text, spec.toString()), LogisticTask::lookup);
        SweepDirectory dir = SweepDirectory.prepare(Path.of(args[1]), plan, text, false, false);
        new LocalRunner(Integer.parseInt(args[2]), Progress.NONE).run(dir, plan.task(), dir.pending(plan));
    }
}
