package org.bigru.model.io.onnx;

import java.util.Arrays;
import java.util.List;

/**
 * Computes nodes whose inputs are all constants (the weight and shape arithmetic exporters leave in graphs).
 * Every result is bounded by {@link #MAX_ELEMENTS}, so a hostile graph cannot make a constant of any size.
 */
final class Folding {

  /** Largest constant a node may compute: 16 Mi elements. */
  static final long MAX_ELEMENTS = 1L << 24;
  /** Largest total of the constants the nodes of one graph may compute: 32 Mi elements. */
  static final long MAX_TOTAL_ELEMENTS = 1L << 25;

  private Folding() {
  }

  static int[] strides(long[] dims) {
    int[] strides = new int[dims.length];
    int s = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      strides[i] = s;
      s = Math.multiplyExact(s, (int) dims[i]);
    }
    return strides;
  }

  static long count(long[] dims) {
    long n = OnnxTensor.elementCount(dims);
    if (n > MAX_ELEMENTS) {
      throw new Refusal("a constant of shape " + Arrays.toString(dims) + " has more than " + MAX_ELEMENTS
          + " elements");
    }
    return n;
  }

  /** A tensor of {@code source}'s type whose element i is source's element {@code from[i]}. */
  static OnnxTensor select(OnnxTensor source, int[] from, long[] dims) {
    if (source.isFloating()) {
      float[] v = new float[from.length];
      for (int i = 0; i < from.length; i++) {
        v[i] = source.floats()[from[i]];
      }
      return new OnnxTensor("", OnnxTensor.FLOAT, dims, v, null);
    }
    long[] v = new long[from.length];
    for (int i = 0; i < from.length; i++) {
      v[i] = source.longs()[from[i]];
    }
    return new OnnxTensor("", source.dataType(), dims, null, v);
  }

  static OnnxTensor reshape(OnnxTensor t, long[] dims) {
    return t.isFloating() ? new OnnxTensor("", t.dataType(), dims, t.floats(), null)
        : new OnnxTensor("", t.dataType(), dims, null, t.longs());
  }

  static OnnxTensor transpose(OnnxTensor t, int[] perm) {
    long[] dims = t.dims();
    long[] out = new long[dims.length];
    for (int i = 0; i < perm.length; i++) {
      out[i] = dims[perm[i]];
    }
    int[] inStrides = strides(dims);
    int n = t.size();
    int[] from = new int[n];
    int[] index = new int[out.length];
    for (int i = 0; i < n; i++) {
      int offset = 0;
      for (int k = 0; k < out.length; k++) {
        offset += index[k] * inStrides[perm[k]];
      }
      from[i] = offset;
      increment(index, out);
    }
    return select(t, from, out);
  }

  /** Gather along an axis with indices (a scalar removes the axis; a vector of k keeps it with size k). */
  static OnnxTensor gather(OnnxTensor t, int axis, OnnxTensor indices) {
    long[] dims = t.dims();
    long size = dims[axis];
    long[] idx = indices.longs();
    long[] out = new long[dims.length - 1 + indices.dims().length];
    int k = 0;
    for (int i = 0; i < axis; i++) {
      out[k++] = dims[i];
    }
    for (long d : indices.dims()) {
      out[k++] = d;
    }
    for (int i = axis + 1; i < dims.length; i++) {
      out[k++] = dims[i];
    }
    int outer = (int) product(dims, 0, axis);
    int inner = (int) product(dims, axis + 1, dims.length);
    int[] from = new int[(int) count(out)];
    int at = 0;
    for (int o = 0; o < outer; o++) {
      for (long raw : idx) {
        long j = raw < 0 ? raw + size : raw;
        if (j < 0 || j >= size) {
          throw new Refusal("Gather index " + raw + " is outside an axis of " + size);
        }
        for (int i = 0; i < inner; i++) {
          from[at++] = (int) ((o * size + j) * inner + i);
        }
      }
    }
    return select(t, from, out);
  }

  /** One axis sliced [start, end) by step, with ONNX's clamping of out-of-range starts and ends. */
  static OnnxTensor slice(OnnxTensor t, int axis, long start, long end, long step) {
    long[] dims = t.dims().clone();
    long[] range = sliceRange(dims[axis], start, end, step);
    long taken = range[2];
    int outer = (int) product(dims, 0, axis);
    int inner = (int) product(dims, axis + 1, dims.length);
    long size = dims[axis];
    dims[axis] = taken;
    int[] from = new int[(int) count(dims)];
    int at = 0;
    for (int o = 0; o < outer; o++) {
      for (long j = 0; j < taken; j++) {
        long src = range[0] + j * step;
        for (int i = 0; i < inner; i++) {
          from[at++] = (int) ((o * size + src) * inner + i);
        }
      }
    }
    return select(t, from, dims);
  }

  /** {first index, step, count} of a slice of an axis of this size, as ONNX clamps them. */
  static long[] sliceRange(long size, long start, long end, long step) {
    if (step == 0) {
      throw new Refusal("Slice with step 0");
    }
    long s = start < 0 ? start + size : start;
    long e = end < 0 ? end + size : end;
    if (step > 0) {
      s = Math.max(0, Math.min(s, size));
      e = Math.max(0, Math.min(e, size));
      return new long[] {s, step, Math.max(0, (e - s + step - 1) / step)};
    }
    s = Math.max(-1, Math.min(s, size - 1));
    e = Math.max(-1, Math.min(e, size - 1));
    return new long[] {s, step, Math.max(0, (s - e + (-step) - 1) / (-step))};
  }

  static OnnxTensor concat(List<OnnxTensor> parts, int axis) {
    OnnxTensor first = parts.get(0);
    long[] dims = first.dims().clone();
    long total = 0;
    for (OnnxTensor p : parts) {
      if (p.dims().length != dims.length || p.isFloating() != first.isFloating()) {
        throw new Refusal("Concat of constants of different ranks or types");
      }
      for (int i = 0; i < dims.length; i++) {
        if (i != axis && p.dims()[i] != dims[i]) {
          throw new Refusal("Concat of constants of shapes " + Arrays.toString(first.dims()) + " and "
              + Arrays.toString(p.dims()));
        }
      }
      total += p.dims()[axis];
    }
    dims[axis] = total;
    int n = (int) count(dims);
    int outer = (int) product(dims, 0, axis);
    int inner = (int) product(dims, axis + 1, dims.length);
    float[] floats = first.isFloating() ? new float[n] : null;
    long[] longs = first.isFloating() ? null : new long[n];
    int at = 0;
    for (int o = 0; o < outer; o++) {
      for (OnnxTensor p : parts) {
        int block = (int) p.dims()[axis] * inner;
        if (floats != null) {
          System.arraycopy(p.floats(), o * block, floats, at, block);
        } else {
          System.arraycopy(p.longs(), o * block, longs, at, block);
        }
        at += block;
      }
    }
    return new OnnxTensor("", first.dataType(), dims, floats, longs);
  }

  /** The shape numpy broadcasting gives two shapes. */
  static long[] broadcast(long[] a, long[] b) {
    int rank = Math.max(a.length, b.length);
    long[] out = new long[rank];
    for (int i = 0; i < rank; i++) {
      long x = i < rank - a.length ? 1 : a[i - (rank - a.length)];
      long y = i < rank - b.length ? 1 : b[i - (rank - b.length)];
      if (x != y && x != 1 && y != 1) {
        throw new Refusal("shapes " + Arrays.toString(a) + " and " + Arrays.toString(b) + " do not broadcast");
      }
      out[i] = x == 1 ? y : x;
    }
    return out;
  }

  /** For each element of the broadcast shape {@code out}, the element of a tensor of shape {@code dims}. */
  static int[] broadcastIndex(long[] dims, long[] out) {
    int n = (int) count(out);
    int[] from = new int[n];
    int[] strides = strides(dims);
    int[] index = new int[out.length];
    int shift = out.length - dims.length;
    for (int i = 0; i < n; i++) {
      int offset = 0;
      for (int k = 0; k < dims.length; k++) {
        offset += dims[k] == 1 ? 0 : index[k + shift] * strides[k];
      }
      from[i] = offset;
      increment(index, out);
    }
    return from;
  }

  static OnnxTensor expand(OnnxTensor t, long[] shape) {
    long[] out = broadcast(t.dims(), shape);
    return select(t, broadcastIndex(t.dims(), out), out);
  }

  /** Add, Sub, Mul or Div of two constants, numpy-broadcast; integers stay integers. */
  static OnnxTensor arithmetic(String op, OnnxTensor a, OnnxTensor b) {
    long[] out = broadcast(a.dims(), b.dims());
    int[] fa = broadcastIndex(a.dims(), out);
    int[] fb = broadcastIndex(b.dims(), out);
    int n = fa.length;
    if (!a.isFloating() && !b.isFloating()) {
      long[] v = new long[n];
      for (int i = 0; i < n; i++) {
        long x = a.longs()[fa[i]];
        long y = b.longs()[fb[i]];
        v[i] = switch (op) {
          case "Add" -> x + y;
          case "Sub" -> x - y;
          case "Mul" -> x * y;
          default -> {
            if (y == 0) {
              throw new Refusal("integer division by zero in a constant");
            }
            yield Math.floorDiv(x, y);
          }
        };
      }
      return new OnnxTensor("", a.dataType(), out, null, v);
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      float x = (float) a.value(fa[i]);
      float y = (float) b.value(fb[i]);
      v[i] = switch (op) {
        case "Add" -> x + y;
        case "Sub" -> x - y;
        case "Mul" -> x * y;
        default -> x / y;
      };
    }
    return new OnnxTensor("", OnnxTensor.FLOAT, out, v, null);
  }

  static OnnxTensor cast(OnnxTensor t, int to) {
    boolean floating = to == OnnxTensor.FLOAT || to == OnnxTensor.DOUBLE;
    int type = to == OnnxTensor.DOUBLE ? OnnxTensor.FLOAT : to;
    if (floating) {
      float[] v = new float[t.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) t.value(i);
      }
      return new OnnxTensor("", type, t.dims(), v, null);
    }
    long[] v = new long[t.size()];
    for (int i = 0; i < v.length; i++) {
      double x = t.value(i);
      v[i] = to == OnnxTensor.BOOL ? (x != 0 ? 1 : 0) : (long) x;
    }
    return new OnnxTensor("", type, t.dims(), null, v);
  }

  static OnnxTensor filled(long[] dims, OnnxTensor value) {
    int n = (int) count(dims);
    if (value.isFloating()) {
      float[] v = new float[n];
      Arrays.fill(v, value.floats()[0]);
      return new OnnxTensor("", value.dataType(), dims, v, null);
    }
    long[] v = new long[n];
    Arrays.fill(v, value.longs()[0]);
    return new OnnxTensor("", value.dataType(), dims, null, v);
  }

  static boolean allZero(OnnxTensor t) {
    for (int i = 0; i < t.size(); i++) {
      if (t.value(i) != 0) {
        return false;
      }
    }
    return true;
  }

  private static long product(long[] dims, int from, int to) {
    long p = 1;
    for (int i = from; i < to; i++) {
      p *= dims[i];
    }
    return p;
  }

  private static void increment(int[] index, long[] dims) {
    for (int k = index.length - 1; k >= 0; k--) {
      if (++index[k] < dims[k]) {
        return;
      }
      index[k] = 0;
    }
  }
}
