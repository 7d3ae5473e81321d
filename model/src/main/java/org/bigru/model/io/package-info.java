/**
 * Model and data files in the safetensors format.
 *
 * <ul>
 *   <li>{@link org.bigru.model.io.SafeTensors}: reader and writer of the format, strict and bounded in memory;
 *       malformed files are refused with a {@link org.bigru.model.io.ModelFileException}.
 *   <li>{@link org.bigru.model.io.ModelFile}: a {@link org.bigru.model.Network} as a file whose tensors are
 *       PyTorch's {@code state_dict} and whose metadata holds the whole configuration
 *       ({@link org.bigru.model.io.ModelConfigJson}).
 *   <li>{@link org.bigru.model.io.AtomicFile}: all-or-nothing file writes (temporary file, then rename).
 * </ul>
 *
 * <p>From PyTorch, a model saved by bigru with the reference architecture (PyTorch's reset gate, concatenated
 * directions, no hidden dense layers) loads into {@code gru = nn.GRU(I, H, num_layers=L, batch_first=True,
 * bidirectional=B)} and {@code fc = nn.Linear(D*H, O)}:
 *
 * <pre>{@code
 * from safetensors import safe_open
 * from safetensors.torch import load_file
 * model.load_state_dict(load_file("model.safetensors"))
 * config = json.loads(safe_open("model.safetensors", "pt").metadata()["config"])
 * }</pre>
 *
 * and the other way round, {@code save_file(model.state_dict(), path, metadata={"config":
 * json.dumps({"output_mode": "last"})})} gives a file that {@link org.bigru.model.io.ModelFile#load} reads.
 */
package org.bigru.model.io;
