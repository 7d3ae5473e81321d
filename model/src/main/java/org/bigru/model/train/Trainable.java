package org.bigru.model.train;

import java.util.SplittableRandom;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.ParameterArena;
import org.bigru.model.SequenceBatch;
import org.bigru.model.Targets;

/** The part of a {@link Network} the trainer uses; tests drive the trainer with small stand-ins. */
interface Trainable {

  ModelConfig config();

  ParameterArena arena();

  void setThreads(int threads);

  /** Overwrites the arena's gradients with those of the batch's mean loss; returns the loss. */
  double computeGradients(SequenceBatch batch, Targets targets, SplittableRandom dropoutRng);

  double loss(SequenceBatch batch, Targets targets);

  float[] predict(SequenceBatch batch);

  /** For classification, the accuracy of the last batch whose loss was evaluated ({@link Network#lastAccuracy}). */
  default double lastAccuracy() {
    return Double.NaN;
  }

  /** Carries recurrent states between the pieces of a split batch ({@link Network#carryStates}). */
  default void carryStates(int[] members, boolean reset) {
  }

  static Trainable of(Network network) {
    return new Trainable() {
      @Override
      public ModelConfig config() {
        return network.config();
      }

      @Override
      public ParameterArena arena() {
        return network.arena();
      }

      @Override
      public void setThreads(int threads) {
        network.setThreads(threads);
      }

      @Override
      public double computeGradients(SequenceBatch batch, Targets targets, SplittableRandom dropoutRng) {
        return network.computeGradients(batch, targets, dropoutRng);
      }

      @Override
      public double loss(SequenceBatch batch, Targets targets) {
        return network.loss(batch, targets);
      }

      @Override
      public float[] predict(SequenceBatch batch) {
        return network.predict(batch);
      }

      @Override
      public double lastAccuracy() {
        return network.lastAccuracy();
      }

      @Override
      public void carryStates(int[] members, boolean reset) {
        network.carryStates(members, reset);
      }
    };
  }
}
