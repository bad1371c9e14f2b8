package org.sharpscope.report.plot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.sharpscope.run.AtomicFiles;

/** Saves XChart charts as PNG and SVG, atomically (the one place plots touch the disk). */
public final class ChartFiles {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ChartFiles() {}

    /** Writes {@code dir/name.png} and {@code dir/name.svg}; returns the PNG path. */
    public static Path save(Chart<?, ?> chart, Path dir, String name) {
        Path png = dir.resolve(name + ".png");
        AtomicFiles.write(png, pngBytes(chart));
        AtomicFiles.write(dir.resolve(name + ".svg"), svgBytes(chart));
        return png;
    }

    /** Writes a rendered image as {@code dir/name.png}, atomically; returns the path. */
    public static Path saveImage(java.awt.image.BufferedImage image, Path dir, String name) {
        Path png = dir.resolve(name + ".png");
        AtomicFiles.write(png, Png.encode(image));
        return png;
    }

    public static byte[] pngBytes(Chart<?, ?> chart) {
        return Png.encode(BitmapEncoder.getBufferedImage(chart));
    }

    public static byte[] svgBytes(Chart<?, ?> chart) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
