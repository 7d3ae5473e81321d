package org.bigru.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bigru.cli.pipeline.Evaluation;
import org.bigru.cli.pipeline.PreparedSequences;
import org.bigru.cli.pipeline.TableSequences;
import org.bigru.cli.pipeline.TensorData;
import org.bigru.cli.table.ColumnNames;
import org.bigru.cli.table.ColumnSelector;
import org.bigru.cli.table.MissingPolicy;
import org.bigru.cli.table.RawTable;
import org.bigru.cli.table.Table;
import org.bigru.cli.table.TableOptions;
import org.bigru.cli.table.TableReader;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.Task;
import org.bigru.model.data.Compatibility;
import org.bigru.model.data.Preprocessing;

/**
 * New data prepared as a saved model's preprocessing says (evaluate and predict). Whether the file has a header
 * row is the model's setting unless --header or --no-header says otherwise.
 */
final class ModelData {

  /** The sequences, and the table they came from (null for tensors). */
  record Loaded(PreparedSequences sequences, Table table) {

    /** The seasonal naive forecast's season: the model's, or from the table's index (1 for tensors). */
    int season(Preprocessing pre) {
      return table == null ? 1 : pre.season(table.index());
    }
  }

  /** A saved model run on new data: the network, its preprocessing, the data as it prepares it, the results. */
  record Scored(Network network, Preprocessing preprocessing, Loaded loaded, Evaluation.Result result) {

    PreparedSequences sequences() {
      return loaded.sequences();
    }
  }

  private ModelData() {
  }

  /**
   * Loads the model, prepares the data by its preprocessing, checks the heap and evaluates (evaluate and
   * predict); {@code doing} words the heap's message: "evaluating" or "predicting with".
   */
  static Scored score(Path model, int threads, Path data, DataOptions options, boolean withTargets, String doing)
      throws IOException {
    Network network = Models.load(model, "--model");
    network.setThreads(threads);
    Preprocessing pre = Preprocessing.fromMetadata(network.config().metadata(), model.toString());
    Loaded loaded = load(network.config(), pre, model, data, options, withTargets);
    Evaluation.checkMemory(network.config(), loaded.sequences(), doing + " " + model.getFileName() + " on "
        + data.getFileName());
    Evaluation.Result result = Evaluation.run(network, loaded.sequences(), pre, network.config().classNames(),
        loaded.season(pre));
    return new Scored(network, pre, loaded, result);
  }

  static Loaded load(ModelConfig config, Preprocessing pre, Path modelFile, Path data, DataOptions options,
                     boolean withTargets) throws IOException {
    InputFiles.require(data, "--data");
    if (!pre.isTable()) {
      if (TableReader.isTable(data)) {
        throw new BadInputException(modelFile + " was trained on tensors, so --data must be a .safetensors file, not "
            + data);
      }
      PreparedSequences sequences = TensorData.read(data, config.task(), withTargets).sequences();
      try {
        Compatibility.requireFeatures(config, sequences.data().features(), data + ": x", modelFile.toString());
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage(), e);
      }
      return new Loaded(sequences, null);
    }
    if (!TableReader.isTable(data)) {
      throw new BadInputException(modelFile + " was trained on a table, so --data must be .csv or .xlsx, not " + data);
    }
    boolean header = options.header(pre.header());
    RawTable raw = TableReader.read(data, options.sheet, header);
    for (String feature : pre.featureNames()) {
      if (raw.columnIndex(feature) < 0) {
        throw new BadInputException(data.getFileName() + " has no column '" + feature + "', which " + modelFile
            + " was trained on (its features: " + ColumnNames.describe(pre.featureNames()) + "; the file's columns: "
            + ColumnNames.describe(raw.header()) + ")" + (header == pre.header() ? ""
                : header ? "; the model was trained on a file without a header row, and --header reads the first "
                    + "row as names" : "; the model was trained on a file with a header row, and --no-header names "
                    + "the columns column1, column2, ..."));
      }
    }
    if (pre.difference() && !withTargets) {
      for (String target : pre.targetNames()) {
        if (raw.columnIndex(target) < 0) {
          throw new BadInputException(data.getFileName() + " has no column '" + target + "', the target of "
              + modelFile + ", which predicts changes (--difference) and adds them to the target's value at each "
              + "window's last row (the file's columns: " + ColumnNames.describe(raw.header()) + ")");
        }
      }
    }
    boolean classification = config.task() == Task.CLASSIFICATION;
    MissingPolicy missing = options.missing;
    Table table = ColumnSelector.select(raw, new TableOptions(pre.indexColumn(), List.of(), pre.featureNames(),
        pre.targetNames(), withTargets || pre.difference(), classification, missing));
    if (withTargets && table.targetNames().size() < pre.targetNames().size()) {
      throw new BadInputException(data.getFileName() + " has no target column '" + pre.targetName() + "'");
    }
    return new Loaded(TableSequences.build(table, pre, config.task(), config.outputMode(), config.classNames(),
        withTargets), table);
  }
}
