package org.bigru.model;

import java.util.List;
import org.bigru.kernels.Kernels;

/**
 * A fully connected layer y = act(x W^T + b) over rows (sequences, or time-major steps): a hidden dense layer,
 * or, linear, the output layer {@code fc}.
 */
final class DenseLayer implements Layer {

  private static final Kernels K = Kernels.get();

  private final int inputSize;
  private final int units;
  private final Activation activation;
  private final Parameter weight;  // [units x in]
  private final Parameter bias;    // [units]

  private float[] input;                      // [rows x in], the caller's, kept for dW
  private int rows;
  private float[] output = new float[0];      // [rows x units]
  private float[] preGrad = new float[0];     // [rows x units] gradient before the activation
  private float[] inputGrad = new float[0];   // [rows x in]

  /** @param name the PyTorch module name, for example {@code dense0} or {@code fc} */
  DenseLayer(String name, int inputSize, int units, Activation activation) {
    this.inputSize = inputSize;
    this.units = units;
    this.activation = activation;
    this.weight = new Parameter(name + ".weight", new int[] {units, inputSize}, true);
    this.bias = new Parameter(name + ".bias", new int[] {units}, false);
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(weight, bias);
  }

  /** Glorot uniform weights, zero bias. */
  @Override
  public void initialize(Initializer init) {
    init.glorotUniform(weight, inputSize, units);
  }

  @Override
  public int outputWidth() {
    return units;
  }

  /** y[rows x units] = act(x[rows x in] W^T + b); keeps x until backward. */
  @Override
  public float[] forward(float[] x, Pass pass) {
    input = x;
    rows = pass.rows();
    int size = Workspace.size(rows, units);
    output = Workspace.grow(output, size);
    K.gemm(false, true, rows, units, inputSize, 1f, x, 0, inputSize, weight.values(), weight.offset(), inputSize,
        0f, output, 0, units);
    K.addBiasRows(rows, units, bias.values(), bias.offset(), output, 0, units);
    switch (activation) {
      case LINEAR:
        break;
      case RELU:
        for (int i = 0; i < size; i++) {
          output[i] = Math.max(output[i], 0f);
        }
        break;
      case TANH:
        K.tanh(size, output, 0, output, 0);
        break;
      case SIGMOID:
        K.sigmoid(size, output, 0, output, 0);
        break;
      default:
        throw new IllegalStateException("activation " + activation);
    }
    return output;
  }

  /** Adds the parameter gradients from dy [rows x units] and computes dx [rows x in] when wanted. */
  @Override
  public float[] backward(float[] dy, Pass pass, boolean wantInputGrad) {
    int size = rows * units;
    preGrad = Workspace.grow(preGrad, size);
    for (int i = 0; i < size; i++) {
      float y = output[i];
      float d = dy[i];
      switch (activation) {
        case LINEAR:
          preGrad[i] = d;
          break;
        case RELU:
          preGrad[i] = y > 0f ? d : 0f;
          break;
        case TANH:
          preGrad[i] = d * (1f - y * y);
          break;
        case SIGMOID:
          preGrad[i] = d * y * (1f - y);
          break;
        default:
          throw new IllegalStateException("activation " + activation);
      }
    }
    pass.setRows(rows);
    float[] grads = weight.grads();
    // dW[units x in] += dz^T x
    K.gemm(true, false, units, inputSize, rows, 1f, preGrad, 0, units, input, 0, inputSize,
        1f, grads, weight.offset(), inputSize);
    K.columnSums(rows, units, preGrad, 0, units, grads, bias.offset());
    if (!wantInputGrad) {
      return null;
    }
    inputGrad = Workspace.grow(inputGrad, Workspace.size(rows, inputSize));
    // dx[rows x in] = dz W
    K.gemm(false, false, rows, inputSize, units, 1f, preGrad, 0, units, weight.values(), weight.offset(), inputSize,
        0f, inputGrad, 0, inputSize);
    return inputGrad;
  }
}
