package org.bigru.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --checkpoint-dir / --checkpoint-every / --resume / --on-nonfinite. */
class CheckpointCommandTest {

  @TempDir
  Path dir;

  private CliRun train(Path data, Path model, int epochs, String... extra) {
    List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--out", model.toString(),
        "--plot", "none", "--loss-plot", "none", "--epochs", String.valueOf(epochs), "--units", "5",
        "--batch", "16", "--threads", "1", "--window", "6", "--dropout", "0.1", "--dense", "4"));
    args.addAll(Arrays.asList(extra));
    return CliRun.of(args.toArray(new String[0]));
  }

  @Test
  void resumingAStoppedRunForMoreEpochsEqualsOneLongRun() throws IOException {
    Path data = TestData.csv(dir, "train.csv", 150);
    Path straight = dir.resolve("straight.safetensors");
    CliRun full = train(data, straight, 4);
    assertEquals(0, full.code(), full::toString);

    Path checkpoints = dir.resolve("ck");
    Path first = dir.resolve("first.safetensors");
    CliRun part = train(data, first, 2, "--checkpoint-dir", checkpoints.toString(), "--checkpoint-every", "3");
    assertEquals(0, part.code(), part::toString);
    try (Stream<Path> files = Files.list(checkpoints)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(3, names.size(), names.toString());
      assertTrue(names.subList(0, 2).stream().allMatch(n -> n.matches("checkpoint-\\d{10}\\.safetensors")),
          names.toString());
      assertEquals("run.json", names.get(2), "the fingerprint of the run that owns the folder");
    }

    Path resumed = dir.resolve("resumed.safetensors");
    CliRun more = train(data, resumed, 4, "--resume", checkpoints.toString());
    assertEquals(0, more.code(), more::toString);
    assertTrue(more.out().contains("epoch 3/4") && !more.out().contains("epoch 1/4"), more::toString);
    assertArrayEquals(Files.readAllBytes(straight), Files.readAllBytes(resumed),
        "2 epochs + resumed to 4 = 4 epochs straight, byte for byte");
  }

  @Test
  void resumeRefusesAnotherSeedAndBadOptionsClearly() throws IOException {
    Path data = TestData.csv(dir, "train.csv", 120);
    Path checkpoints = dir.resolve("ck");
    Path model = dir.resolve("m.safetensors");
    assertEquals(0, train(data, model, 1, "--checkpoint-dir", checkpoints.toString()).code());

    CliRun otherSeed = train(data, model, 2, "--resume", checkpoints.toString(), "--seed", "5");
    assertEquals(2, otherSeed.code(), otherSeed::toString);
    assertTrue(otherSeed.err().contains("seed 42") && otherSeed.err().contains("seed 5"), otherSeed::toString);

    CliRun everyAlone = train(data, model, 1, "--checkpoint-every", "2");
    assertEquals(2, everyAlone.code(), everyAlone::toString);
    assertTrue(everyAlone.err().contains("--checkpoint-every needs --checkpoint-dir"), everyAlone::toString);

    CliRun missing = train(data, model, 1, "--resume", dir.resolve("nowhere").toString());
    assertEquals(2, missing.code(), missing::toString);
    assertTrue(missing.err().contains("no such directory"), missing::toString);

    CliRun policy = train(data, model, 1, "--on-nonfinite", "ignore");
    assertEquals(2, policy.code(), policy::toString);
    assertTrue(policy.err().contains("unknown non-finite policy 'ignore'"), policy::toString);
  }

  @Test
  void aDivergingRunStopsWithExitCode3NamingEpochAndBatch() throws IOException {
    Path data = TestData.csv(dir, "train.csv", 120);
    Path model = dir.resolve("m.safetensors");
    // A learning rate of 1e30 overflows the weights within a step or two.
    CliRun run = train(data, model, 2, "--optimizer", "sgdm", "--lr", "1e30");
    assertEquals(3, run.code(), run::toString);
    assertTrue(run.err().matches("(?s).*non-finite (loss|gradient).* at epoch \\d+, batch \\d+ of \\d+.*"),
        run::toString);
    assertTrue(Files.exists(model), "the model of the last good step is written");

    CliRun skipping = train(data, model, 1, "--optimizer", "sgdm", "--lr", "1e30", "--on-nonfinite", "skip");
    assertEquals(0, skipping.code(), skipping::toString);
    assertTrue(skipping.out().contains("Skipped:") && skipping.err().contains("batch skipped"), skipping::toString);
  }
}
