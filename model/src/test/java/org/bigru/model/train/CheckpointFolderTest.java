package org.bigru.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bigru.model.Network;
import org.bigru.model.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint folder belongs to the run that first used it; runs never mix their checkpoints. */
class CheckpointFolderTest {

  private static final Dataset TRAIN = CrashTrainingMain.data(1, 40);

  @TempDir
  Path dir;

  private static TrainingHistory fit(TrainingOptions options) {
    return Trainer.fit(Network.create(CrashTrainingMain.config(), 11), TRAIN, null, options, null);
  }

  private static TrainingHistory resume(TrainingOptions options) {
    return Trainer.resume(Network.create(CrashTrainingMain.config(), 11), TRAIN, null, options, null);
  }

  @Test
  void theFirstRunLeavesItsFingerprint() throws IOException {
    Path folder = dir.resolve("ck");
    fit(CrashTrainingMain.options(folder, 1));
    String fingerprint = Files.readString(folder.resolve(CheckpointFolder.FINGERPRINT));
    assertTrue(fingerprint.contains("\"seed\" : \"7\"") && fingerprint.contains("\"data checksum\""), fingerprint);
    assertFalse(Checkpoint.list(folder).isEmpty());
  }

  @Test
  void aNewRunIntoAUsedFolderIsRefusedAndChangesNothing() throws IOException {
    Path folder = dir.resolve("ck");
    fit(CrashTrainingMain.options(folder, 1));
    List<Path> before = Checkpoint.list(folder);

    CheckpointFolderException same = assertThrows(CheckpointFolderException.class,
        () -> fit(CrashTrainingMain.options(folder, 1)));
    assertTrue(same.reason().startsWith("already holds the checkpoints of this same run (newest checkpoint-"),
        same.reason());
    assertFalse(same.resuming());
    CheckpointFolderException other = assertThrows(CheckpointFolderException.class,
        () -> fit(CrashTrainingMain.options(folder, 1).toBuilder().seed(8).build()));
    assertEquals("belongs to another run (seed 7 there, seed 8 here)", other.reason());
    CheckpointFolderException otherRate = assertThrows(CheckpointFolderException.class,
        () -> resume(CrashTrainingMain.options(folder, 2).toBuilder().learningRate(0.5).build()));
    assertEquals("belongs to another run (learning rate 0.001 there, learning rate 0.5 here)", otherRate.reason());
    assertTrue(otherRate.resuming());
    CheckpointFolderException otherData = assertThrows(CheckpointFolderException.class,
        () -> Trainer.resume(Network.create(CrashTrainingMain.config(), 11), CrashTrainingMain.data(2, 40), null,
            CrashTrainingMain.options(folder, 2), null));
    assertEquals("belongs to another run (different data)", otherData.reason());
    assertEquals(before, Checkpoint.list(folder));

    TrainingHistory resumed = resume(CrashTrainingMain.options(folder, 2));
    assertEquals(2, resumed.epochs().size(), "more epochs extend the same run");
  }

  @Test
  void checkpointsWithoutAFingerprintAreTakenOverOnlyByAResume() throws IOException {
    Path folder = dir.resolve("ck");
    fit(CrashTrainingMain.options(folder, 1));
    Files.delete(folder.resolve(CheckpointFolder.FINGERPRINT));
    CheckpointFolderException e = assertThrows(CheckpointFolderException.class,
        () -> fit(CrashTrainingMain.options(folder, 1)));
    assertTrue(e.reason().startsWith("already holds the checkpoints of an earlier run"), e.reason());
    resume(CrashTrainingMain.options(folder, 2));
    assertTrue(Files.exists(folder.resolve(CheckpointFolder.FINGERPRINT)));
  }
}
