package org.bigru.model.io.interchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bigru.model.Network;
import org.bigru.model.SequenceBatch;
import org.bigru.model.io.SafeTensors;
import org.bigru.model.io.Tensor;

/** The fixtures written by {@code model/src/test/python/make_interchange.py}, and how tests compare with them. */
public final class Fixtures {

  /** One case of cases.json: a model file, its expected outputs (or null), the refusal it must give (or null). */
  public record Case(String file, String expected, boolean softmax, String refused) {
    @Override
    public String toString() {
      return file;
    }
  }

  private Fixtures() {
  }

  public static Path path(String fileName) {
    URL url = Fixtures.class.getResource("/interchange/" + fileName);
    if (url == null) {
      throw new IllegalStateException("missing fixture interchange/" + fileName
          + "; run python3 model/src/test/python/make_interchange.py");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The cases whose file name starts with one of these prefixes. */
  public static List<Case> cases(String... prefixes) {
    try {
      JsonNode root = new ObjectMapper().readTree(path("cases.json").toFile());
      List<Case> cases = new ArrayList<>();
      for (JsonNode c : root) {
        String file = c.get("file").textValue();
        for (String prefix : prefixes) {
          if (file.startsWith(prefix)) {
            cases.add(new Case(file, c.get("expected").isNull() ? null : c.get("expected").textValue(),
                c.get("softmax").booleanValue(), c.get("refused").isNull() ? null : c.get("refused").textValue()));
            break;
          }
        }
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The largest difference between the framework's outputs and the network's (softmax applied for a model
   * that ended in one) on the fixture's inputs; only real steps are compared for padded sequences.
   */
  public static double largestDifference(Network network, Case c) throws IOException {
    SafeTensors expected = SafeTensors.read(path(c.expected()));
    Tensor x = expected.tensors().get("x");
    Tensor y = expected.tensors().get("y");
    Tensor lengthTensor = expected.tensors().get("lengths");
    int[] shape = x.shape();
    int[] lengths = null;
    if (lengthTensor != null) {
      lengths = new int[shape[0]];
      for (int i = 0; i < lengths.length; i++) {
        lengths[i] = (int) lengthTensor.longs()[i];
      }
    }
    float[] got = network.predict(new SequenceBatch(x.floats(), shape[0], shape[1], shape[2], lengths));
    int outputs = network.config().outputSize();
    if (c.softmax()) {
      got = softmaxRows(got, outputs);
    }
    float[] want = y.floats();
    if (got.length != want.length) {
      throw new AssertionError(c.file() + ": " + got.length + " outputs, the framework gave " + want.length);
    }
    boolean perStep = y.shape().length == 3;
    double worst = 0;
    for (int i = 0; i < want.length; i++) {
      if (perStep && lengths != null) {
        int row = i / outputs;
        int step = row % shape[1];
        if (step >= lengths[row / shape[1]]) {
          continue;
        }
      }
      worst = Math.max(worst, Math.abs(got[i] - want[i]));
    }
    return worst;
  }

  private static float[] softmaxRows(float[] logits, int width) {
    float[] p = new float[logits.length];
    for (int r = 0; r < logits.length / width; r++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < width; j++) {
        max = Math.max(max, logits[r * width + j]);
      }
      double sum = 0;
      for (int j = 0; j < width; j++) {
        sum += Math.exp(logits[r * width + j] - max);
      }
      for (int j = 0; j < width; j++) {
        p[r * width + j] = (float) (Math.exp(logits[r * width + j] - max) / sum);
      }
    }
    return p;
  }
}
