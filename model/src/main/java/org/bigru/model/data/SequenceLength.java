package org.bigru.model.data;

/**
 * How the sequences of a mini-batch are brought to one length (MATLAB's SequenceLength): padded to the longest
 * (the padding is masked, so it changes nothing), cut to the shortest, or padded to the longest and split in
 * time into pieces of {@code steps} steps, each piece a training iteration of its own, the recurrent states
 * carried from one piece to the next (the last piece may be shorter).
 *
 * @param kind  longest, shortest or split
 * @param steps the steps of a piece ({@link Kind#SPLIT}); 0 otherwise
 */
public record SequenceLength(Kind kind, int steps) {

  /** The ways of bringing a mini-batch to one length. */
  public enum Kind { LONGEST, SHORTEST, SPLIT }

  public static final SequenceLength LONGEST = new SequenceLength(Kind.LONGEST, 0);
  public static final SequenceLength SHORTEST = new SequenceLength(Kind.SHORTEST, 0);

  public SequenceLength {
    if (kind == null) {
      throw new IllegalArgumentException("a sequence length kind is required");
    }
    if ((kind == Kind.SPLIT) != (steps > 0)) {
      throw new IllegalArgumentException(kind == Kind.SPLIT
          ? "a sequence length that splits needs at least 1 step per piece, not " + steps
          : "only a splitting sequence length has steps");
    }
  }

  /** Pieces of {@code steps} steps. */
  public static SequenceLength split(int steps) {
    return new SequenceLength(Kind.SPLIT, steps);
  }

  /** As MATLAB writes it: longest, shortest, or the number of steps. */
  @Override
  public String toString() {
    return kind == Kind.SPLIT ? Integer.toString(steps) : kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
