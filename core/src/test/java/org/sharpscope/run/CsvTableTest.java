package org.sharpscope.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {
    @Test
    void whatIsWrittenReadsBackBitForBit(@TempDir Path tmp) throws Exception {
        CsvTable t = new CsvTable(java.util.List.of("x", "label", "flag"));
        double[] xs = {0.1 + 0.2, Double.NaN, Double.NEGATIVE_INFINITY, -1.9162411608694e-17};
        t.add(xs[0], "a, \"quoted\" label", true);
        t.add(xs[1], null, false);
        t.add(xs[2], "plain", null);
        t.add(xs[3], "", true);
        Path f = tmp.resolve("t.csv");
        Files.writeString(f, t.toCsv());
        CsvTable back = CsvTable.read(f);
        assertThat(back.columns()).containsExactly("x", "label", "flag");
        assertThat(Arrays.equals(back.doubles("x"), xs)).isTrue();
        assertThat(back.strings("label")).containsExactly("a, \"quoted\" label", null, "plain", null);
        assertThat(back.strings("flag")).containsExactly("true", "false", null, "true");
        assertThat(back.toCsv()).isEqualTo(t.toCsv());
    }
}
