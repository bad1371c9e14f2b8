package org.sharpscope.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.UserInputException;

/** Issue 16: a write that cannot happen is one line naming what is in the way, never an exception's class name. */
class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aTargetUnderAFileNamesTheFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertThatThrownBy(() -> AtomicFiles.writeString(file.resolve("out/spectrum.json"), "{}"))
                .isInstanceOf(UserInputException.class)
                .hasMessage("cannot write " + file.resolve("out/spectrum.json") + ": " + file
                        + " is a file, not a directory; choose a path under a directory");
        assertThat(file).hasContent("x");
    }

    @Test
    void aTargetThatIsADirectoryIsRefused() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("out.safetensors"));
        assertThatThrownBy(() -> AtomicFiles.writeString(dir, "x"))
                .isInstanceOf(UserInputException.class).hasMessage("cannot write " + dir + ": it is a directory; give a file path");
    }

    @Test
    void reasonsAreWordsNotClassNames() {
        assertThat(AtomicFiles.reason(new NoSuchFileException("/proc/x"))).isEqualTo("no such file or directory");
        assertThat(AtomicFiles.reason(new FileAlreadyExistsException("/a"))).isEqualTo("a file of that name is in the way");
        assertThat(AtomicFiles.reason(new AccessDeniedException("/a"))).isEqualTo("permission denied");
        assertThat(AtomicFiles.reason(new FileSystemException("/a", null, "No space left on device"))).isEqualTo("No space left on device");
        assertThat(AtomicFiles.reason(new FileSystemException("/a"))).isEqualTo("file system error");
        assertThat(AtomicFiles.reason(new IOException())).isEqualTo("input/output error");
    }

    @Test
    void anUnwritablePlaceIsOneLine() {
        assertThatThrownBy(() -> RunDirectory.create(Path.of("/proc/sharpscope-test/run")))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("cannot create run directory /proc/sharpscope-test/run (")
                .hasMessageEndingWith("); give --out a writable place")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception"));
    }
}
