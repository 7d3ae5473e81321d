package org.bigru.cli.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bigru.cli.BadInputException;
import org.bigru.model.MemoryBudget;
import org.bigru.model.Task;
import org.bigru.model.data.Dataset;
import org.bigru.model.io.SafeTensors;
import org.bigru.model.io.Tensor;

/**
 * PreparedSequences given as tensors in a safetensors file, used as they are (no windowing, no scaling): {@code x}
 * [N, T, I] float, optional {@code lengths} [N] for right-padded sequences, and {@code y}: [N, O] or
 * [N, T, O] responses, or [N] or [N, T] class ids.
 */
public final class TensorData {

  /** What the file holds. */
  public record Content(PreparedSequences sequences, List<String> classes, int steps) {
  }

  private TensorData() {
  }

  /** Reads the raw tensors; used by {@code infer} as well. */
  public static SafeTensors readFile(Path file) {
    try {
      // The tensors, the sequences copied out of them, and the batches and outputs made from those.
      MemoryBudget.require(3 * Files.size(file), "reading " + file.getFileName() + " (" + (Files.size(file) >> 20)
          + " MiB of tensors)", "split the data into smaller files");
      return SafeTensors.read(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException("file not found: " + file, e);
    } catch (IOException e) {
      throw new BadInputException(String.valueOf(e.getMessage()), e);
    }
  }

  /** The input tensor x [N, T, I] as a float tensor, refused with a clear message otherwise. */
  public static Tensor inputs(SafeTensors content, Path file) {
    Tensor x = content.tensors().get("x");
    if (x == null) {
      throw new BadInputException(file + " has no tensor 'x' (tensors: " + content.tensors().keySet() + ")");
    }
    if (!x.dtype().isFloating() || x.shape().length != 3) {
      throw new BadInputException(file + ": tensor 'x' is " + x + ", expected float [N, T, I]");
    }
    if (x.shape()[0] < 1 || x.shape()[1] < 1 || x.shape()[2] < 1) {
      throw new BadInputException(file + ": tensor 'x' has shape " + Arrays.toString(x.shape())
          + ", expected at least one sequence, step and feature");
    }
    return x;
  }

  /** Real steps per sequence from the optional {@code lengths} tensor, or null when every step is real. */
  public static int[] lengths(SafeTensors content, Path file, int n, int steps) {
    Tensor lengths = content.tensors().get("lengths");
    if (lengths == null) {
      return null;
    }
    if (!lengths.hasShape(n)) {
      throw new BadInputException(file + ": tensor 'lengths' has shape " + Arrays.toString(lengths.shape())
          + ", expected [" + n + "]");
    }
    int[] result = new int[n];
    for (int i = 0; i < n; i++) {
      double v = lengths.dtype().isFloating() ? lengths.floats()[i] : lengths.longs()[i];
      if (v != Math.rint(v) || v < 1 || v > steps) {
        throw new BadInputException(file + ": lengths[" + i + "] is " + v + ", expected a whole number from 1 to "
            + steps);
      }
      result[i] = (int) v;
    }
    return result;
  }

  public static Content read(Path file, Task task, boolean withTargets) {
    SafeTensors content = readFile(file);
    Tensor x = inputs(content, file);
    int n = x.shape()[0];
    int steps = x.shape()[1];
    int features = x.shape()[2];
    int[] lengths = lengths(content, file, n, steps);
    float[] values = x.floats();
    List<float[]> sequences = new ArrayList<>(n);
    int total = 0;
    for (int i = 0; i < n; i++) {
      int len = lengths == null ? steps : lengths[i];
      total += len;
      sequences.add(Arrays.copyOfRange(values, i * steps * features, (i * steps + len) * features));
    }
    String[] index = new String[n];
    for (int i = 0; i < n; i++) {
      index[i] = Integer.toString(i);
    }
    Tensor y = content.tensors().get("y");
    if (!withTargets || y == null) {
      if (withTargets) {
        throw new BadInputException(file + " has no tensor 'y' with the targets (tensors: "
            + content.tensors().keySet() + ")");
      }
      return new Content(new PreparedSequences(Dataset.inputs(sequences, features), index, null, null, 1, false), List.of(),
          steps);
    }
    int[] shape = y.shape();
    if (shape.length < 1 || shape[0] != n) {
      throw new BadInputException(file + ": tensor 'y' has shape " + Arrays.toString(shape) + ", expected " + n
          + " rows like 'x'");
    }
    if (task == Task.REGRESSION) {
      return new Content(responses(file, y, sequences, features, lengths, steps, index, total), List.of(), steps);
    }
    return classes(file, y, sequences, features, lengths, steps, index, total);
  }

  private static PreparedSequences responses(Path file, Tensor y, List<float[]> sequences, int features, int[] lengths,
                                     int steps, String[] index, int total) {
    int[] shape = y.shape();
    int n = shape[0];
    float[] v = floats(y);
    if (shape.length == 2) {
      int outputs = shape[1];
      return new PreparedSequences(Dataset.sequenceResponses(sequences, features, v, outputs), index, v, null, outputs,
          false);
    }
    if (shape.length == 3 && shape[1] == steps) {
      int outputs = shape[2];
      List<float[]> perStep = new ArrayList<>(n);
      float[] actual = new float[total * outputs];
      int at = 0;
      for (int i = 0; i < n; i++) {
        int len = lengths == null ? steps : lengths[i];
        float[] r = Arrays.copyOfRange(v, i * steps * outputs, (i * steps + len) * outputs);
        perStep.add(r);
        System.arraycopy(r, 0, actual, at, r.length);
        at += r.length;
      }
      return new PreparedSequences(Dataset.stepResponses(sequences, features, perStep, outputs), index, actual, null, outputs,
          false);
    }
    throw new BadInputException(file + ": tensor 'y' has shape " + Arrays.toString(shape)
        + ", expected [N, O] or [N, T, O] responses for regression");
  }

  private static Content classes(Path file, Tensor y, List<float[]> sequences, int features, int[] lengths,
                                 int steps, String[] index, int total) {
    int[] shape = y.shape();
    int n = shape[0];
    int[] ids = classIds(file, y);
    int classes = Arrays.stream(ids).max().orElse(0) + 1;
    if (classes < 2) {
      throw new BadInputException(file + ": tensor 'y' holds a single class; classification needs at least 2");
    }
    List<String> names = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      names.add(Integer.toString(c));
    }
    if (shape.length == 1) {
      return new Content(new PreparedSequences(Dataset.sequenceClasses(sequences, features, ids, classes), index, null, ids,
          1, false), names, steps);
    }
    if (shape.length == 2 && shape[1] == steps) {
      List<int[]> perStep = new ArrayList<>(n);
      int[] actual = new int[total];
      int at = 0;
      for (int i = 0; i < n; i++) {
        int len = lengths == null ? steps : lengths[i];
        int[] r = Arrays.copyOfRange(ids, i * steps, i * steps + len);
        perStep.add(r);
        System.arraycopy(r, 0, actual, at, len);
        at += len;
      }
      return new Content(new PreparedSequences(Dataset.stepClasses(sequences, features, perStep, classes), index, null,
          actual, 1, false), names, steps);
    }
    throw new BadInputException(file + ": tensor 'y' has shape " + Arrays.toString(shape)
        + ", expected class ids [N] or [N, T] for classification");
  }

  private static float[] floats(Tensor t) {
    if (t.dtype().isFloating()) {
      return t.floats();
    }
    long[] longs = t.longs();
    float[] f = new float[longs.length];
    for (int i = 0; i < longs.length; i++) {
      f[i] = longs[i];
    }
    return f;
  }

  private static int[] classIds(Path file, Tensor y) {
    int[] ids = new int[y.size()];
    for (int i = 0; i < ids.length; i++) {
      double v = y.dtype().isFloating() ? y.floats()[i] : y.longs()[i];
      if (v != Math.rint(v) || v < 0 || v > 100_000) {
        throw new BadInputException(file + ": y[" + i + "] is " + v + ", expected a class id (a whole number from 0)");
      }
      ids[i] = (int) v;
    }
    return ids;
  }
}
