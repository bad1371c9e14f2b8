package org.sharpscope.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.UserInputException;

class NpyTest {
    /** Header bytes exactly as numpy 1.24 np.save writes them (checked with numpy). */
    @Test
    void headerMatchesNumpyByteForByte() {
        byte[] b = Npy.encode(new double[] {0, 1, 2}, 3);
        String expected = "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }" + " ".repeat(60) + "\n";
        assertThat(b.length).isEqualTo(128 + 24);
        assertThat(Arrays.copyOfRange(b, 0, 10)).containsExactly(0x93 - 256, 'N', 'U', 'M', 'P', 'Y', 1, 0, 0x76, 0);
        assertThat(new String(b, 10, 118, StandardCharsets.US_ASCII)).isEqualTo(expected);
        // Little-endian 1.0 = 0x3FF0000000000000 at bytes 136..143.
        assertThat(b[143]).isEqualTo((byte) 0x3F);
        assertThat(b[142]).isEqualTo((byte) 0xF0);

        String h2 = new String(Npy.encode(new double[6], 2, 3), 10, 118, StandardCharsets.US_ASCII);
        assertThat(h2).startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }").endsWith(" \n");
    }

    @Test
    void roundTripsExactly(@TempDir Path dir) {
        double[] data = {Math.PI, -0.0, Double.NaN, Double.POSITIVE_INFINITY, 1e-300, 7};
        Path f = dir.resolve("a.npy");
        Npy.write(f, data, 3, 2);
        Npy.Array a = Npy.read(f);
        assertThat(a.shape()).containsExactly(3, 2);
        for (int i = 0; i < data.length; i++) {
            assertThat(Double.doubleToRawLongBits(a.data()[i])).isEqualTo(Double.doubleToRawLongBits(data[i]));
        }
    }

    @Test
    void rejectsOtherDtypesAndGarbage() {
        byte[] b = Npy.encode(new double[] {1}, 1);
        byte[] i4 = new String(b, StandardCharsets.ISO_8859_1).replace("<f8", "<i8").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> Npy.decode(i4, "x.npy")).isInstanceOf(UserInputException.class).hasMessageContaining("<i8");
        assertThatThrownBy(() -> Npy.decode(new byte[] {1, 2, 3}, "x.npy")).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> Npy.encode(new double[3], 2, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
