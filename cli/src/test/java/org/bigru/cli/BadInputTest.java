package org.bigru.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.OutputMode;
import org.bigru.model.Task;
import org.bigru.model.io.ModelFile;
import org.bigru.model.io.SafeTensors;
import org.bigru.model.io.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input catalogue (docs/reliability.md lists it by rule): each case asserts the exit code, the single
 * line on stderr naming the problem (no stack trace), and the files left behind: none in the output folder for
 * a refusal, unless the case says which.
 */
class BadInputTest {

  @TempDir
  Path dir;
  Path outDir;

  @BeforeEach
  void outputFolder() throws IOException {
    outDir = Files.createDirectory(dir.resolve("out"));
  }

  // ---------------------------------------------------------------- input files: named, with row and column

  @Test
  void missingFile() {
    expectBadInput(train(dir.resolve("absent.csv")), "file not found", "absent.csv");
  }

  @Test
  void emptyFile() throws IOException {
    expectBadInput(train(TestData.write(dir.resolve("empty.csv"), "")), "empty.csv is empty");
  }

  @Test
  void headerOnly() throws IOException {
    expectBadInput(train(TestData.write(dir.resolve("head.csv"), "time,a,y\n")), "head.csv has a header but no data");
  }

  @Test
  void raggedRows() throws IOException {
    Path file = TestData.write(dir.resolve("ragged.csv"), "time,a,y\n1,2,3\n2,3\n3,4,5\n");
    expectBadInput(train(file), "ragged.csv row 3: 2 fields, expected 3");
  }

  @Test
  void nonNumericCell() throws IOException {
    Path file = TestData.write(dir.resolve("text.csv"), "time,a,y\n1,2,3\n2,abc,4\n");
    expectBadInput(train(file), "text.csv row 3, column 'a': expected a number, found 'abc'");
  }

  @Test
  void missingValue() throws IOException {
    Path file = TestData.write(dir.resolve("gap.csv"), "time,a,y\n1,2,3\n2,,4\n");
    expectBadInput(train(file), "gap.csv row 3, column 'a': missing value", "--missing");
  }

  @Test
  void unknownTarget() throws IOException {
    Path file = TestData.csv(dir, "d.csv", 40);
    expectBadInput(train(file, "--target", "nope"), "--target names column 'nope'", "columns: time, a, b, y");
  }

  @Test
  void unknownFeature() throws IOException {
    Path file = TestData.csv(dir, "d.csv", 40);
    expectBadInput(train(file, "--features", "a,zzz"), "--features names column 'zzz'");
  }

  @Test
  void windowLongerThanTheData() throws IOException {
    Path file = TestData.csv(dir, "d.csv", 30);
    expectBadInput(train(file, "--window", "40"), "30 rows are too few for a window of 40 rows");
  }

  @Test
  void tooFewRowsForTheSplit() throws IOException {
    Path file = TestData.csv(dir, "d.csv", 4);
    expectBadInput(train(file, "--window", "3", "--val-size", "0.2"), "too few for the split");
  }

  /** One row: the split is the cause, not a window of one row. */
  @Test
  void aSingleRowNamesTheSplit() throws IOException {
    Path file = TestData.csv(dir, "one.csv", 1);
    expectBadInput(train(file), "one.csv (1 row): too few for the split: 1 sequence cannot be split into 2 "
        + "non-empty parts (training, test)");
  }

  @Test
  void corruptWorkbook() throws IOException {
    Path file = TestData.write(dir.resolve("broken.xlsx"), "not a zip archive");
    expectBadInput(train(file), "broken.xlsx is not a readable .xlsx workbook");
  }

  @Test
  void infinityIsRefused() throws IOException {
    Path file = TestData.write(dir.resolve("huge.csv"), "time,a,y\n1,2,3\n2,1e999,4\n");
    expectBadInput(train(file), "huge.csv row 3, column 'a': 1e999 is beyond the range of a number");
  }

  /** Finite as a double, infinite as the float32 the network computes in: named with file, row and column. */
  @Test
  void beyondFloat32IsRefusedWhereItIs() throws IOException {
    Path file = TestData.write(dir.resolve("big.csv"), "time,a,y\n1,2,3\n2,6e38,4\n3,1,2\n");
    expectBadInput(train(file, "--window", "1"), "big.csv row 3, column 'a': 6e38 is beyond the range of float32");
  }

  /** A NUL byte in a cell is shown escaped: the message stays one line of text. */
  @Test
  void aNulByteInACellIsShownEscaped() throws IOException {
    Path file = TestData.write(dir.resolve("nul.csv"), "t,a,y\n0,1\u0000x,3\n1,2,3\n");
    CliRun run = train(file);
    expectBadInput(run, "nul.csv row 2, column 'a': expected a number, found '1\\u0000x'");
    assertFalse(run.err().contains("\u0000"), run::toString);
  }

  @Test
  void utf16WithoutAByteOrderMarkIsNamed() throws IOException {
    Path file = dir.resolve("u16.csv");
    Files.write(file, "t,a,y\n1,2,3\n2,3,4\n".getBytes(StandardCharsets.UTF_16LE));
    expectBadInput(train(file), "u16.csv looks like UTF-16 text (little-endian) without a byte-order mark; save it as "
        + "UTF-8");
  }

  @Test
  void aLoopOfSymbolicLinksIsNamed() throws IOException {
    Files.createSymbolicLink(dir.resolve("loop1.csv"), Path.of("loop2.csv"));
    Files.createSymbolicLink(dir.resolve("loop2.csv"), Path.of("loop1.csv"));
    expectBadInput(train(dir.resolve("loop1.csv")), "--data", "loop1.csv: a loop of symbolic links");
    Files.createSymbolicLink(dir.resolve("dangling.csv"), Path.of("gone.csv"));
    expectBadInput(train(dir.resolve("dangling.csv")), "--data", "dangling.csv is a symbolic link to",
        "gone.csv, which does not exist");
  }

  @Test
  void corruptModelFile() throws IOException {
    Path model = dir.resolve("corrupt.safetensors");
    Files.write(model, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0, '{', '}'});
    Path data = TestData.csv(dir, "d.csv", 40);
    expectBadInput(CliRun.of("evaluate", "--model", model.toString(), "--data", data.toString(),
        "--metrics-json", outDir.resolve("m.json").toString()), "corrupt.safetensors");
    expectBadInput(CliRun.of("predict", "--model", model.toString(), "--data", data.toString(), "--out",
        outDir.resolve("p.csv").toString()), "corrupt.safetensors");
    expectBadInput(CliRun.of("infer", "--model", model.toString(), "--input", model.toString(), "--output",
        outDir.resolve("y.safetensors").toString()), "corrupt.safetensors");
  }

  /** Weights that are not finite predict nothing but NaN: refused on load, naming the tensor and element. */
  @Test
  void aModelWithNonFiniteWeightsIsRefused() throws IOException {
    Network network = Network.create(ModelConfig.biGru(2, 3, OutputMode.LAST, 1, Task.REGRESSION), 1);
    network.parameter("fc.weight").set(2, Float.NaN);
    Path model = dir.resolve("nan.safetensors");
    ModelFile.save(network, model);
    Path x = tensors(dir.resolve("x.safetensors"), 2, 3, 2);
    expectBadInput(CliRun.of("infer", "--model", model.toString(), "--input", x.toString(), "--output",
        outDir.resolve("y.safetensors").toString()), "--model", "nan.safetensors: tensor 'fc.weight' holds NaN at "
        + "element 2");
    expectBadInput(CliRun.of("evaluate", "--model", model.toString(), "--data", x.toString()),
        "tensor 'fc.weight' holds NaN");
  }

  /** A model file's config is checked for sizes a Java array cannot hold and for what the heap cannot hold. */
  @Test
  void aSmallModelFileClaimingAHugeNetworkIsRefused() throws IOException {
    Path data = TestData.csv(dir, "d.csv", 40);
    expectBadInput(CliRun.of("evaluate", "--model", claiming("2147483647").toString(), "--data", data.toString()),
        "claims.safetensors: recurrent layer 0: a GRU layer of 2147483647 units", "more than a Java array holds");
    expectBadInput(CliRun.of("evaluate", "--model", claiming("20000").toString(), "--data", data.toString()),
        "the network claims.safetensors describes (2400520001 parameters) needs ", " MiB, the heap has ",
        " MiB; raise -Xmx through BIGRU_JAVA_OPTS or use a smaller model");
  }

  /** --no-header is honoured (not replaced by the model's setting), and a mismatch is explained. */
  @Test
  void predictHonoursNoHeaderAndExplainsTheMismatch() throws IOException {
    Path data = TestData.csv(dir, "d.csv", 60);
    Path model = dir.resolve("m.safetensors");
    assertEquals(0, CliRun.of("train", "--data", data.toString(), "--out", model.toString(), "--plot", "none",
        "--loss-plot", "none", "--epochs", "1", "--units", "2").code());
    expectBadInput(CliRun.of("predict", "--model", model.toString(), "--data", data.toString(), "--no-header",
        "--out", outDir.resolve("p.csv").toString()), "d.csv has no column 'a'",
        "the model was trained on a file with a header row, and --no-header names the columns column1, column2");
  }

  /** More steps than the rows give: the most the data allows is named. */
  @Test
  void stepsBeyondTheData() throws IOException {
    Path file = TestData.csv(dir, "d.csv", 40);
    expectBadInput(train(file, "--window", "10", "--steps", "40"), "d.csv: 40 rows are too few for --steps 40: a "
        + "window of 10 rows and the 40 rows after it need 50; at most --steps 29 here (or choose a shorter "
        + "--window)");
  }

  /** A target among the features of a window that predicts its own last row would hand the answer in. */
  @Test
  void theTargetAsAFeatureNeedsRowsAhead() throws IOException {
    Path file = TestData.csv(dir, "d.csv", 40);
    expectBadInput(train(file, "--features", "a,y"), "--features names the target 'y', and each window predicts "
        + "its own last row (horizon 0), so the answer would be among the inputs; forecast rows after it with "
        + "--steps K or --horizon N");
  }

  /** forecast continues the index: dates with a gap cannot be continued, and the first gap is named. */
  @Test
  void forecastRefusesAnIrregularDateIndex() throws IOException {
    Path model = forecaster(TestData.csv(dir, "d.csv", 60), "--features", "y");
    StringBuilder gaps = new StringBuilder("date,a,b,y\n");
    for (int r = 0; r < 30; r++) {
      double[] v = TestData.row(r);
      gaps.append(java.time.LocalDate.of(2020, 1, 1).plusDays(r < 20 ? r : r + 3)).append(',').append(v[0])
          .append(',').append(v[1]).append(',').append(v[2]).append('\n');
    }
    Path history = TestData.write(dir.resolve("gaps.csv"), gaps.toString());
    expectBadInput(CliRun.of("forecast", "--model", model.toString(), "--data", history.toString(), "--out",
        outDir.resolve("f.csv").toString()), "gaps.csv: the index 'date' is not regular: 2020-01-24 is not one day "
        + "after 2020-01-20 (as 2020-01-02 is after 2020-01-01); forecast continues an hourly, daily");
  }

  /** --recursive feeds forecasts back as inputs: every feature must be a target. */
  @Test
  void recursiveNeedsFeaturesThatAreTheTargets() throws IOException {
    Path data = TestData.csv(dir, "d.csv", 60);
    Path model = forecaster(data, "--features", "a,y");
    expectBadInput(CliRun.of("forecast", "--model", model.toString(), "--data", data.toString(), "--recursive", "9",
        "--out", outDir.resolve("f.csv").toString()), "--recursive feeds the forecasts back as inputs, so the "
        + "features must be exactly the targets; m.safetensors has the features [a, y] and the targets [y]");
  }

  /** A model of each row's own target has nothing to say after the data. */
  @Test
  void forecastNeedsAModelOfRowsAhead() throws IOException {
    Path data = TestData.csv(dir, "d.csv", 60);
    Path model = dir.resolve("m.safetensors");
    assertEquals(0, CliRun.of("train", "--data", data.toString(), "--out", model.toString(), "--plot", "none",
        "--loss-plot", "none", "--epochs", "1", "--units", "2", "--window", "4").code());
    expectBadInput(CliRun.of("forecast", "--model", model.toString(), "--data", data.toString()),
        "m.safetensors predicts the target of each window's own last row (horizon 0), not rows after the data; "
            + "train it with --steps K (or --horizon N) to forecast");
  }

  // ---------------------------------------------------------------- options: checked once, before any data

  @Test
  void usageErrors() {
    expectBadInput(CliRun.of("train", "--epochs", "many"), "--epochs");
    expectBadInput(CliRun.of("train", "--no-such-option"), "Unknown option");
    expectBadInput(CliRun.of("frobnicate"), "frobnicate");
    expectBadInput(CliRun.of("train", "--data", "x.csv", "--test-size", "1.5", "--out",
        outDir.resolve("m.safetensors").toString()), "--test-size must be in [0, 1)");
  }

  /**
   * NaN is refused (it is not "unset"), and a value beyond float32 is shown as typed, not as "Infinity"; each is
   * refused before the data file is even looked at (it does not exist here).
   */
  @Test
  void ratesAreCheckedAsTypedBeforeTheData() {
    Path absent = dir.resolve("absent.csv");
    expectBadInput(train(absent, "--lr", "NaN"), "--lr must be a number above 0", "not NaN");
    expectBadInput(train(absent, "--lr", "1e308"), "--lr must be a number above 0", "not 1e308");
    expectBadInput(train(absent, "--lr", "-0.5"), "--lr must be a number above 0", "not -0.5");
    expectBadInput(train(absent, "--l2", "-1"), "--l2 must be a number from 0", "not -1");
    expectBadInput(train(absent, "--clip", "NaN"), "--clip must be a number from 0", "not NaN");
    expectBadInput(train(absent, "--dropout", "NaN"), "--dropout must be in [0, 1), not NaN");
    expectBadInput(train(absent, "--threads", "-2"), "--threads must be at least 0, not -2");
    expectBadInput(train(absent, "--optimizer", "adamw"), "--optimizer: unknown optimizer 'adamw'");
  }

  /** Quantile levels: in (0, 1), ascending, with the median; and the forecasting options' other rules. */
  @Test
  void forecastingOptionsAreCheckedAsTypedBeforeTheData() {
    Path absent = dir.resolve("absent.csv");
    expectBadInput(train(absent, "--quantiles", "0,0.5,0.9"), "--quantiles 0,0.5,0.9: quantile 1 is 0.0, expected a "
        + "level in (0, 1)");
    expectBadInput(train(absent, "--quantiles", "0.1,0.5,1.5"), "quantile 3 is 1.5, expected a level in (0, 1)");
    expectBadInput(train(absent, "--quantiles", "0.9,0.5,0.1"), "--quantiles 0.9,0.5,0.1: quantile 2 (0.5) is not "
        + "above quantile 1 (0.9): levels must be given in ascending order, each once");
    expectBadInput(train(absent, "--quantiles", "0.1,0.9"), "--quantiles 0.1,0.9: the levels must include 0.5, the "
        + "median, which is the point forecast");
    expectBadInput(train(absent, "--quantiles", "NaN,0.5"), "quantile 1 is NaN");
    expectBadInput(train(absent, "--difference"), "--difference predicts changes from a window's last row, so it "
        + "needs rows after it: give --steps K (or --horizon N)");
    expectBadInput(train(absent, "--steps", "3", "--plot-step", "4"), "--plot-step 4 is beyond the --steps 3");
    expectBadInput(train(absent, "--steps", "-1"), "--steps must be at least 0, not -1");
    expectBadInput(train(absent, "--task", "classification", "--target", "a,y"), "--target a,y: classification "
        + "has one target column");
    expectBadInput(train(absent, "--steps", "2", "--return-sequences"), "--return-sequences trains every step on "
        + "its own row; --steps 2 predicts from a window's last row: use one or the other");
  }

  /** Sizes that overflow a Java array: refused naming the options as typed, never "internal error". */
  @Test
  void sizesBeyondAnArrayNameTheOption() {
    Path absent = dir.resolve("absent.csv");
    expectBadInput(train(absent, "--units", "100000"), "--units 100000: a GRU layer of 100000 units",
        "more than a Java array holds");
    expectBadInput(train(absent, "--dense", "2000000000"), "--units 2 --dense 2000000000: the weights of hidden "
        + "dense layer 1 (2000000000 units x 4 inputs)", "more than a Java array holds");
  }

  /** What the options ask of memory, checked before anything of that size is allocated. */
  @Test
  void sizesBeyondTheHeapAreOneLine() {
    Path absent = dir.resolve("absent.csv");
    expectBadInput(train(absent, "--units", "20000"), "--units 20000 needs ", " MiB, the heap has ",
        " MiB; raise -Xmx through BIGRU_JAVA_OPTS or shrink --units, --layers or --dense");
    expectBadInput(train(absent, "--layers", "2000000000"), "--units 2 --layers 2000000000 needs ");
    expectBadInput(CliRun.of("bench", "--units", "20000"), "--units 20000", "needs ", "raise -Xmx");
  }

  @Test
  void emptyNamesAndPlotFormats() throws IOException {
    Path file = TestData.csv(dir, "d.csv", 40);
    expectBadInput(CliRun.of("train", "--data", file.toString(), "--out", ""), "--out is empty; give a file name");
    expectBadInput(CliRun.of("train", "--data", ""), "--data is empty; give a file name");
    expectBadInput(train(file, "--plot", outDir.resolve("fit.svg").toString()), "--plot", "fit.svg: plots are PNG "
        + "images, so the name must end in .png");
  }

  // ---------------------------------------------------------------- outputs: one plan, committed together

  @Test
  void unwritableOutputPath() throws IOException {
    Path file = TestData.csv(dir, "d.csv", 40);
    expectBadInput(CliRun.of("train", "--data", file.toString(), "--out",
        dir.resolve("no-such-folder").resolve("m.safetensors").toString()), "does not exist");
    expectBadInput(CliRun.of("train", "--data", file.toString(), "--out", outDir.toString()), "is a folder");
  }

  @Test
  void outputOverInputIsRefused() throws IOException {
    Path file = TestData.csv(dir, "d.csv", 40);
    String before = Files.readString(file);
    expectBadInput(CliRun.of("train", "--data", file.toString(), "--out", outDir.resolve("m.safetensors").toString(),
        "--plot", "none", "--loss-plot", "none", "--metrics-json", file.toString()), "is the input --data");
    assertEquals(before, Files.readString(file));
  }

  /** Two outputs naming one file would leave one of them (the model, say) replaced by the other. */
  @Test
  void twoOutputsCannotShareAFile() throws IOException {
    Path file = TestData.csv(dir, "d.csv", 40);
    String model = outDir.resolve("m.safetensors").toString();
    expectBadInput(train(file, "--out", model, "--plot", model), "--plot " + model + " is the same file as --out "
        + model);
    String shared = outDir.resolve("x.png").toString();
    expectBadInput(train(file, "--loss-plot", shared, "--metrics-json", shared), "--metrics-json " + shared
        + " is the same file as --loss-plot " + shared);
    String viaDotDot = outDir.resolve("..").resolve("out").resolve("x.png").toString();
    expectBadInput(train(file, "--loss-plot", shared, "--plot", viaDotDot), "--loss-plot " + shared
        + " is the same file as --plot " + viaDotDot);
    expectBadInput(train(file, "--out", model, "--checkpoint-dir", model), "--checkpoint-dir " + model
        + " is the same path as --out " + model);
  }

  /** `..` after a missing folder fails as the file system would fail it, before training, not after. */
  @Test
  void dotDotAfterAMissingFolderIsRefusedBeforeTraining() throws IOException {
    Path file = TestData.csv(dir, "d.csv", 40);
    CliRun run = train(file, "--plot", outDir.resolve("nodir").resolve("..").resolve("fit.png").toString());
    expectBadInput(run, "--plot", "nodir/../fit.png: the folder", "nodir/.. does not exist");
    assertFalse(run.out().contains("epoch"), "refused before training: " + run);
  }

  /**
   * Devices are refused by name, through a link too (as /dev/stdout is one): renaming over them, as root, would
   * replace the system's file. (cli/launcher-check.sh tries /dev/stdout itself.)
   */
  @Test
  void devicesAreRefusedByName() throws IOException {
    Path file = TestData.csv(dir, "d.csv", 40);
    expectBadInput(train(file, "--metrics-json", "/dev/null"), "--metrics-json /dev/null is a character device, not "
        + "a regular file");
    Path link = Files.createSymbolicLink(dir.resolve("stdout"), Path.of("/dev/null"));
    expectBadInput(train(file, "--loss-plot", link.toString()), "--loss-plot " + link + " is a character device, "
        + "not a regular file");
    assertTrue(Files.isSymbolicLink(link));
  }

  /** A symbolic link as an output is written through: the file it names gets the model, the link stays. */
  @Test
  void aSymbolicLinkOutputIsWrittenThrough() throws IOException {
    Path file = TestData.csv(dir, "d.csv", 40);
    Path real = Files.createDirectory(dir.resolve("models")).resolve("real.safetensors");
    Path link = Files.createSymbolicLink(outDir.resolve("link.safetensors"), real);
    CliRun run = train(file, "--out", link.toString(), "--plot", "none", "--loss-plot", "none", "--metrics-json",
        outDir.resolve("m.json").toString());
    expect(run, 0, List.of("link.safetensors", "m.json"));
    assertTrue(Files.isSymbolicLink(link));
    assertTrue(Files.size(real) > 0);
    assertEquals(List.of("real.safetensors"), names(real.getParent()));
  }

  /** A run that stops on a non-finite loss writes the model of the last good step, and nothing else. */
  @Test
  void aDivergingRunCommitsOnlyTheModel() throws IOException {
    Path file = TestData.csv(dir, "d.csv", 120);
    CliRun run = train(file, "--optimizer", "sgdm", "--lr", "1e30", "--epochs", "2");
    assertEquals(3, run.code(), run::toString);
    assertEquals(1, run.errLines().length, run::toString);
    assertEquals(List.of("model.safetensors"), names(outDir));
  }

  // ---------------------------------------------------------------- checkpoint folders: owned by one run

  @Test
  void aCheckpointFolderServesOneRun() throws IOException {
    Path file = TestData.csv(dir, "d.csv", 80);
    Path folder = dir.resolve("ck");
    assertEquals(0, train(file, "--checkpoint-dir", folder.toString(), "--plot", "none", "--loss-plot", "none",
        "--metrics-json", outDir.resolve("first.json").toString()).code());
    Files.delete(outDir.resolve("model.safetensors"));
    Files.delete(outDir.resolve("first.json"));
    List<String> checkpoints = names(folder);
    byte[] newest = Files.readAllBytes(folder.resolve(checkpoints.get(1)));

    expectBadInput(train(file, "--checkpoint-dir", folder.toString(), "--units", "3"), "--checkpoint-dir "
        + folder + " belongs to another run (a different network); give a new --checkpoint-dir, or --resume");
    expectBadInput(train(file, "--checkpoint-dir", folder.toString()), "--checkpoint-dir " + folder
        + " already holds the checkpoints of this same run");
    expectBadInput(train(file, "--resume", folder.toString(), "--seed", "5"), "--resume " + folder
        + " belongs to another run (seed 42 there, seed 5 here)");
    assertEquals(checkpoints, names(folder));
    assertArrayEquals(newest, Files.readAllBytes(folder.resolve(checkpoints.get(1))));
  }

  // ---------------------------------------------------------------- memory: sizes checked against the heap

  /** 5,000 columns on a 64 MiB heap: one line, whether the cells, the windows or the training do not fit. */
  @Test
  void aWideTableOnASmallHeapIsOneLine() throws Exception {
    Path wide = wideCsv(dir.resolve("wide.csv"), 5000, 100);
    ChildCli windows = ChildCli.start(List.of("-Xmx64m"), dir.resolve("err1.txt"), trainArgs(wide, "--window", "8"));
    expectChild(windows, 2, "training BiGRU(2, last) -> fc(1) (60053 parameters) on 74 sequences of up to 8 x 5000 "
        + "values in mini-batches of 32",
        " needs ", " MiB, the heap has ", " MiB; raise -Xmx through BIGRU_JAVA_OPTS or shrink --batch, --window");
    Path longer = wideCsv(dir.resolve("long.csv"), 5000, 600);
    ChildCli cells = ChildCli.start(List.of("-Xmx64m"), dir.resolve("err2.txt"), trainArgs(longer, "--window", "1"));
    expectChild(cells, 2, "reading long.csv (about ", " rows x 5002 columns) needs ", " MiB, the heap has ",
        "raise -Xmx through BIGRU_JAVA_OPTS or shrink the table");
  }

  /**
   * About 10,000 classes: the report lists the most frequent classes with a note, the confusion plot draws the
   * most frequent ones, the JSON holds every class; nothing is quadratic per class.
   */
  @Test
  void manyClassesGiveACappedReport() throws IOException {
    int classes = 2500;
    StringBuilder sb = new StringBuilder("t,a,label\n");
    for (int r = 0; r < 3 * classes; r++) {
      sb.append(r).append(',').append(String.format(Locale.ROOT, "%.4f", Math.sin(r))).append(",k")
          .append(r % classes).append('\n');
    }
    Path file = TestData.write(dir.resolve("classes.csv"), sb.toString());
    CliRun run = train(file, "--task", "classification", "--window", "1");
    expect(run, 0, List.of("fit.png", "loss.png", "metrics.json", "model.safetensors"));
    assertTrue(run.out().contains("(2500 classes: the 30 with the most test sequences are listed; --metrics-json "
        + "holds every class)"), run::toString);
    assertTrue(run.out().contains("confusion matrix: 2500 x 2500, too wide to print"), run::toString);
    assertTrue(run.out().lines().count() < 60, run::toString);
    String json = Files.readString(outDir.resolve("metrics.json"));
    assertTrue(json.contains("\"k2499\":{\"precision\""), "every class in the JSON");
  }

  // ---------------------------------------------------------------- signals: nothing half-written stays

  /** SIGTERM (a supervisor, Popen.terminate()) stops the JVM itself: no model later, no temporary file. */
  @Test
  void sigtermStopsTrainingAndLeavesNothing() throws Exception {
    Path file = TestData.csv(dir, "d.csv", 120);
    ChildCli child = ChildCli.start(List.of(), dir.resolve("err.txt"), trainArgs(file, "--epochs", "100000",
        "--units", "16"));
    assertTrue(child.awaitLine("epoch ", 120), "training started");
    child.signal("TERM");
    assertEquals(143, child.exitCode(60));
    assertEquals(0, child.errLines().length, String.join("\n", child.errLines()));
    assertEquals(List.of(), names(outDir));
  }

  /**
   * Ctrl-C while checkpoints (of a few MB, forced to disk) are written after every batch, so that the signal
   * most likely lands inside one: no .checkpoint-*.tmp stays behind.
   */
  @Test
  void ctrlCDuringCheckpointingLeavesNoTemporaryFile() throws Exception {
    Path file = TestData.csv(dir, "d.csv", 40);
    Path folder = dir.resolve("ck");
    ChildCli child = ChildCli.start(List.of(), dir.resolve("err.txt"), trainArgs(file, "--epochs", "100000",
        "--units", "256", "--batch", "1", "--checkpoint-dir", folder.toString(), "--checkpoint-every", "1"));
    assertTrue(child.awaitLine("epoch ", 120), "training started");
    child.signal("INT");
    assertEquals(130, child.exitCode(60));
    assertEquals(0, child.errLines().length, String.join("\n", child.errLines()));
    assertEquals(List.of(), names(outDir));
    for (String name : names(folder)) {
      assertTrue(name.matches("checkpoint-\\d{10}\\.safetensors|run\\.json"), name);
    }
  }

  // ---------------------------------------------------------------- helpers

  private CliRun train(Path data, String... extra) {
    return CliRun.of(trainArgs(data, extra).toArray(new String[0]));
  }

  private List<String> trainArgs(Path data, String... extra) {
    List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(),
        "--out", outDir.resolve("model.safetensors").toString(),
        "--plot", outDir.resolve("fit.png").toString(),
        "--loss-plot", outDir.resolve("loss.png").toString(),
        "--metrics-json", outDir.resolve("metrics.json").toString(),
        "--epochs", "1", "--units", "2"));
    args.addAll(Arrays.asList(extra));
    return args;
  }

  /** Exit code 2, one line on stderr holding every fragment, no stack trace, nothing in the output folder. */
  private void expectBadInput(CliRun run, String... fragments) {
    expect(run, 2, List.of(), fragments);
  }

  /** The exit code, stderr (one line with the fragments, or none for exit 0) and the output folder's files. */
  private void expect(CliRun run, int code, List<String> filesLeft, String... fragments) {
    assertEquals(code, run.code(), run::toString);
    String[] lines = run.errLines();
    assertEquals(code == 0 ? 0 : 1, lines.length, run::toString);
    for (String fragment : fragments) {
      assertTrue(lines[0].contains(fragment), () -> "expected '" + fragment + "' in: " + lines[0]);
    }
    assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run::toString);
    assertEquals(filesLeft, names(outDir), "files left in the output folder");
  }

  private void expectChild(ChildCli child, int code, String... fragments) throws Exception {
    assertEquals(code, child.exitCode(120), () -> child.drainOut());
    String[] lines = child.errLines();
    assertEquals(1, lines.length, () -> String.join("\n", lines));
    for (String fragment : fragments) {
      assertTrue(lines[0].contains(fragment), () -> "expected '" + fragment + "' in: " + lines[0]);
    }
    assertEquals(List.of(), names(outDir), "files left in the output folder");
  }

  private static List<String> names(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** t, c0..c{features-1}, y: {@code rows} rows of numbers. */
  private static Path wideCsv(Path file, int features, int rows) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      StringBuilder line = new StringBuilder("t");
      for (int c = 0; c < features; c++) {
        line.append(",c").append(c);
      }
      out.write(line.append(",y\n").toString().getBytes(StandardCharsets.UTF_8));
      for (int r = 0; r < rows; r++) {
        line.setLength(0);
        line.append(r);
        for (int c = 0; c <= features; c++) {
          line.append(',').append((r * 31 + c * 17) % 1000 / 1000.0);
        }
        out.write(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
      }
    }
    return file;
  }

  /** x [n, steps, features] of small numbers and y [n, 1]. */
  private static Path tensors(Path file, int n, int steps, int features) throws IOException {
    float[] x = new float[n * steps * features];
    for (int i = 0; i < x.length; i++) {
      x[i] = (i % 7) / 7f;
    }
    new SafeTensors(Map.of(), Map.of("x", Tensor.ofFloats(new int[] {n, steps, features}, x),
        "y", Tensor.ofFloats(new int[] {n, 1}, new float[n]))).write(file);
    return file;
  }

  /** A model of y three steps ahead, trained briefly on {@code data} with these options. */
  private Path forecaster(Path data, String... extra) {
    Path model = dir.resolve("m.safetensors");
    List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--out", model.toString(),
        "--plot", "none", "--loss-plot", "none", "--epochs", "1", "--units", "2", "--window", "4", "--steps", "3",
        "--target", "y"));
    args.addAll(Arrays.asList(extra));
    CliRun run = CliRun.of(args.toArray(new String[0]));
    assertEquals(0, run.code(), run::toString);
    return model;
  }

  /** A few hundred bytes whose config claims a bidirectional GRU of {@code units} units. */
  private Path claiming(String units) throws IOException {
    Path file = dir.resolve("claims.safetensors");
    String config = "{\"input_size\": 2, \"recurrent\": [{\"units\": " + units + ", \"bidirectional\": true, "
        + "\"reset_mode\": \"recurrent-bias-after-multiplication\", \"merge\": \"concat\"}], \"output_mode\": "
        + "\"last\", \"output_size\": 1}";
    new SafeTensors(Map.of("format", "bigru", "format_version", "1", "config", config),
        Map.of("fc.bias", Tensor.ofFloats(new int[] {1}, new float[1]))).write(file);
    return file;
  }
}
