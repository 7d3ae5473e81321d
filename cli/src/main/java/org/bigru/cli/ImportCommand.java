package org.bigru.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bigru.cli.output.OutputPlan;
import org.bigru.model.Network;
import org.bigru.model.Task;
import org.bigru.model.io.ModelFile;
import org.bigru.model.io.keras.KerasImporter;
import org.bigru.model.io.onnx.OnnxImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A model from another framework's file (ONNX, Keras), saved as a bigru model file. */
@Command(name = "import", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
    description = {"Read a model from an ONNX graph (.onnx: GRU/LSTM nodes as PyTorch's exporters and bigru "
        + "write them) or a Keras model (.keras, or Keras 2 .h5) and save it as a bigru model file.",
        "Anything bigru cannot compute exactly is refused with one line naming the node or layer."})
final class ImportCommand implements Callable<Integer> {

  static {
    // jHDF logs through SLF4J, which without a provider prints warnings: the one-line rule needs silence.
    setIfAbsent("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
    setIfAbsent("slf4j.internal.verbosity", "ERROR");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  @Spec
  CommandSpec spec;

  @Option(names = "--from", paramLabel = "FILE", required = true, description = "Model to read: .onnx, .keras or .h5.")
  Path from;

  @Option(names = "--out", paramLabel = "MODEL", required = true, description = "bigru model file to write.")
  Path out;

  @Override
  public Integer call() throws IOException {
    OutputPlan plan = new OutputPlan();
    plan.input("--from", InputFiles.require(from, "--from"));
    OutputPlan.Output model = plan.output("--out", out);
    String name = from.getFileName().toString().toLowerCase(Locale.ROOT);
    Network network;
    try {
      if (name.endsWith(".onnx")) {
        network = OnnxImporter.importFile(from);
      } else if (name.endsWith(".keras") || name.endsWith(".h5") || name.endsWith(".hdf5")) {
        network = KerasImporter.importFile(from);
      } else {
        throw new BadInputException("--from " + from + ": expected an .onnx, .keras or .h5 file");
      }
    } catch (NoSuchFileException e) {
      throw new BadInputException("file not found: " + e.getFile() + " (--from)", e);
    } catch (IOException e) {
      throw new BadInputException("--from " + e.getMessage(), e);
    }
    try (plan) {
      plan.writeFile(model, file -> ModelFile.save(network, file));
      plan.commit();
    }
    var printer = spec.commandLine().getOut();
    printer.printf("%s imported from %s, written to %s%n", network.config().summary(), from, out);
    if (network.config().task() == Task.CLASSIFICATION) {
      printer.println("the model ends in a softmax: classification; 'bigru infer' gives the logits before it");
    }
    String mask = network.config().metadata().get(KerasImporter.MASK_VALUE_KEY);
    if (mask != null) {
      printer.printf("the Keras model masks steps equal to %s: give bigru the sequences' lengths (tensor "
          + "'lengths'), padded steps at the end%n", mask);
    }
    return ExitCodes.OK;
  }
}
