package org.bigru.model.train;

import java.util.random.RandomGenerator;

/**
 * SplitMix64 (Steele, Lea and Flood 2014; the generator behind {@code java.util.SplittableRandom} with its
 * fixed golden gamma): the whole state is one long, readable and settable, so that a training checkpoint can
 * store where the shuffle and dropout streams are and a resumed run draws exactly the same numbers.
 *
 * <pre>
 * state += 0x9E3779B97F4A7C15
 * z = state; z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z >>> 27)) * 0x94D049BB133111EB
 * next = z ^ (z >>> 31)
 * </pre>
 * {@link #nextInt(int)} is spelled out (unbiased by rejection) so that it cannot change with the JDK.
 */
public final class SplitMix64 implements RandomGenerator {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;

  public SplitMix64(long state) {
    this.state = state;
  }

  /** The state: a generator built from it continues this one's sequence exactly. */
  public long state() {
    return state;
  }

  /** Continues from a state read with {@link #state()}. */
  public void setState(long state) {
    this.state = state;
  }

  @Override
  public long nextLong() {
    long z = (state += GOLDEN_GAMMA);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public int nextInt() {
    return (int) (nextLong() >>> 32);
  }

  /** Uniform in [0, bound): the top 31 bits, rejecting the values of the incomplete last block. */
  @Override
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, not " + bound);
    }
    int limit = Integer.MAX_VALUE - (int) ((Integer.MAX_VALUE + 1L) % bound);
    while (true) {
      int r = (int) (nextLong() >>> 33);
      if (r <= limit) {
        return r % bound;
      }
    }
  }
}
