package org.bigru.matlab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bigru.matlab.MatlabChoices.Normalization;
import org.bigru.matlab.MatlabChoices.NormalizationDimension;
import org.bigru.model.EnumNames;

/**
 * sequenceInputLayer's Normalization, as MATLAB defines it: 'zerocenter' subtracts Mean, 'zscore' also divides by
 * StandardDeviation, 'rescale-symmetric' maps [Min, Max] onto [-1, 1] and 'rescale-zero-one' onto [0, 1]. The
 * statistics are computed from the training sequences ({@link #fit}) per channel over every time step of every
 * sequence (NormalizationDimension 'auto' or 'channel'), or over all values ('all'); StandardDeviation is the
 * population one (divisor N). They are kept in the network's metadata and applied to whatever it predicts on. A
 * channel that does not vary (standard deviation 0, or Max equal to Min) is only shifted, where MATLAB would
 * divide by zero.
 *
 * @param kind       the normalization
 * @param dimension  CHANNEL or ALL (AUTO is CHANNEL for vector sequences)
 * @param mean       Mean per channel (or one for ALL); null until known or where not used
 * @param std        StandardDeviation, likewise
 * @param min        Min, likewise
 * @param max        Max, likewise
 */
record InputNormalization(Normalization kind, NormalizationDimension dimension, double[] mean, double[] std,
                          double[] min, double[] max) {

  static final InputNormalization NONE = new InputNormalization(Normalization.NONE, NormalizationDimension.AUTO,
      null, null, null, null);
  private static final String KEY = "matlab.normalization";

  /** Which statistics the normalization uses: Mean and StandardDeviation, or Min and Max. */
  boolean usesMean() {
    return kind == Normalization.ZEROCENTER || kind == Normalization.ZSCORE;
  }

  boolean usesStd() {
    return kind == Normalization.ZSCORE;
  }

  boolean usesRange() {
    return kind == Normalization.RESCALE_SYMMETRIC || kind == Normalization.RESCALE_ZERO_ONE;
  }

  /** Whether every statistic the normalization uses is known. */
  boolean hasStatistics() {
    return kind == Normalization.NONE
        || (usesMean() ? mean != null && (!usesStd() || std != null) : min != null && max != null);
  }

  /**
   * The layer's normalization with the statistics the user gave (any of them may be null), checked against the
   * input size: one value per channel, or one for NormalizationDimension 'all'.
   */
  static InputNormalization given(Normalization kind, NormalizationDimension dimension, double[] mean, double[] std,
                                  double[] min, double[] max, int inputSize) {
    InputNormalization n = new InputNormalization(kind, dimension, mean, std, min, max);
    int expected = dimension == NormalizationDimension.ALL ? 1 : inputSize;
    String[] names = {"Mean", "StandardDeviation", "Min", "Max"};
    double[][] stats = {mean, std, min, max};
    for (int i = 0; i < stats.length; i++) {
      if (stats[i] != null && stats[i].length != expected) {
        throw new MatlabError(MatlabError.INVALID_LAYERS, "layers(1) (sequenceInputLayer) has a " + names[i]
            + " of " + stats[i].length + (stats[i].length == 1 ? " value" : " values") + ", but it needs " + expected + (expected == 1 ? " value" : " values")
            + " (" + (dimension == NormalizationDimension.ALL ? "NormalizationDimension 'all'"
                : "one per channel of the InputSize " + inputSize) + ")");
      }
    }
    if (std != null) {
      for (double v : std) {
        if (!(v >= 0)) {
          throw new MatlabError(MatlabError.INVALID_LAYERS, "layers(1) (sequenceInputLayer) has a StandardDeviation "
              + "of " + MatlabValues.number(v) + "; it must be >= 0");
        }
      }
    }
    return n;
  }

  /** This normalization with statistics computed from the training sequences (values as the model reads them). */
  InputNormalization fit(Sequences x) {
    if (kind == Normalization.NONE) {
      return this;
    }
    int features = x.features();
    int groups = dimension == NormalizationDimension.ALL ? 1 : features;
    double[] sum = new double[groups];
    double[] lo = new double[groups];
    double[] hi = new double[groups];
    java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    long[] count = new long[groups];
    for (float[] s : x.values()) {
      for (int j = 0; j < s.length; j++) {
        int g = groups == 1 ? 0 : j % features;
        sum[g] += s[j];
        lo[g] = Math.min(lo[g], s[j]);
        hi[g] = Math.max(hi[g], s[j]);
        count[g]++;
      }
    }
    double[] m = new double[groups];
    for (int g = 0; g < groups; g++) {
      m[g] = sum[g] / count[g];
    }
    double[] squares = new double[groups];
    for (float[] s : x.values()) {
      for (int j = 0; j < s.length; j++) {
        int g = groups == 1 ? 0 : j % features;
        double d = s[j] - m[g];
        squares[g] += d * d;
      }
    }
    double[] sd = new double[groups];
    for (int g = 0; g < groups; g++) {
      sd[g] = Math.sqrt(squares[g] / count[g]);
    }
    return new InputNormalization(kind, dimension, usesMean() ? m : null, usesStd() ? sd : null,
        usesRange() ? lo : null, usesRange() ? hi : null);
  }

  /** The sequences normalized (new arrays; the originals are not changed). */
  Sequences apply(Sequences x) {
    if (kind == Normalization.NONE) {
      return x;
    }
    List<float[]> out = new ArrayList<>(x.size());
    for (float[] s : x.values()) {
      out.add(apply(s, x.features()));
    }
    return x.withValues(out);
  }

  /** One sequence, [steps, features] row-major, normalized (a new array; the same one for 'none'). */
  float[] apply(float[] sequence, int features) {
    if (kind == Normalization.NONE) {
      return sequence;
    }
    double offset = kind == Normalization.RESCALE_SYMMETRIC ? -1 : 0;
    float[] t = new float[sequence.length];
    for (int j = 0; j < sequence.length; j++) {
      int g = dimension == NormalizationDimension.ALL ? 0 : j % features;
      double shift;
      double scale;
      if (usesMean()) {
        shift = mean[g];
        scale = usesStd() && std[g] > 0 ? 1 / std[g] : 1;
      } else {
        shift = min[g];
        double range = max[g] - min[g];
        scale = (kind == Normalization.RESCALE_SYMMETRIC ? 2 : 1) / (range > 0 ? range : 1);
      }
      t[j] = (float) ((sequence[j] - shift) * scale + offset);
    }
    return t;
  }

  /** The metadata entries that keep this normalization in a model file (none for 'none'). */
  Map<String, String> toMetadata() {
    Map<String, String> map = new HashMap<>();
    if (kind == Normalization.NONE) {
      return map;
    }
    map.put(KEY, EnumNames.of(kind));
    map.put(KEY + ".dimension", EnumNames.of(dimension));
    put(map, "mean", mean);
    put(map, "standardDeviation", std);
    put(map, "min", min);
    put(map, "max", max);
    return map;
  }

  /** What {@link #toMetadata} wrote; 'none' when there is nothing. */
  static InputNormalization fromMetadata(Map<String, String> metadata) {
    String kind = metadata.get(KEY);
    if (kind == null) {
      return NONE;
    }
    return new InputNormalization(EnumNames.parse(Normalization.class, kind, "normalization"),
        EnumNames.parse(NormalizationDimension.class, metadata.getOrDefault(KEY + ".dimension", "auto"),
            "normalization dimension"),
        get(metadata, "mean"), get(metadata, "standardDeviation"), get(metadata, "min"), get(metadata, "max"));
  }

  /** The keys {@link #toMetadata} may write, to replace them all. */
  static boolean isKey(String key) {
    return key.equals(KEY) || key.startsWith(KEY + ".");
  }

  private static void put(Map<String, String> map, String name, double[] values) {
    if (values == null) {
      return;
    }
    List<String> texts = new ArrayList<>();
    for (double v : values) {
      texts.add(Double.toString(v));
    }
    map.put(KEY + "." + name, String.join(",", texts));
  }

  private static double[] get(Map<String, String> metadata, String name) {
    String text = metadata.get(KEY + "." + name);
    if (text == null || text.isEmpty()) {
      return null;
    }
    String[] parts = text.split(",");
    double[] values = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      values[i] = Double.parseDouble(parts[i]);
    }
    return values;
  }
}
