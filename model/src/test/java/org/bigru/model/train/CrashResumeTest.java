package org.bigru.model.train;

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
import java.util.stream.Stream;
import org.bigru.model.Network;
import org.bigru.model.Parameter;
import org.bigru.model.io.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training process killed with SIGKILL at random moments, several times, and resumed each time, ends with
 * a model bitwise identical to an uninterrupted run's.
 */
class CrashResumeTest {

  private static final int KILLS = 5;

  @Test
  void killedAndResumedTrainingEndsBitwiseAsUninterrupted(@TempDir Path dir) throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    String context = "random seed " + seed;
    Path checkpoints = dir.resolve("checkpoints");
    Path model = dir.resolve("model.safetensors");

    int kills = 0;
    boolean finished = false;
    for (int attempt = 0; !finished; attempt++) {
      Process process = start(checkpoints, model, attempt > 0);
      BlockingQueue<String> lines = readLines(process);
      if (kills < KILLS) {
        // Let it make some progress (1 to 3 checkpoints), then kill it at a random moment.
        int wanted = 1 + random.nextInt(3);
        int seen = 0;
        while (seen < wanted) {
          String line = lines.poll(120, TimeUnit.SECONDS);
          if (line == null || line.equals("EOF") || line.equals("done")) {
            break;
          }
          seen++;
        }
        Thread.sleep(random.nextInt(40));
        if (process.isAlive()) {
          process.destroyForcibly();
          process.waitFor();
          kills++;
          continue;
        }
      }
      assertTrue(process.waitFor(300, TimeUnit.SECONDS), context);
      assertEquals(0, process.exitValue(), context + ": " + drain(lines));
      finished = true;
    }
    assertEquals(KILLS, kills, context + ": training ended before all kills");

    Network uninterrupted = Network.create(CrashTrainingMain.config(), 11);
    Trainer.fit(uninterrupted, CrashTrainingMain.data(1, 120), CrashTrainingMain.data(2, 24),
        CrashTrainingMain.options(null, epochs()), null);
    Network resumed = ModelFile.load(model);
    List<Parameter> expected = uninterrupted.parameters();
    for (int i = 0; i < expected.size(); i++) {
      float[] a = expected.get(i).copyOfValues();
      float[] b = resumed.parameters().get(i).copyOfValues();
      for (int k = 0; k < a.length; k++) {
        assertEquals(Float.floatToRawIntBits(a[k]), Float.floatToRawIntBits(b[k]),
            context + ": " + expected.get(i).name() + "[" + k + "] after " + kills + " kills");
      }
    }
    try (Stream<Path> files = Files.list(checkpoints)) {
      List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
      assertEquals(Checkpoint.KEPT + 1, names.size(), "kept checkpoints, the run's fingerprint and no temporary "
          + "files: " + names);
      assertEquals(CheckpointFolder.FINGERPRINT, names.get(names.size() - 1), names.toString());
    }
  }

  private static int epochs() {
    return 6;
  }

  private static Process start(Path checkpoints, Path model, boolean resume) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--add-modules");
    command.add("jdk.incubator.vector");
    command.add("-XX:TieredStopAtLevel=1");
    String kernels = System.getProperty("bigru.kernels");
    if (kernels != null) {
      command.add("-Dbigru.kernels=" + kernels);
    }
    command.add("-Dcrash.epochs=" + epochs());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CrashTrainingMain.class.getName());
    command.add(checkpoints.toString());
    command.add(model.toString());
    if (resume) {
      command.add("resume");
    }
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** The process's output lines, then "EOF". */
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

  private static String drain(BlockingQueue<String> lines) {
    List<String> rest = new ArrayList<>();
    lines.drainTo(rest);
    return String.join("\n", rest);
  }
}
