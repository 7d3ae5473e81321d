package org.bigru.model;

import java.util.List;

/**
 * One layer of a {@link Network}'s stack, over the rows of a batch: time-major steps ({@code T * N} rows) or,
 * after a recurrent layer with output mode 'last', one row per sequence ({@code N} rows).
 */
interface Layer {

  /** Its parameters, in PyTorch's state_dict order. */
  List<Parameter> parameters();

  /** Fresh weights, drawn from {@code init} in a fixed order. */
  void initialize(Initializer init);

  /** Width of each row it passes on. */
  int outputWidth();

  /**
   * y [rows' x outputWidth] from x [{@code pass.rows()} x input width]; sets {@code pass.rows()} to rows'. Keeps
   * what {@link #backward} needs when {@code pass.forBackward()}.
   */
  float[] forward(float[] x, Pass pass);

  /**
   * From dy [rows' x outputWidth] of the last forward: adds the parameter gradients to the arena's and returns
   * dx (which may be dy itself, updated in place), or null when {@code wantInputGrad} is false.
   */
  float[] backward(float[] dy, Pass pass, boolean wantInputGrad);
}
