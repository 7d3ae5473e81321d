package org.bigru.model.io.interchange;

import java.util.List;
import org.bigru.model.Activation;
import org.bigru.model.CellType;
import org.bigru.model.MergeMode;
import org.bigru.model.OutputMode;
import org.bigru.model.ResetGateMode;

/**
 * One layer an importer read from another framework's file, its weights already in bigru's (PyTorch's)
 * layout; {@link NetworkAssembly} builds the network from a list of them.
 */
public sealed interface ImportedLayer {

  /**
   * The weights of one direction: {@code weightIh} [G*H, in], {@code weightHh} [G*H, H], {@code biasIh} [G*H],
   * {@code biasHh} [G*H] (null for a GRU whose reset mode has no recurrent bias); gate blocks r|z|n or i|f|g|o.
   */
  record Direction(float[] weightIh, float[] weightHh, float[] biasIh, float[] biasHh) {
  }

  /** A recurrent layer; {@code resetMode} is null for an LSTM; one direction, or forward then reverse. */
  record Recurrent(CellType cell, int units, ResetGateMode resetMode, MergeMode merge, OutputMode outputMode,
                   List<Direction> directions) implements ImportedLayer {
    public Recurrent {
      directions = List.copyOf(directions);
    }
  }

  /** A fully connected layer: {@code weight} [units, in] (PyTorch's nn.Linear layout), {@code bias} [units]. */
  record Dense(int units, Activation activation, float[] weight, float[] bias) implements ImportedLayer {
  }

  /** Dropout (active in training only). */
  record Dropout(double probability) implements ImportedLayer {
  }
}
