package org.bigru.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
      Process process = start(trainArgs(data, killed, attempt == 0 ? "--checkpoint-dir" : "--resume",
          checkpoints.toString()));
      BlockingQueue<String> lines = readLines(process);
      if (kills < KILLS) {
        for (boolean epochSeen = false; !epochSeen; ) {
          String line = lines.poll(120, TimeUnit.SECONDS);
          if (line == null || line.equals("EOF")) {
            break;
          }
          epochSeen = line.startsWith("epoch ");
        }
        Thread.sleep(random.nextInt(60));
        if (process.isAlive()) {
          process.destroyForcibly().waitFor();
          kills++;
          continue;
        }
      }
      assertTrue(process.waitFor(300, TimeUnit.SECONDS));
      List<String> rest = new ArrayList<>();
      lines.drainTo(rest);
      assertEquals(0, process.exitValue(), "seed " + seed + ": " + String.join("\n", rest));
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

  private static Process start(List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--add-modules");
    command.add("jdk.incubator.vector");
    command.add("-XX:TieredStopAtLevel=1");
    String kernels = System.getProperty("bigru.kernels");
    if (kernels != null) {
      command.add("-Dbigru.kernels=" + kernels);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(args);
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static BlockingQueue<String> readLines(Process process) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("read failed: " + e);
      }
      lines.add("EOF");
    });
    reader.setDaemon(true);
    reader.start();
    return lines;
  }
}
