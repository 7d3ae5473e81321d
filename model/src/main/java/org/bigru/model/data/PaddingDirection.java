package org.bigru.model.data;

import org.bigru.model.EnumNames;

/**
 * Where a mini-batch's sequences are aligned (MATLAB's SequencePaddingDirection): at their first steps, padded or
 * cut at their ends (right), or at their last steps, padded or cut at their starts (left). Padding itself is
 * masked; the direction decides which steps {@link SequenceLength#SHORTEST} keeps and how a split mini-batch's
 * pieces fall on each sequence.
 */
public enum PaddingDirection {
  RIGHT, LEFT;

  public String lowerName() {
    return EnumNames.of(this);
  }
}
