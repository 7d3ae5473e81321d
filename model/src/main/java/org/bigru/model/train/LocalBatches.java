package org.bigru.model.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.zip.Checksum;
import org.bigru.model.data.Dataset;
import org.bigru.model.data.MiniBatches;
import org.bigru.model.data.PaddingDirection;
import org.bigru.model.data.SequenceLength;
import org.bigru.model.data.TargetKind;

/**
 * A data set in memory as the training loop sees it: {@link MiniBatches}, computed by the model at hand, which
 * carries the recurrent states between the pieces of a batch that the sequence length splits.
 */
final class LocalBatches implements BatchedData {

  private final Trainable model;
  private final Dataset data;
  private final MiniBatches batches;
  private final boolean split;

  LocalBatches(Trainable model, Dataset data, int batchSize, SequenceLength length, PaddingDirection padding) {
    this.model = model;
    this.data = data;
    this.batches = new MiniBatches(data, batchSize, length, padding);
    this.split = length.kind() == SequenceLength.Kind.SPLIT;
  }

  @Override
  public int size() {
    return data.size();
  }

  @Override
  public int batchCount() {
    return batches.count();
  }

  @Override
  public void shuffle(RandomGenerator rng) {
    batches.shuffle(rng);
  }

  @Override
  public int[] order() {
    return batches.order();
  }

  @Override
  public void setOrder(int[] permutation) {
    batches.setOrder(permutation);
  }

  @Override
  public int pieces(int b) {
    return split ? batches.pieces(b) : 1;
  }

  @Override
  public BatchLoss gradients(int b, int piece, long dropoutSeed) {
    MiniBatches.Batch batch = split ? batches.piece(b, piece) : batches.batch(b);
    if (split) {
      model.carryStates(batch.members(), piece == 0);
    }
    SplittableRandom dropout = model.config().hasDropout() ? new SplittableRandom(dropoutSeed) : null;
    return new BatchLoss(model.computeGradients(batch.input(), batch.targets(), dropout), batch.rows());
  }

  @Override
  public double lastAccuracy() {
    return model.lastAccuracy();
  }

  @Override
  public Evaluation evaluate() {
    return Trainer.evaluate(model, batches);
  }

  /** Every input value and target, in data order (CRC32C of the little-endian bytes, as checkpoints expect). */
  @Override
  public void addToChecksum(Checksum checksum) {
    for (int i = 0; i < data.size(); i++) {
      update(checksum, data.sequence(i));
      if (data.kind().isClassification()) {
        int[] ids = data.classIds(i);
        ByteBuffer bytes = ByteBuffer.allocate(ids.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asIntBuffer().put(ids);
        checksum.update(bytes);
      } else if (data.kind() != TargetKind.NONE) {
        update(checksum, data.responses(i));
      }
    }
  }

  private static void update(Checksum checksum, float[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    checksum.update(bytes);
  }
}
