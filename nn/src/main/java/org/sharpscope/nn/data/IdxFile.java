package org.sharpscope.nn.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.sharpscope.UserInputException;
import org.sharpscope.run.AtomicFiles;

/**
 * The IDX format of MNIST and Fashion-MNIST (gzipped or not): magic 0x00 0x00 0x08 ndims,
 * ndims big-endian int32 sizes, then unsigned bytes. Only the unsigned-byte type is supported.
 */
public final class IdxFile {
    private static final int UBYTE = 0x08;

    /** Sizes and bytes of one IDX array. */
    public record Array(int[] dims, byte[] data) {}

    private IdxFile() {}

    public static Array read(Path path) {
        try (InputStream raw = Files.newInputStream(path)) {
            return read(raw, path.toString());
        } catch (IOException e) {
            throw new UserInputException("cannot read " + path + ": " + e.getMessage());
        }
    }

    /** Reads one IDX array (gzipped or not) from {@code stream}, left open; {@code path} names it in errors. */
    public static Array read(InputStream stream, String path) {
        try {
            InputStream raw = new BufferedInputStream(stream);
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
            DataInputStream d = new DataInputStream(in);
            int m0;
            int m1;
            int type;
            int ndims;
            try {
                m0 = d.readUnsignedByte();
                m1 = d.readUnsignedByte();
                type = d.readUnsignedByte();
                ndims = d.readUnsignedByte();
            } catch (EOFException e) {
                throw new UserInputException(path + " is truncated (shorter than an IDX header); download it again");
            }
            if (m0 != 0 || m1 != 0 || ndims < 1 || ndims > 3) {
                throw new UserInputException(path + " is not an IDX file (bad magic number " + String.format(
                        "0x%02x%02x%02x%02x", m0, m1, type, ndims) + "); point --data-dir at the MNIST-format files");
            }
            if (type != UBYTE) {
                throw new UserInputException(path + " holds IDX type 0x" + Integer.toHexString(type)
                        + "; only unsigned-byte IDX files (images and labels) are supported");
            }
            int[] dims = new int[ndims];
            long total = 1;
            try {
                for (int i = 0; i < ndims; i++) {
                    dims[i] = d.readInt();
                    if (dims[i] < 0) throw new UserInputException(path + " has a negative dimension; the file is corrupt");
                    total *= dims[i];
                }
            } catch (EOFException e) {
                throw new UserInputException(path + " is truncated inside its header; download it again");
            }
            if (total > Integer.MAX_VALUE - 8) throw new UserInputException(path + " is too large (" + total + " bytes)");
            byte[] data = new byte[(int) total];
            int got = d.readNBytes(data, 0, data.length);
            if (got < data.length) {
                throw new UserInputException(path + " is truncated: header promises " + total + " bytes of data, found "
                        + got + "; download it again");
            }
            return new Array(dims, data);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + path + ": " + e.getMessage());
        }
    }

    /** Writes an unsigned-byte IDX file atomically, gzipped when {@code gzip}. */
    public static void write(Path path, int[] dims, byte[] data, boolean gzip) {
        ByteBuffer header = ByteBuffer.allocate(4 + 4 * dims.length);
        header.put((byte) 0).put((byte) 0).put((byte) UBYTE).put((byte) dims.length);
        for (int s : dims) header.putInt(s);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (gzip) {
                try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                    gz.write(header.array());
                    gz.write(data);
                }
            } else {
                bytes.write(header.array());
                bytes.write(data);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        AtomicFiles.write(path, bytes.toByteArray());
    }

    /** Reads an images file ([n, h, w] or [n, d]) and a labels file ([n]) into labeled examples. */
    public static LabeledImages readLabeled(Path images, Path labels, int classes) {
        return labeled(read(images), read(labels), images.toString(), labels.toString(), classes);
    }

    /** Labeled examples from an images array ([n, h, w] or [n, d]) and a labels array ([n]), named in errors. */
    public static LabeledImages labeled(Array im, Array lb, String images, String labels, int classes) {
        if (lb.dims().length != 1) {
            throw new UserInputException(labels + " is not a label file (it has " + lb.dims().length + " dimensions, expected 1)");
        }
        if (im.dims()[0] != lb.dims()[0]) {
            throw new UserInputException(images + " holds " + im.dims()[0] + " images but " + labels + " holds "
                    + lb.dims()[0] + " labels; the files do not belong together");
        }
        long[] shape = new long[im.dims().length == 3 ? 3 : 1];
        if (im.dims().length == 3) {
            shape[0] = 1;
            shape[1] = im.dims()[1];
            shape[2] = im.dims()[2];
        } else if (im.dims().length == 2) {
            shape[0] = im.dims()[1];
        } else {
            throw new UserInputException(images + " is not an image file (1 dimension)");
        }
        int[] lab = new int[lb.data().length];
        for (int i = 0; i < lab.length; i++) {
            lab[i] = lb.data()[i] & 0xff;
            if (lab[i] >= classes) {
                throw new UserInputException(labels + " has label " + lab[i] + " at " + i + "; expected 0.." + (classes - 1));
            }
        }
        return new LabeledImages(shape, im.data(), lab, classes);
    }
}
