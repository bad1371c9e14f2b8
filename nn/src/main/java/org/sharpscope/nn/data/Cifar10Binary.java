package org.sharpscope.nn.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sharpscope.UserInputException;
import org.sharpscope.run.AtomicFiles;

/**
 * The CIFAR-10 binary format: records of one label byte (0–9) followed by 3072 pixel bytes
 * (1024 red, 1024 green, 1024 blue, each 32×32 row-major), files data_batch_1..5.bin and
 * test_batch.bin.
 */
public final class Cifar10Binary {
    public static final int RECORD = 1 + 3 * 32 * 32;
    public static final List<String> TRAIN_FILES = List.of(
            "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    public static final String TEST_FILE = "test_batch.bin";

    private Cifar10Binary() {}

    /** Reads and concatenates the records of the given files, in order. */
    public static LabeledImages read(List<Path> files) {
        byte[][] contents = new byte[files.size()][];
        long records = 0;
        for (int f = 0; f < files.size(); f++) {
            Path p = files.get(f);
            try {
                contents[f] = Files.readAllBytes(p);
            } catch (IOException e) {
                throw new UserInputException("cannot read " + p + ": " + e.getMessage());
            }
            if (contents[f].length % RECORD != 0) {
                throw new UserInputException(p + " is truncated or not CIFAR-10 binary: " + contents[f].length
                        + " bytes is not a multiple of the " + RECORD + "-byte record; download it again");
            }
            records += contents[f].length / RECORD;
        }
        int n = Math.toIntExact(records);
        byte[] pixels = new byte[n * (RECORD - 1)];
        int[] labels = new int[n];
        int r = 0;
        for (int f = 0; f < contents.length; f++) {
            byte[] c = contents[f];
            for (int off = 0; off < c.length; off += RECORD, r++) {
                int label = c[off] & 0xff;
                if (label > 9) {
                    throw new UserInputException(files.get(f) + " has label byte " + label + " in record "
                            + (off / RECORD) + "; not a CIFAR-10 binary file (CIFAR-100 has a different layout)");
                }
                labels[r] = label;
                System.arraycopy(c, off + 1, pixels, r * (RECORD - 1), RECORD - 1);
            }
        }
        return new LabeledImages(new long[] {3, 32, 32}, pixels, labels, 10);
    }

    /** Writes records (used by tests and for exporting subsets) atomically. */
    public static void write(Path path, LabeledImages images) {
        if (images.exampleSize() != RECORD - 1) throw new IllegalArgumentException("CIFAR records hold 3x32x32 images");
        byte[] out = new byte[images.size() * RECORD];
        for (int i = 0; i < images.size(); i++) {
            out[i * RECORD] = (byte) images.labels()[i];
            System.arraycopy(images.pixels(), i * (RECORD - 1), out, i * RECORD + 1, RECORD - 1);
        }
        AtomicFiles.write(path, out);
    }
}
