package org.bigru.model;

/**
 * Where the GRU's reset gate acts, with MATLAB's names.
 *
 * <ul>
 *   <li>{@link #AFTER_MULTIPLICATION}: n = tanh(W_in x + b_in + r * (W_hn h)); one bias (MATLAB's default).
 *   <li>{@link #RECURRENT_BIAS_AFTER_MULTIPLICATION}: n = tanh(W_in x + b_in + r * (W_hn h + b_hn)); two
 *       biases (PyTorch, cuDNN, Keras {@code reset_after=True}).
 *   <li>{@link #BEFORE_MULTIPLICATION}: n = tanh(W_in x + b_in + W_hn (r * h)); one bias (Cho et al. 2014,
 *       Keras {@code reset_after=False}).
 * </ul>
 */
public enum ResetGateMode {
  AFTER_MULTIPLICATION,
  RECURRENT_BIAS_AFTER_MULTIPLICATION,
  BEFORE_MULTIPLICATION;

  /** MATLAB's spelling, for example {@code "recurrent-bias-after-multiplication"}. */
  public String matlabName() {
    return EnumNames.of(this);
  }

  /** Whether the layer has a recurrent bias {@code bias_hh}. */
  public boolean hasRecurrentBias() {
    return this == RECURRENT_BIAS_AFTER_MULTIPLICATION;
  }

  /** Whether the reset gate multiplies the recurrent product (true) or the state before it (false). */
  public boolean resetAfter() {
    return this != BEFORE_MULTIPLICATION;
  }

  /** Parses MATLAB's spelling, case-insensitively. */
  public static ResetGateMode fromMatlabName(String name) {
    return EnumNames.parse(ResetGateMode.class, name, "reset gate mode");
  }
}
