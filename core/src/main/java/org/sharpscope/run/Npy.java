package org.sharpscope.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sharpscope.UserInputException;

/**
 * NumPy's {@code .npy} format, version 1.0, for C-ordered little-endian float64 arrays
 * ({@code '<f8'}): {@code numpy.load} reads what {@link #write} writes (atomically), and
 * {@link #read} reads such files back.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** A float64 array with its shape (row-major data). */
    public record Array(long[] shape, double[] data) {
    }

    private Npy() {}

    /** The bytes of an .npy file holding {@code data} with {@code shape} (product must equal data.length). */
    public static byte[] encode(double[] data, long... shape) {
        long n = 1;
        for (long s : shape) {
            if (s < 0) throw new IllegalArgumentException("negative dimension");
            n *= s;
        }
        if (n != data.length) throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + data.length + " values");
        StringBuilder dims = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            dims.append(shape[i]);
            if (shape.length == 1 || i + 1 < shape.length) dims.append(shape.length == 1 ? "," : ", ");
        }
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + dims + "), }";
        // Pad with spaces and a final newline so the data starts on a 64-byte boundary.
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        if (header.length() > 65535) throw new IllegalArgumentException("header too long for format 1.0");
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + 8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        buf.put(header.getBytes(StandardCharsets.US_ASCII));
        buf.asDoubleBuffer().put(data);
        return buf.array();
    }

    /** Writes {@code data} with {@code shape} to {@code target} atomically. */
    public static void write(Path target, double[] data, long... shape) {
        AtomicFiles.write(target, encode(data, shape));
    }

    /** Reads a float64 C-ordered .npy file; a file in another form is a {@link UserInputException}. */
    public static Array read(Path source) {
        try {
            return decode(Files.readAllBytes(source), source.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    public static Array decode(byte[] bytes, String name) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new UserInputException(name + " is not an .npy file (bad magic); write it with numpy.save");
        }
        int major = bytes[6];
        int headerLen;
        int offset;
        if (major == 1) {
            headerLen = Short.toUnsignedInt(buf.getShort(8));
            offset = 10;
        } else if (major == 2 || major == 3) {
            headerLen = buf.getInt(8);
            offset = 12;
        } else {
            throw new UserInputException(name + ": unsupported .npy version " + major);
        }
        if (offset + headerLen > bytes.length) throw new UserInputException(name + ": truncated .npy header");
        String header = new String(bytes, offset, headerLen, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) throw new UserInputException(name + ": malformed .npy header: " + header.trim());
        if (!d.group(1).equals("<f8")) {
            throw new UserInputException(name + " holds dtype " + d.group(1) + "; only little-endian float64 ('<f8') is supported");
        }
        if (f.group(1).equals("True")) throw new UserInputException(name + " is Fortran-ordered; save it C-ordered");
        String[] parts = s.group(1).split(",");
        long[] shape = Arrays.stream(parts).map(String::trim).filter(t -> !t.isEmpty()).mapToLong(Long::parseLong).toArray();
        long n = 1;
        for (long v : shape) n *= v;
        int dataStart = offset + headerLen;
        if ((long) dataStart + 8 * n != bytes.length) {
            throw new UserInputException(name + ": data length does not match shape " + Arrays.toString(shape));
        }
        double[] data = new double[(int) n];
        ByteBuffer.wrap(bytes, dataStart, (int) (8 * n)).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(data);
        return new Array(shape, data);
    }
}
