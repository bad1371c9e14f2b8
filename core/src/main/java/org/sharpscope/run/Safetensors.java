package org.sharpscope.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sharpscope.UserInputException;

/**
 * The safetensors format (readable by PyTorch, JAX, numpy): an 8-byte little-endian header
 * length, a JSON header {name: {dtype, shape, data_offsets}, "__metadata__": {string: string}},
 * then the raw little-endian tensors. Used for checkpoints and data exports; writes are atomic.
 */
public final class Safetensors {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long MAX_HEADER = 100L << 20;

    private Safetensors() {}

    /** One tensor: dtype ("F64", "F32", "I64", "I32", "U8"), shape and raw little-endian bytes. */
    public record Tensor(String dtype, long[] shape, byte[] data) {
        public Tensor {
            long expected = elementSize(dtype);
            for (long s : shape) expected *= s;
            if (expected != data.length) {
                throw new IllegalArgumentException("tensor of dtype " + dtype + " and shape " + java.util.Arrays.toString(shape)
                        + " needs " + expected + " bytes, got " + data.length);
            }
        }

        /** Doubles stored as F64, or rounded to F32 when {@code dtype} is "F32". */
        public static Tensor ofDoubles(double[] values, long[] shape, String dtype) {
            ByteBuffer b = ByteBuffer.allocate(values.length * elementSize(dtype)).order(ByteOrder.LITTLE_ENDIAN);
            switch (dtype) {
                case "F64" -> { for (double v : values) b.putDouble(v); }
                case "F32" -> { for (double v : values) b.putFloat((float) v); }
                default -> throw new IllegalArgumentException("ofDoubles writes F64 or F32, not " + dtype);
            }
            return new Tensor(dtype, shape.clone(), b.array());
        }

        public static Tensor ofLongs(long[] values, long[] shape) {
            ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (long v : values) b.putLong(v);
            return new Tensor("I64", shape.clone(), b.array());
        }

        public long numel() {
            long n = 1;
            for (long s : shape) n *= s;
            return n;
        }

        /** The values as doubles (any supported dtype). */
        public double[] toDoubles() {
            ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            double[] out = new double[Math.toIntExact(numel())];
            for (int i = 0; i < out.length; i++) {
                out[i] = switch (dtype) {
                    case "F64" -> b.getDouble();
                    case "F32" -> b.getFloat();
                    case "I64" -> b.getLong();
                    case "I32" -> b.getInt();
                    case "U8" -> b.get() & 0xff;
                    default -> throw new IllegalStateException(dtype);
                };
            }
            return out;
        }
    }

    /** A file's tensors (in file order) and its string metadata. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {}

    static int elementSize(String dtype) {
        return switch (dtype) {
            case "F64", "I64" -> 8;
            case "F32", "I32" -> 4;
            case "U8" -> 1;
            default -> throw new UserInputException("unsupported safetensors dtype '" + dtype + "' (F64, F32, I64, I32, U8)");
        };
    }

    /** The file's bytes: header (padded with spaces to a multiple of 8) then data, in map order. */
    public static byte[] encode(Map<String, Tensor> tensors, Map<String, String> metadata) {
        Map<String, Object> header = new LinkedHashMap<>();
        if (metadata != null && !metadata.isEmpty()) header.put("__metadata__", metadata);
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("dtype", e.getValue().dtype());
            h.put("shape", e.getValue().shape());
            h.put("data_offsets", new long[] {offset, offset + e.getValue().data().length});
            header.put(e.getKey(), h);
            offset += e.getValue().data().length;
        }
        byte[] json;
        try {
            json = MAPPER.writeValueAsBytes(header);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded);
        out.put(json);
        for (int i = json.length; i < padded; i++) out.put((byte) ' ');
        for (Tensor t : tensors.values()) out.put(t.data());
        return out.array();
    }

    /** Writes the file atomically. */
    public static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata) {
        AtomicFiles.write(path, encode(tensors, metadata));
    }

    public static Contents read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + path + ": " + e.getMessage());
        }
        return decode(bytes, path.toString());
    }

    /** Parses safetensors bytes; {@code source} names them in error messages. */
    public static Contents decode(byte[] bytes, String source) {
        if (bytes.length < 8) throw new UserInputException(source + " is not a safetensors file (shorter than 8 bytes)");
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = b.getLong();
        if (n < 2 || n > MAX_HEADER) {
            throw new UserInputException(source + " is not a safetensors file (header length " + n + ")");
        }
        if (8 + n > bytes.length) {
            throw new UserInputException(source + " is truncated: header of " + n + " bytes but the file has " + bytes.length);
        }
        Map<String, Object> header;
        try {
            header = MAPPER.readValue(new String(bytes, 8, (int) n, StandardCharsets.UTF_8).trim(),
                    new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (IOException e) {
            throw new UserInputException(source + " is not a safetensors file (header is not JSON)");
        }
        long dataStart = 8 + n;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Map.Entry<String, Object>> entries = new ArrayList<>(header.entrySet());
        entries.sort((a, c) -> Long.compare(offsetOf(a.getValue()), offsetOf(c.getValue())));
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : entries) {
            if (e.getKey().equals("__metadata__")) {
                if (e.getValue() instanceof Map<?, ?> m) m.forEach((k, v) -> metadata.put(String.valueOf(k), String.valueOf(v)));
                continue;
            }
            if (!(e.getValue() instanceof Map<?, ?> m)) throw new UserInputException(source + ": bad entry '" + e.getKey() + "'");
            String dtype = String.valueOf(m.get("dtype"));
            List<?> shapeList = (List<?>) m.get("shape");
            List<?> offs = (List<?>) m.get("data_offsets");
            if (shapeList == null || offs == null || offs.size() != 2) {
                throw new UserInputException(source + ": entry '" + e.getKey() + "' lacks shape or data_offsets");
            }
            long[] shape = new long[shapeList.size()];
            for (int i = 0; i < shape.length; i++) shape[i] = ((Number) shapeList.get(i)).longValue();
            long begin = ((Number) offs.get(0)).longValue();
            long end = ((Number) offs.get(1)).longValue();
            if (begin < 0 || end < begin || dataStart + end > bytes.length) {
                throw new UserInputException(source + " is truncated: tensor '" + e.getKey() + "' ends at byte "
                        + (dataStart + end) + " of a " + bytes.length + "-byte file");
            }
            byte[] data = java.util.Arrays.copyOfRange(bytes, (int) (dataStart + begin), (int) (dataStart + end));
            try {
                tensors.put(e.getKey(), new Tensor(dtype, shape, data));
            } catch (IllegalArgumentException ex) {
                throw new UserInputException(source + ": tensor '" + e.getKey() + "': " + ex.getMessage());
            }
        }
        return new Contents(tensors, metadata);
    }

    private static long offsetOf(Object entry) {
        if (entry instanceof Map<?, ?> m && m.get("data_offsets") instanceof List<?> l && !l.isEmpty()) {
            return ((Number) l.get(0)).longValue();
        }
        return -1;
    }
}
