package org.bigru.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bigru.cli.output.OutputPlan;
import org.bigru.cli.pipeline.TensorData;
import org.bigru.model.MemoryBudget;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.OutputMode;
import org.bigru.model.SequenceBatch;
import org.bigru.model.data.Compatibility;
import org.bigru.model.io.SafeTensors;
import org.bigru.model.io.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Raw tensors in, raw outputs out: no preprocessing (what a PyTorch user checks parity with). */
@Command(name = "infer", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
    description = {"Run a model on raw tensors, no preprocessing: tensor x [N, T, I] float32 (optional lengths [N]) "
        + "in, tensor y out: [N, O] for output mode 'last', [N, T, O] for 'sequence' (zeros on padded steps).",
        "Classification outputs are logits."})
final class InferCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ModelOption modelOption;

  @Option(names = "--input", paramLabel = "X", required = true, description = "safetensors file with tensor x.")
  Path input;

  @Option(names = "--output", paramLabel = "Y", required = true, description = "safetensors file to write, tensor y.")
  Path output;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "256", description = "PreparedSequences per forward pass.")
  int batch;

  @Mixin
  ThreadsOption threads;

  @Override
  public Integer call() throws IOException {
    OptionChecks checks = new OptionChecks(spec);
    checks.atLeast("--batch", batch, 1);
    int threadCount = threads.resolve(checks);
    Path model = modelOption.model;
    OutputPlan plan = new OutputPlan();
    plan.input("--model", InputFiles.require(model, "--model"));
    plan.input("--input", InputFiles.require(input, "--input"));
    OutputPlan.Output y = plan.output("--output", output);
    try (plan) {
      infer(plan, y, checks.described("--batch", batch), model, threadCount);
    }
    return ExitCodes.OK;
  }

  private void infer(OutputPlan plan, OutputPlan.Output file, String batchOption, Path model, int threadCount)
      throws IOException {
    Network network = Models.load(model, "--model");
    network.setThreads(threadCount);
    ModelConfig config = network.config();
    SafeTensors content = TensorData.readFile(input);
    Tensor x = TensorData.inputs(content, input);
    int n = x.shape()[0];
    int steps = x.shape()[1];
    int features = x.shape()[2];
    try {
      Compatibility.requireFeatures(config, features, input + ": x", model.toString());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    boolean perStep = config.outputMode() == OutputMode.SEQUENCE;
    long outputValues = (long) n * (perStep ? steps : 1) * config.outputSize();
    if (outputValues > MemoryBudget.MAX_ARRAY) {
      throw new BadInputException(input + ": " + n + " sequences give " + outputValues + " output values, more than "
          + "one tensor holds here (" + MemoryBudget.MAX_ARRAY + "); split x into smaller files");
    }
    // y, the slice of x and the output of each batch, and the network's buffers for one batch.
    MemoryBudget.require(MemoryBudget.saturatedAdd(MemoryBudget.inferenceBytes(config, Math.min(batch, n), steps),
        Float.BYTES * (2 * outputValues + 2L * Math.min(batch, n) * steps * features)),
        "inferring " + n + " sequences of " + steps + " x " + features + " values (" + batchOption + ")",
        "shrink --batch or split x into smaller files");
    int[] lengths = TensorData.lengths(content, input, n, steps);
    int outputs = config.outputSize();
    int rowWidth = perStep ? steps * outputs : outputs;
    float[] y = new float[(int) outputValues];
    float[] values = x.floats();
    for (int from = 0; from < n; from += batch) {
      int size = Math.min(batch, n - from);
      float[] slice = Arrays.copyOfRange(values, from * steps * features, (from + size) * steps * features);
      int[] len = lengths == null ? null : Arrays.copyOfRange(lengths, from, from + size);
      float[] result = network.predict(new SequenceBatch(slice, size, steps, features, len));
      System.arraycopy(result, 0, y, from * rowWidth, size * rowWidth);
    }
    int[] shape = perStep ? new int[] {n, steps, outputs} : new int[] {n, outputs};
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("producer", "bigru infer");
    metadata.put("output_mode", config.outputMode().lowerName());
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("y", Tensor.ofFloats(shape, y));
    SafeTensors yFile = new SafeTensors(metadata, tensors);
    plan.writeFile(file, yFile::write);
    plan.commit();
    spec.commandLine().getOut().printf("y %s written to %s%n", Arrays.toString(shape), output);
  }
}
