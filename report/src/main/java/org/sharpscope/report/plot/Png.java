package org.sharpscope.report.plot;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * PNG encoding of a rendered image: 8-bit RGB (RGBA when the image has alpha), no row filter,
 * default deflate. ImageIO's writer first scans every jar on the class path for image plug-ins
 * (a few hundred milliseconds with this program's libraries) and tries five filters per row; on
 * the plots drawn here (flat colour, text, lines, density images) this gives files no larger, in
 * a fraction of the time.
 */
public final class Png {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private Png() {}

    /** The bytes of a PNG file holding {@code image}. */
    public static byte[] encode(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean alpha = image.getColorModel().hasAlpha();
        int channels = alpha ? 4 : 3;
        int[] argb = packedRgb(image);
        if (argb == null) argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] raw = new byte[h * (1 + channels * w)];
        int k = 0;
        for (int y = 0; y < h; y++) {
            raw[k++] = 0; // filter type None
            for (int x = y * w, end = x + w; x < end; x++) {
                int p = argb[x];
                raw[k++] = (byte) (p >>> 16);
                raw[k++] = (byte) (p >>> 8);
                raw[k++] = (byte) p;
                if (alpha) raw[k++] = (byte) (p >>> 24);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 1024);
        out.writeBytes(SIGNATURE);
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) (alpha ? 6 : 2))
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", deflate(raw));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** The pixels of an unshared TYPE_INT_RGB image as stored (0xRRGGBB, row by row), or null for any other image. */
    private static int[] packedRgb(BufferedImage image) {
        var raster = image.getRaster();
        if (image.getType() != BufferedImage.TYPE_INT_RGB || !(raster.getDataBuffer() instanceof DataBufferInt buffer)) return null;
        int[] data = buffer.getData();
        boolean whole = data.length == image.getWidth() * image.getHeight() && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0;
        return whole ? data : null;
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream z = new ByteArrayOutputStream(raw.length / 4 + 64);
            byte[] buf = new byte[1 << 16];
            while (!deflater.finished()) z.write(buf, 0, deflater.deflate(buf));
            return z.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
