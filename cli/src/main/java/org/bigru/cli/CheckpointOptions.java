package org.bigru.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** train's checkpoints: where they go, how often, and resuming. */
final class CheckpointOptions {

  @Option(names = "--checkpoint-dir", paramLabel = "DIR", description = "Write a checkpoint after every epoch "
      + "(and every --checkpoint-every batches) into DIR, keeping the last two.")
  Path checkpointDir;

  @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "0",
      description = "Also checkpoint every N batches (0: at epoch ends only).")
  int checkpointEvery;

  @Option(names = "--resume", paramLabel = "DIR", description = "Continue from the newest valid checkpoint in DIR "
      + "(same command line otherwise); checkpoints keep going to DIR.")
  Path resume;

  void check(OptionChecks checks) {
    checks.atLeast("--checkpoint-every", checkpointEvery, 0);
    if (checkpointEvery > 0 && checkpointDir == null && resume == null) {
      throw new BadInputException("--checkpoint-every needs --checkpoint-dir");
    }
    if (resume != null && checkpointDir != null && !resume.equals(checkpointDir)) {
      throw new BadInputException("--resume " + resume + " and --checkpoint-dir " + checkpointDir
          + " differ: a resumed run keeps checkpointing into the directory it resumes from");
    }
  }

  /** Where checkpoints go: the folder resumed from, else --checkpoint-dir, else null. */
  Path folder() {
    return resume != null ? resume : checkpointDir;
  }

  /** The option that names {@link #folder()}. */
  String folderOption() {
    return resume != null ? "--resume" : "--checkpoint-dir";
  }
}
