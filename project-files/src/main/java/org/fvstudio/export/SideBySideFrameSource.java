package org.fvstudio.export;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.fvstudio.pose.render.RgbImage;

/**
 * A decorator that places several sources next to each other, each scaled to one common height with its
 * aspect ratio kept, optionally with its caption in the top-left corner.
 */
public final class SideBySideFrameSource implements FrameSource {

    private final List<Panel> panels;
    private final int height;
    private final int[] panelWidths;
    private final int width;
    private final boolean labels;

    public SideBySideFrameSource(List<Panel> panels, int height, boolean labels) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a side-by-side composition needs at least one panel");
        }
        if (height <= 0) {
            throw new IllegalArgumentException("height must be positive, got " + height);
        }
        int frames = panels.get(0).source().frameCount();
        for (int i = 1; i < panels.size(); i++) {
            if (panels.get(i).source().frameCount() != frames) {
                throw new IllegalArgumentException("panel " + i + " has " + panels.get(i).source().frameCount()
                        + " frames, panel 0 has " + frames);
            }
        }
        this.panels = List.copyOf(panels);
        this.height = height;
        this.labels = labels;
        this.panelWidths = new int[panels.size()];
        int total = 0;
        for (int i = 0; i < panels.size(); i++) {
            FrameSource source = panels.get(i).source();
            panelWidths[i] = Math.max(1, (int) Math.round((double) source.width() * height / source.height()));
            total += panelWidths[i];
        }
        this.width = total;
    }

    @Override
    public int frameCount() {
        return panels.get(0).source().frameCount();
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    /** Left edge of panel {@code index} in the composed frame. */
    public int panelX(int index) {
        int x = 0;
        for (int i = 0; i < index; i++) {
            x += panelWidths[i];
        }
        return x;
    }

    public int panelWidth(int index) {
        return panelWidths[index];
    }

    @Override
    public RgbImage frame(int index) throws ExportException {
        RgbImage composed = new RgbImage(width, height);
        int[] out = composed.packedPixels();
        int x0 = 0;
        for (int p = 0; p < panels.size(); p++) {
            RgbImage frame = panels.get(p).source().frame(index);
            RgbImage scaled = frame.width() == panelWidths[p] && frame.height() == height
                    ? frame : Images.scaledTo(frame, panelWidths[p], height);
            int[] pixels = scaled.packedPixels();
            for (int y = 0; y < height; y++) {
                System.arraycopy(pixels, y * panelWidths[p], out, y * width + x0, panelWidths[p]);
            }
            x0 += panelWidths[p];
        }
        return labels ? withLabels(composed) : composed;
    }

    /** Captions drawn into the top band only, which is all they cover. */
    private RgbImage withLabels(RgbImage composed) {
        int band = Math.min(height, captionFontSize() * 2 + 8);
        BufferedImage canvas = Images.toBufferedImage(Images.crop(composed, 0, 0, width, band));
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, captionFontSize()));
            FontMetrics metrics = g.getFontMetrics();
            int x0 = 0;
            for (int p = 0; p < panels.size(); p++) {
                String label = panels.get(p).label();
                if (label != null && !label.isBlank()) {
                    int pad = 3;
                    int boxW = Math.min(panelWidths[p], metrics.stringWidth(label) + 2 * pad);
                    int boxH = metrics.getHeight() + pad;
                    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.6f));
                    g.setColor(Color.BLACK);
                    g.fillRect(x0, 0, boxW, boxH);
                    g.setComposite(AlphaComposite.SrcOver);
                    g.setColor(Color.WHITE);
                    g.setClip(x0, 0, panelWidths[p], band);
                    g.drawString(label, x0 + pad, metrics.getAscent() + pad / 2);
                    g.setClip(null);
                }
                x0 += panelWidths[p];
            }
        } finally {
            g.dispose();
        }
        int[] top = Images.fromBufferedImage(canvas).packedPixels();
        int[] all = composed.packedPixels();
        System.arraycopy(top, 0, all, 0, top.length);
        return composed;
    }

    private int captionFontSize() {
        return Math.max(10, height / 28);
    }
}
