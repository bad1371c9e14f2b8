package org.sharpscope.cli.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Inputs that only a real run makes: a small train run directory (with checkpoints) and a
 * checkpoint of another width, each made once on first use and then copied into the cases
 * that damage them.
 */
final class Templates {
    private final Path root;
    private final CaseRunner runner;
    private Path trainRun;
    private Path otherWidth;

    Templates(Path root, CaseRunner runner) {
        this.root = root;
        this.runner = runner;
    }

    Path trainRun() {
        if (trainRun == null) trainRun = train("train-run", 4);
        return trainRun;
    }

    Path checkpoint() {
        return latestCheckpoint(trainRun());
    }

    Path otherWidthCheckpoint() {
        if (otherWidth == null) otherWidth = train("train-run-width-5", 5);
        return latestCheckpoint(otherWidth);
    }

    private Path train(String name, int width) {
        Path out = root.resolve(name);
        Invocation inv = Bases.network("train").with("--width", String.valueOf(width)).with("--steps", "4")
                .with("--checkpoint-every", "2").with("--eta", "0.1").with("--out", out.toString());
        CaseRunner.Outcome o = runner.run(inv.args(), 60_000);
        if (o.exit() != 0) {
            throw new IllegalStateException("the template run '" + inv.commandLine() + "' failed (exit " + o.exit() + "): "
                    + o.err().strip() + (o.uncaught() != null ? " " + o.uncaught() : ""));
        }
        return out;
    }

    private static Path latestCheckpoint(Path run) {
        List<Path> cs = Damage.list(run.resolve("checkpoints"));
        if (cs.isEmpty() || !Files.isRegularFile(cs.get(cs.size() - 1))) {
            throw new IllegalStateException("the template run " + run + " has no checkpoint");
        }
        return cs.get(cs.size() - 1);
    }
}
