package org.sharpscope.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.UserInputException;

class CsvTableTest {
    @Test
    void readsBackWhatItWrites(@TempDir Path tmp) throws Exception {
        CsvTable t = new CsvTable(List.of("step", "loss", "note"));
        t.add(0, 0.1 + 0.2, "a, \"quoted\" note");
        t.add(1, Double.NaN, null);
        Path f = tmp.resolve("m.csv");
        Files.writeString(f, t.toCsv());
        CsvTable back = CsvTable.read(f);
        assertThat(back.columns()).containsExactly("step", "loss", "note");
        assertThat(back.toCsv()).isEqualTo(t.toCsv());
        assertThat(back.get(0, 2)).isEqualTo("a, \"quoted\" note");
        assertThat(back.doubles("loss")).containsExactly(0.1 + 0.2, Double.NaN);
        assertThat(back.doubles("note")).containsExactly(Double.NaN, Double.NaN);
        assertThat(back.doubles("missing")).isEmpty();
    }

    @Test
    void aDamagedRowIsAOneLineError(@TempDir Path tmp) throws Exception {
        Path f = Files.writeString(tmp.resolve("m.csv"), "step,loss\n0,1.0\n1\n");
        assertThatThrownBy(() -> CsvTable.read(f)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("line 3 has 1 fields, expected 2");
        assertThatThrownBy(() -> CsvTable.read(tmp.resolve("none.csv"))).isInstanceOf(UserInputException.class);
    }

    @Test
    void textColumnsReadBackWithQuotesRemovedAndEmptyCellsAsNull(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        CsvTable t = new CsvTable(java.util.List.of("x", "label", "flag"));
        double[] xs = {0.1 + 0.2, Double.NaN, Double.NEGATIVE_INFINITY, -1.9162411608694e-17};
        t.add(xs[0], "a, \"quoted\" label", true);
        t.add(xs[1], null, false);
        t.add(xs[2], "plain", null);
        t.add(xs[3], "", true);
        java.nio.file.Path f = tmp.resolve("t.csv");
        java.nio.file.Files.writeString(f, t.toCsv());
        CsvTable back = CsvTable.read(f);
        org.assertj.core.api.Assertions.assertThat(java.util.Arrays.equals(back.doubles("x"), xs)).isTrue();
        org.assertj.core.api.Assertions.assertThat(back.strings("label")).containsExactly("a, \"quoted\" label", null, "plain", null);
        org.assertj.core.api.Assertions.assertThat(back.strings("flag")).containsExactly("true", "false", null, "true");
        org.assertj.core.api.Assertions.assertThat(back.toCsv()).isEqualTo(t.toCsv());
    }
}
