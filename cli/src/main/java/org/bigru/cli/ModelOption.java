package org.bigru.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --model, the saved model that evaluate, predict and infer use. */
final class ModelOption {

  @Option(names = "--model", paramLabel = "MODEL", required = true,
      description = "Model file (from train, or a PyTorch state_dict saved as safetensors).")
  Path model;
}
