package org.bigru.matlab.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bigru.matlab.MatlabTargets;
import org.bigru.matlab.Sequences;

/**
 * The facade's intake of MATLAB arrays (what {@code bigru.trainNetwork} and {@code predict} pass over):
 * any values, sizes, labels and class names either make sequences and targets or throw
 * IllegalArgumentException naming the MATLAB argument; nothing else escapes.
 */
class ArrayIntakeFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void sequencesAndTargets(FuzzedDataProvider data) {
    double[] sizesRows = doubles(data, 4);
    double[] sizesColumns = doubles(data, 4);
    double[] values = doubles(data, 64);
    Sequences x;
    try {
      x = Sequences.fromMatlab("X", values, sizesRows, sizesColumns);
    } catch (IllegalArgumentException expected) {
      return;
    }
    int kind = data.consumeInt(0, 3);
    double[] targets = doubles(data, 32);
    double[] counts = doubles(data, 4);
    String[] names = new String[data.consumeInt(0, 3)];
    for (int i = 0; i < names.length; i++) {
      names[i] = data.consumeString(4);
    }
    try {
      switch (kind) {
        case 0 -> MatlabTargets.labelsPerSequence(x, "Y", targets, names);
        case 1 -> MatlabTargets.labelsPerStep(x, "Y", targets, counts, names);
        case 2 -> MatlabTargets.responsesPerSequence(x, "Y", targets, data.consumeDouble(), data.consumeDouble());
        default -> MatlabTargets.responsesPerStep(x, "Y", targets, counts, doubles(data, 4));
      }
    } catch (IllegalArgumentException expected) {
      // the facade's own input error, naming the argument
    }
  }

  /** Mostly small whole numbers (sizes, codes), sometimes any double (NaN, Inf, huge). */
  private static double[] doubles(FuzzedDataProvider data, int max) {
    double[] v = new double[data.consumeInt(0, max)];
    for (int i = 0; i < v.length; i++) {
      v[i] = data.consumeBoolean() ? data.consumeInt(-2, 6) : data.consumeDouble();
    }
    return v;
  }
}
