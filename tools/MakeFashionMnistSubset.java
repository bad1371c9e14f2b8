// Builds the Fashion-MNIST subset bundled with sharpscope (nn/src/main/resources/org/sharpscope/nn/data/
// fashion-mnist-subset/) from Debian's dataset-fashion-mnist. From the repository root:
//
//   mvn -B -q -pl nn -am compile
//   java -cp core/target/classes:nn/target/classes tools/MakeFashionMnistSubset.java \
//       [/usr/share/datasets/fashion-mnist [nn/src/main/resources/org/sharpscope/nn/data/fashion-mnist-subset]]
//
// Each split is the stratified draw with seed 0 of DatasetLoader.subsetIndices (the loader's own
// code) from the full split: 6,000 of the 60,000 training examples (600 per class) and 2,000 of the
// 10,000 test examples (200 per class), written in the full split's order as gzipped IDX files, plus
// <split>-index.txt giving each example's index in the full split and its position among the full
// split's examples of its class. The output depends only on the package's files.
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.sharpscope.nn.data.DatasetLoader;
import org.sharpscope.nn.data.IdxFile;
import org.sharpscope.nn.data.LabeledImages;

public class MakeFashionMnistSubset {
    static final int CLASSES = 10;
    static final long SEED = 0;

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args.length > 0 ? args[0] : "/usr/share/datasets/fashion-mnist");
        Path out = Path.of(args.length > 1 ? args[1] : "nn/src/main/resources/org/sharpscope/nn/data/fashion-mnist-subset");
        Files.createDirectories(out);
        split(in, out, "train", "training", 6000);
        split(in, out, "t10k", "test", 2000);
    }

    static void split(Path in, Path out, String prefix, String name, int size) throws IOException {
        LabeledImages full = IdxFile.readLabeled(in.resolve(prefix + "-images-idx3-ubyte.gz"),
                in.resolve(prefix + "-labels-idx1-ubyte.gz"), CLASSES);
        int[] labels = full.labels();
        int[] counts = new int[CLASSES];
        int[] position = new int[labels.length];
        for (int i = 0; i < labels.length; i++) position[i] = counts[labels[i]]++;
        int[] idx = DatasetLoader.subsetIndices(labels, CLASSES, size, true, SEED);
        int per = full.exampleSize();
        byte[] px = new byte[idx.length * per];
        byte[] lb = new byte[idx.length];
        StringBuilder index = new StringBuilder();
        index.append("# Fashion-MNIST ").append(name).append(" examples bundled with sharpscope: the stratified draw of ")
                .append(size).append(" with seed ").append(SEED).append(" from the full split\n")
                .append("# (made by tools/MakeFashionMnistSubset.java from Debian's dataset-fashion-mnist).\n")
                .append("# class-counts: the full split's examples per class. Then one line per bundled example, in the\n")
                .append("# order of ").append(prefix).append("-images-idx3-ubyte.gz: its index in the full split and its\n")
                .append("# position among the full split's examples of its class.\n")
                .append("class-counts");
        for (int c : counts) index.append(' ').append(c);
        index.append('\n');
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(full.pixels(), idx[i] * per, px, i * per, per);
            lb[i] = (byte) labels[idx[i]];
            index.append(idx[i]).append(' ').append(position[idx[i]]).append('\n');
        }
        long[] shape = full.exampleShape();
        IdxFile.write(out.resolve(prefix + "-images-idx3-ubyte.gz"),
                new int[] {idx.length, (int) shape[1], (int) shape[2]}, px, true);
        IdxFile.write(out.resolve(prefix + "-labels-idx1-ubyte.gz"), new int[] {idx.length}, lb, true);
        Files.writeString(out.resolve(prefix + "-index.txt"), index.toString(), StandardCharsets.UTF_8);
        int[] bundled = new int[CLASSES];
        for (byte b : lb) bundled[b]++;
        System.out.println(prefix + ": " + idx.length + " of " + labels.length + " examples, per class "
                + Arrays.toString(bundled));
    }
}
