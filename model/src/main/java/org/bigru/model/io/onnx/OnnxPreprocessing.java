package org.bigru.model.io.onnx;

import org.bigru.model.data.Preprocessing;

/**
 * Scaling an exported graph applies around the network, so that raw table values go in and original units
 * come out: {@code (x - featureMean) / featureScale} on each feature column, and for a regression target
 * {@code y * targetScale + targetMean}.
 *
 * @param featureMean  per feature column
 * @param featureScale per feature column, each above 0
 * @param rowSteps     0 when the input is a window of table rows [batch, time, columns]; else each input row
 *                     [batch, columns] is one sequence of that many steps (the columns split evenly)
 * @param targetMean   per output, or null when the outputs are not scaled (classification)
 * @param targetScale  per output, or null
 */
public record OnnxPreprocessing(double[] featureMean, double[] featureScale, int rowSteps, double[] targetMean,
                                double[] targetScale) {

  public OnnxPreprocessing {
    if (featureMean == null || featureScale == null || featureMean.length != featureScale.length
        || featureMean.length == 0) {
      throw new IllegalArgumentException("the feature scaler needs a mean and a scale per column");
    }
    if ((targetMean == null) != (targetScale == null)
        || targetMean != null && targetMean.length != targetScale.length) {
      throw new IllegalArgumentException("the target scaler needs a mean and a scale per output");
    }
    if (rowSteps < 0) {
      throw new IllegalArgumentException("row steps must be 0 or more, not " + rowSteps);
    }
  }

  /** The scaling of a model trained on a table ({@link Preprocessing#isTable()}, with a feature scaler). */
  public static OnnxPreprocessing of(Preprocessing pre) {
    return new OnnxPreprocessing(pre.featureScaler().mean(), pre.featureScaler().scale(), pre.rowSteps(),
        pre.targetScaler() == null ? null : pre.targetScaler().mean(),
        pre.targetScaler() == null ? null : pre.targetScaler().scale());
  }
}
