package org.bigru.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bigru train --checkpoint-dir} run as its own process, killed with SIGKILL at random moments and
 * continued each time with {@code --resume}, writes the same model file, byte for byte, as a run never killed.
 */
class CrashResumeCommandTest {

  private static final int KILLS = 3;
  // Each kill lets one epoch finish and then a few more milliseconds pass, so the kills use at most about two
  // epochs each and the last run still has epochs left when it is killed, however fast the machine.
  private static final int EPOCHS = 12;

  @TempDir
  Path dir;

  @Test
  void killedTrainCommandResumesToTheSameModelFile() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Path data = TestData.csv(dir, "train.csv", 240);
    Path checkpoints = dir.resolve("ck");
    Path killed = dir.resolve("killed.safetensors");
    int kills = 0;
    for (int attempt = 0; ; attempt++) {
      ChildCli child = ChildCli.start(List.of(), null, trainArgs(data, killed,
          attempt == 0 ? "--checkpoint-dir" : "--resume", checkpoints.toString()));
      if (kills < KILLS) {
        child.awaitLine("epoch ", 120);
        Thread.sleep(random.nextInt(60));
        if (child.process().isAlive()) {
          child.process().destroyForcibly().waitFor();
          kills++;
          continue;
        }
      }
      int code = child.exitCode(300);
      assertEquals(0, code, "seed " + seed + ": " + child.drainOut());
      break;
    }
    assertEquals(KILLS, kills, "seed " + seed + ": training ended before all kills");

    Path straight = dir.resolve("straight.safetensors");
    List<String> args = trainArgs(data, straight);
    CliRun run = CliRun.of(args.toArray(new String[0]));
    assertEquals(0, run.code(), run::toString);
    assertArrayEquals(Files.readAllBytes(straight), Files.readAllBytes(killed),
        "seed " + seed + ": the model after " + kills + " kills and resumes");
  }

  private List<String> trainArgs(Path data, Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--out", out.toString(),
        "--plot", "none", "--loss-plot", "none", "--epochs", String.valueOf(EPOCHS), "--units", "6",
        "--batch", "8", "--threads", "1", "--window", "8", "--dropout", "0.1", "--val-size", "0.1",
        "--checkpoint-every", "4"));
    if (extra.length == 0) {
      args.add("--checkpoint-dir");
      args.add(dir.resolve("unused").toString());
    }
    args.addAll(List.of(extra));
    return args;
  }
}
