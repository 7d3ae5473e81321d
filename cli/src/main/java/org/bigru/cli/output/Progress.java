package org.bigru.cli.output;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;
import org.bigru.model.train.TrainingListener;

/**
 * Training progress: on a terminal a bar per epoch (batches done, loss, ETA) redrawn in place; otherwise one
 * plain line per epoch (epoch, loss, validation loss, seconds), so logs and pipes stay readable.
 */
public final class Progress implements TrainingListener {

  private static final int BAR_WIDTH = 30;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter out;
  private final boolean terminal;
  private final int epochs;
  private long epochStart = System.nanoTime();
  private long lastDraw;

  public Progress(PrintWriter out, boolean terminal, int epochs) {
    this.out = out;
    this.terminal = terminal;
    this.epochs = epochs;
  }

  /** Whether standard output is an interactive terminal (Console.isTerminal on JDK 22+, where it exists). */
  public static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  @Override
  public void onBatchEnd(int epoch, int iteration, int batchIndex, int batchesPerEpoch, double loss) {
    if (!terminal) {
      return;
    }
    long now = System.nanoTime();
    int done = batchIndex + 1;
    if (done < batchesPerEpoch && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    double elapsed = (now - epochStart) / 1e9;
    double eta = elapsed / done * (batchesPerEpoch - done);
    int filled = (int) ((long) BAR_WIDTH * done / batchesPerEpoch);
    StringBuilder bar = new StringBuilder(BAR_WIDTH);
    for (int i = 0; i < BAR_WIDTH; i++) {
      bar.append(i < filled ? '=' : i == filled ? '>' : ' ');
    }
    out.printf(Locale.ROOT, "\repoch %d/%d [%s] %d/%d  loss %.5f  ETA %.1fs   ", epoch, epochs, bar, done,
        batchesPerEpoch, loss, eta);
    out.flush();
  }

  @Override
  public void onEpochEnd(int epoch, double loss, double validationLoss, double seconds) {
    String validation = Double.isNaN(validationLoss) ? ""
        : String.format(Locale.ROOT, "  val_loss %.5f", validationLoss);
    if (terminal) {
      out.print("\r" + " ".repeat(BAR_WIDTH + 60) + "\r");
    }
    out.printf(Locale.ROOT, "epoch %d/%d  loss %.5f%s  %.2fs%n", epoch, epochs, loss, validation, seconds);
    out.flush();
    epochStart = System.nanoTime();
  }
}
