package org.bigru.cli;

import java.util.Arrays;
import java.nio.file.Path;
import org.bigru.model.Network;
import org.bigru.model.Parameter;

/** {@code train --init}: starts a new network from the weights of a saved one of the same architecture. */
final class InitialWeights {

  private InitialWeights() {
  }

  static void copy(Path modelFile, Network network) {
    Network saved = Models.load(modelFile, "--init");
    for (Parameter p : network.parameters()) {
      Parameter from;
      try {
        from = saved.parameter(p.name());
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--init " + modelFile + " has no tensor '" + p.name()
            + "': its architecture differs from the one asked for", e);
      }
      if (!Arrays.equals(from.shape(), p.shape())) {
        throw new BadInputException("--init " + modelFile + ": tensor '" + p.name() + "' has shape "
            + Arrays.toString(from.shape()) + ", the network asked for needs " + Arrays.toString(p.shape()));
      }
      p.setValues(from.copyOfValues());
    }
    if (saved.parameters().size() != network.parameters().size()) {
      throw new BadInputException("--init " + modelFile + " has " + saved.parameters().size()
          + " tensors, the network asked for has " + network.parameters().size());
    }
  }
}
