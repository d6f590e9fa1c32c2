package org.fvstudio.cache;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.fvstudio.export.FloatMap;
import org.fvstudio.input.BoundedImageReader;
import org.fvstudio.pose.render.PngImages;

/**
 * Correlation maps as 16-bit greyscale PNGs: values scaled linearly from [min, max] to 0..65535, so a map
 * comes back within (max - min) / 131070 of what was stored; min and max are kept in the entry's JSON.
 */
final class Map16Codec {

    static final int LEVELS = 65535;

    private Map16Codec() {
    }

    static byte[] encode(FloatMap map, float min, float max) throws IOException {
        int[] levels = new int[map.width() * map.height()];
        double span = (double) max - min;
        float[] values = map.values();
        for (int i = 0; i < levels.length; i++) {
            int level = span > 0 ? (int) Math.round((values[i] - (double) min) / span * LEVELS) : 0;
            levels[i] = Math.max(0, Math.min(LEVELS, level));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngImages.writeGrey16(map.width(), map.height(), levels, out);
        return out.toByteArray();
    }

    static FloatMap decode(byte[] png, int width, int height, float min, float max) throws IOException {
        var header = BoundedImageReader.header(png, "map");
        if (header.isEmpty()) {
            throw new IOException("not a PNG");
        }
        if (header.get().width() != width || header.get().height() != height) {
            throw new IOException("map is " + header.get().width() + "x" + header.get().height() + ", expected " + width
                    + "x" + height);
        }
        BufferedImage image = BoundedImageReader.read(png, "map", BoundedImageReader.FULL_SIZE).image();
        if (image.getRaster().getSampleModel().getSampleSize(0) != 16) {
            throw new IOException("map is not a 16-bit greyscale PNG");
        }
        float[] values = new float[width * height];
        double step = ((double) max - min) / LEVELS;
        var raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                values[y * width + x] = (float) (min + raster.getSample(x, y, 0) * step);
            }
        }
        return FloatMap.of(width, height, values);
    }
}
