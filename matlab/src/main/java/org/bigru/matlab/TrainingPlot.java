package org.bigru.matlab;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Plots 'training-progress' as a PNG image, for where MATLAB or Octave cannot show a figure (octave-cli, MATLAB
 * -nodisplay): as MATLAB's training-progress window, the accuracy (or RMSE) above and the loss below, per
 * iteration, training as a line and validation as points joined by a dashed line, and the stop reason under them.
 * Drawn with Java 2D on an image, so it needs no display.
 */
public final class TrainingPlot {

  private static final int WIDTH = 960;
  private static final int HEIGHT = 720;
  private static final Color TRAINING = new Color(0, 114, 189);
  private static final Color VALIDATION = new Color(40, 40, 40);

  private TrainingPlot() {
  }

  /**
   * Writes the plot of {@code record} to {@code file} (a temporary file renamed into place, so it is never left
   * half written), with {@code title} above it and {@code footer} (the stop reason) under it.
   */
  public static void writePng(TrainingRecord record, String file, String title, String footer) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
      g.drawString(title, 70, 30);
      String metric = record.classification() ? "Accuracy" : "RMSE";
      double[] iterations = record.iterationColumn("Iteration");
      double[] validationIterations = record.validationColumn("Iteration");
      panel(g, 55, metric + (record.classification() ? " (%)" : ""), iterations, record.iterationColumn(metric),
          validationIterations, record.validationColumn(metric));
      panel(g, 365, "Loss", iterations, record.iterationColumn("Loss"), validationIterations,
          record.validationColumn("Loss"));
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
      g.drawString(footer, 70, HEIGHT - 15);
    } finally {
      g.dispose();
    }
    Path target = Path.of(file).toAbsolutePath();
    Path temporary = null;
    try {
      temporary = Files.createTempFile(target.getParent(), ".training-progress-", ".png");
      ImageIO.write(image, "png", temporary.toFile());
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      temporary = null;
    } catch (IOException e) {
      throw new MatlabError(MatlabError.FILE_ERROR, "cannot write the training-progress plot '" + file + "': "
          + e.getMessage(), e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          // the temporary file stays; the plot was not written
        }
      }
    }
  }

  /** One panel 270 pixels high from {@code top}: axes, grid, the training line and the validation points. */
  private static void panel(Graphics2D g, int top, String label, double[] x, double[] y, double[] vx, double[] vy) {
    int left = 70;
    int right = WIDTH - 30;
    int bottom = top + 250;
    double xMax = Math.max(1, max(x, vx));
    double yMin = Math.min(min(y, vy), 0);
    double yMax = max(y, vy);
    if (!(yMax > yMin)) {
      yMax = yMin + 1;
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int i = 0; i <= 4; i++) {
      int py = bottom - i * (bottom - top) / 4;
      g.setColor(new Color(225, 225, 225));
      g.drawLine(left, py, right, py);
      g.setColor(Color.DARK_GRAY);
      g.drawString(String.format(Locale.ROOT, "%.3g", yMin + i * (yMax - yMin) / 4), 8, py + 4);
    }
    g.setColor(Color.BLACK);
    g.drawRect(left, top, right - left, bottom - top);
    g.drawString(label, left + 5, top - 5);
    g.drawString("Iteration", (left + right) / 2 - 25, bottom + 18);
    g.drawString("0", left - 3, bottom + 18);
    g.drawString(String.format(Locale.ROOT, "%.0f", xMax), right - 20, bottom + 18);
    g.setColor(TRAINING);
    g.setStroke(new BasicStroke(1.5f));
    g.draw(line(x, y, left, right, top, bottom, xMax, yMin, yMax));
    g.setColor(VALIDATION);
    g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    g.draw(line(vx, vy, left, right, top, bottom, xMax, yMin, yMax));
    g.setStroke(new BasicStroke(1f));
    for (int i = 0; i < vx.length; i++) {
      if (Double.isFinite(vy[i])) {
        int px = left + (int) Math.round(vx[i] / xMax * (right - left));
        int py = bottom - (int) Math.round((vy[i] - yMin) / (yMax - yMin) * (bottom - top));
        g.fillOval(px - 3, py - 3, 7, 7);
      }
    }
  }

  private static Path2D line(double[] x, double[] y, int left, int right, int top, int bottom, double xMax,
                             double yMin, double yMax) {
    Path2D path = new Path2D.Double();
    boolean started = false;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(y[i])) {
        continue;
      }
      double px = left + x[i] / xMax * (right - left);
      double py = bottom - (y[i] - yMin) / (yMax - yMin) * (bottom - top);
      if (started) {
        path.lineTo(px, py);
      } else {
        path.moveTo(px, py);
        started = true;
      }
    }
    return path;
  }

  private static double max(double[] a, double[] b) {
    double m = Double.NEGATIVE_INFINITY;
    for (double[] values : new double[][] {a, b}) {
      for (double v : values) {
        if (Double.isFinite(v)) {
          m = Math.max(m, v);
        }
      }
    }
    return m == Double.NEGATIVE_INFINITY ? 1 : m;
  }

  private static double min(double[] a, double[] b) {
    double m = Double.POSITIVE_INFINITY;
    for (double[] values : new double[][] {a, b}) {
      for (double v : values) {
        if (Double.isFinite(v)) {
          m = Math.min(m, v);
        }
      }
    }
    return m == Double.POSITIVE_INFINITY ? 0 : m;
  }
}
