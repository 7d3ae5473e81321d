package org.bigru.model.train;

import java.nio.file.Path;

/**
 * A checkpoint folder that this run may not use: it belongs to another run, or (for a new run) already holds
 * checkpoints. Front ends phrase the way out in their own terms from {@link #folder()}, {@link #reason()} and
 * {@link #resuming()}.
 */
public final class CheckpointFolderException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient Path folder;
  private final String reason;
  private final boolean resuming;

  CheckpointFolderException(Path folder, String reason, boolean resuming) {
    super("checkpoint folder " + folder + " " + reason + (resuming
        ? "; resume with that run's data and options, or start a new run in a new folder"
        : "; resume that run, or start this one in a new folder"));
    this.folder = folder;
    this.reason = reason;
    this.resuming = resuming;
  }

  /** The folder as the caller gave it. */
  public Path folder() {
    return folder;
  }

  /** Why it is refused, to follow the folder's name: "holds the checkpoints of another run (...)". */
  public String reason() {
    return reason;
  }

  /** Whether the refused run asked to resume. */
  public boolean resuming() {
    return resuming;
  }
}
