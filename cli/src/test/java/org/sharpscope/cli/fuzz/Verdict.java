package org.sharpscope.cli.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sharpscope.cli.fuzz.BadValue.Expect;

/**
 * The promise every case is held to: exit 0 or 2; on 2 exactly one stderr line, starting with
 * {@code error:}; never an exception's text; a value that can never be right refused; a setting
 * that does nothing refused or warned about; an existing path never called missing; and no file
 * outside the given output touched, nothing that existed before overwritten.
 */
final class Verdict {
    private Verdict() {}

    /** One broken promise: {@code cause} groups it with others of the same kind, {@code detail} says what happened. */
    record Problem(String cause, String detail) {}

    /** Stack frames, exception class names, "Caused by", "... 3 more", picocli's doubled "error: Error:". */
    static final Pattern EXCEPTION_TEXT = Pattern.compile(
            "(?m)^\\s+at [\\w$.<>/]+\\(|Caused by: |^\\s*\\.\\.\\. \\d+ more|\\b\\w*(Exception|Error)\\b|(?i:error: error\\b)");

    static List<Problem> check(Expect expect, boolean notMissing, CaseRunner.Outcome o, long limitMillis,
                               List<TreeSnapshot.Change> changes, Predicate<Path> mayAdd, Predicate<Path> mayRewrite) {
        List<Problem> p = new ArrayList<>();
        if (o.timedOut()) {
            p.add(new Problem("ran longer than the per-case limit (" + limitMillis / 1000 + " s): a slow value needs a stated limit", ""));
            return p;
        }
        if (o.uncaught() != null) {
            p.add(new Problem("threw out of CommandLine.execute", o.uncaught().getClass().getName()));
            return p;
        }
        List<String> errLines = o.err().lines().filter(l -> !l.isBlank()).toList();
        String first = errLines.isEmpty() ? "" : errLines.get(0);
        if (o.exit() == 1 && first.contains("internal error")) {
            p.add(new Problem("exit 1: internal error", internalErrorClass(first)));
        } else if (o.exit() != 0 && o.exit() != 2) {
            p.add(new Problem("exit " + o.exit() + " (only 0 and 2 are allowed)", normalize(first)));
        }
        Matcher m = EXCEPTION_TEXT.matcher(o.err() + "\n" + o.out());
        if (m.find()) p.add(new Problem("exception text in the output", m.group().strip()));
        if (o.exit() == 2) {
            if (errLines.size() != 1) {
                p.add(new Problem("exit 2 with " + errLines.size() + " stderr lines instead of one", errLines.isEmpty() ? "" : normalize(first)));
            } else if (!first.startsWith("error: ")) {
                p.add(new Problem("exit 2 with a stderr line not starting with 'error: '", normalize(first)));
            }
            if (notMissing && first.toLowerCase(Locale.ROOT).contains("does not exist")) {
                p.add(new Problem("an existing path is said not to exist", normalize(first)));
            }
        }
        if (o.exit() == 0 && expect == Expect.REFUSE) {
            p.add(new Problem("accepted a value that must be refused (exit 0)", ""));
        }
        if (o.exit() == 0 && expect == Expect.REFUSE_OR_WARN
                && errLines.stream().noneMatch(l -> l.toLowerCase(Locale.ROOT).startsWith("warning"))) {
            p.add(new Problem("accepted a setting that does nothing or is out of range, without a warning", ""));
        }
        for (TreeSnapshot.Change c : changes) {
            if (c.kind().equals("added")) {
                if (!mayAdd.test(c.path())) p.add(new Problem("wrote outside the given output", c.kind()));
            } else if (!mayRewrite.test(c.path()) || (expect == Expect.REFUSE && o.exit() == 2)) {
                p.add(new Problem("changed a file that existed before (nothing valid may be overwritten)", c.kind()));
            }
        }
        return p;
    }

    /** "error: internal error in 'sharpscope x': java.lang.Foo: msg (...)" → "java.lang.Foo". */
    static String internalErrorClass(String line) {
        Matcher m = Pattern.compile("': ([\\w$.]+)").matcher(line);
        return m.find() ? m.group(1) : normalize(line);
    }

    /** A message with its paths and numbers replaced, so that one cause groups its cases. */
    static String normalize(String s) {
        String t = s.replaceAll("(/[\\w.@+-]+)+/?", "PATH").replaceAll("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?", "N");
        return t.length() > 140 ? t.substring(0, 140) + "…" : t;
    }
}
