package org.sharpscope.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.UserInputException;

class SafetensorsTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsF64F32AndI64WithMetadata() {
        Map<String, Safetensors.Tensor> t = new LinkedHashMap<>();
        double[] a = {1.5, -2.25, Math.PI, 1e-300, Double.MAX_VALUE, -0.0};
        t.put("layers.0.weight", Safetensors.Tensor.ofDoubles(a, new long[] {2, 3}, "F64"));
        t.put("x", Safetensors.Tensor.ofDoubles(new double[] {0.1, 2}, new long[] {2}, "F32"));
        t.put("labels", Safetensors.Tensor.ofLongs(new long[] {3, 9, 0}, new long[] {3}));
        t.put("scalar", Safetensors.Tensor.ofDoubles(new double[] {7}, new long[] {}, "F64"));
        Path p = dir.resolve("c.safetensors");
        Safetensors.write(p, t, Map.of("model", "fcn"));
        Safetensors.Contents c = Safetensors.read(p);
        assertThat(c.metadata()).containsEntry("model", "fcn");
        assertThat(c.tensors().keySet()).containsExactly("layers.0.weight", "x", "labels", "scalar");
        assertThat(c.tensors().get("layers.0.weight").toDoubles()).containsExactly(a);
        assertThat(c.tensors().get("layers.0.weight").shape()).containsExactly(2, 3);
        assertThat(c.tensors().get("x").toDoubles()).containsExactly((double) 0.1f, 2.0);
        assertThat(c.tensors().get("labels").toDoubles()).containsExactly(3, 9, 0);
        assertThat(c.tensors().get("scalar").toDoubles()).containsExactly(7);
    }

    @Test
    void layoutFollowsTheSpecification() {
        byte[] bytes = Safetensors.encode(Map.of("w", Safetensors.Tensor.ofDoubles(new double[] {1.0}, new long[] {1}, "F32")), null);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = b.getLong();
        assertThat(n % 8).isZero();
        String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8).trim();
        assertThat(header).isEqualTo("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}");
        assertThat(b.position(8 + (int) n).getFloat()).isEqualTo(1.0f);
        assertThat(bytes.length).isEqualTo(8 + n + 4);
    }

    @Test
    void rejectsTruncatedAndForeignFiles() throws Exception {
        byte[] good = Safetensors.encode(Map.of("w", Safetensors.Tensor.ofDoubles(new double[] {1, 2, 3}, new long[] {3}, "F64")), null);
        Path cut = dir.resolve("cut.safetensors");
        Files.write(cut, java.util.Arrays.copyOf(good, good.length - 5));
        assertThatThrownBy(() -> Safetensors.read(cut)).isInstanceOf(UserInputException.class).hasMessageContaining("truncated");
        Path foreign = dir.resolve("foreign.safetensors");
        Files.writeString(foreign, "hello world, not tensors");
        assertThatThrownBy(() -> Safetensors.read(foreign)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("not a safetensors file");
    }
}
