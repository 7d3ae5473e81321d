package org.bigru.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bigru.model.Parameter;
import org.bigru.model.ParameterArena;
import org.bigru.model.io.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Optimizers against their documented formulas evaluated in double, on g = w^2 + c so the gradient changes
 * from step to step, and Adam against numbers from PyTorch.
 */
class OptimizerTest {

  private static final float[] START = {0.5f, -1.25f, 2.0f, 0.0f, 3e-3f};
  private static final float[] C = {0.1f, 0.2f, -0.3f, 1e-4f, -2.0f};

  /** An arena of one parameter "p" holding {@code values}. */
  private static ParameterArena parameter(float[] values) {
    return arena(values);
  }

  /** An arena of parameters p0, p1, ... holding the given values. */
  private static ParameterArena arena(float[]... values) {
    List<Parameter> list = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      list.add(new Parameter(values.length == 1 ? "p" : "p" + i, new int[] {values[i].length}, true));
    }
    ParameterArena arena = new ParameterArena(list);
    for (int i = 0; i < values.length; i++) {
      list.get(i).setValues(values[i]);
    }
    return arena;
  }

  /** g = w * w + c, in float as the PyTorch script computes it. */
  private static void setGradient(ParameterArena p) {
    float[] w = p.values();
    for (int i = 0; i < w.length; i++) {
      p.grads()[i] = w[i] * w[i] + C[i];
    }
  }

  private static void assertClose(double[] expected, float[] actual, double tolerance) {
    for (int i = 0; i < expected.length; i++) {
      double allowed = tolerance * (1 + Math.abs(expected[i]));
      assertEquals(expected[i], actual[i], allowed, "element " + i);
    }
  }

  @Test
  void adamMatchesPyTorch() {
    // /usr/bin/python3 -c "import torch
    // w = torch.tensor([0.5, -1.25, 2.0, 0.0, 3e-3], dtype=torch.float32)
    // c = torch.tensor([0.1, 0.2, -0.3, 1e-4, -2.0], dtype=torch.float32)
    // w.requires_grad_(True); opt = torch.optim.Adam([w], lr=0.01)
    // for t in range(5):
    //     w.grad = w.detach() * w.detach() + c; opt.step()
    // print(', '.join(repr(float(x)) + 'f' for x in w.detach()))"     (torch 1.13.1)
    float[] torch = {0.450142502784729f, -1.3000568151474f, 1.9500497579574585f, -0.04598216712474823f,
        0.052999164909124374f};
    ParameterArena p = parameter(START);
    Adam adam = new Adam(0.01f);
    for (int t = 0; t < 5; t++) {
      setGradient(p);
      adam.step(p);
    }
    for (int i = 0; i < torch.length; i++) {
      assertEquals(torch[i], p.values()[i], 2e-6 * (1 + Math.abs(torch[i])), "element " + i);
    }
  }

  @Test
  void rmsPropAndSgdMomentumMatchPyTorch() {
    // The same script with torch.optim.RMSprop(p, lr=0.01, alpha=0.9, eps=1e-8) and
    // torch.optim.SGD(p, lr=0.1, momentum=0.9) in place of Adam (torch 1.13.1).
    float[] torchRmsProp = {0.39902999997138977f, -1.359074592590332f, 1.8956272602081299f,
        -0.14956897497177124f, 0.1093691810965538f};
    float[] torchSgd = {0.12370803207159042f, -6.342971324920654f, -0.5044434666633606f,
        -0.00013144267722964287f, 2.0411016941070557f};
    ParameterArena rms = parameter(START);
    ParameterArena sgd = parameter(START);
    RmsProp rmsProp = new RmsProp(0.01f);
    SgdMomentum momentum = new SgdMomentum(0.1f);
    for (int t = 0; t < 5; t++) {
      setGradient(rms);
      rmsProp.step(rms);
      setGradient(sgd);
      momentum.step(sgd);
    }
    for (int i = 0; i < START.length; i++) {
      assertEquals(torchRmsProp[i], rms.values()[i], 2e-6 * (1 + Math.abs(torchRmsProp[i])), "RMSProp " + i);
      assertEquals(torchSgd[i], sgd.values()[i], 1e-5 * (1 + Math.abs(torchSgd[i])), "SGD " + i);
    }
  }

  @Test
  void adamMatchesItsFormulaWithNonDefaultHyperParameters() {
    double lr = 0.05;
    double b1 = 0.8;
    double b2 = 0.99;
    double eps = 1e-3;
    ParameterArena p = parameter(START);
    Adam adam = new Adam((float) lr, (float) b1, (float) b2, (float) eps);
    double[] w = toDouble(START);
    double[] m = new double[w.length];
    double[] v = new double[w.length];
    for (int t = 1; t <= 6; t++) {
      setGradient(p);
      adam.step(p);
      for (int i = 0; i < w.length; i++) {
        double g = w[i] * w[i] + C[i];
        m[i] = b1 * m[i] + (1 - b1) * g;
        v[i] = b2 * v[i] + (1 - b2) * g * g;
        double mHat = m[i] / (1 - Math.pow(b1, t));
        double vHat = v[i] / (1 - Math.pow(b2, t));
        w[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
      }
      assertClose(w, p.values(), 1e-5);
    }
  }

  @Test
  void sgdMomentumMatchesPyTorchFormula() {
    double lr = 0.1;
    double momentum = 0.9;
    ParameterArena p = parameter(START);
    SgdMomentum sgd = new SgdMomentum((float) lr);
    double[] w = toDouble(START);
    double[] b = new double[w.length];
    for (int t = 1; t <= 5; t++) {
      setGradient(p);
      sgd.step(p);
      for (int i = 0; i < w.length; i++) {
        double g = w[i] * w[i] + C[i];
        b[i] = t == 1 ? g : momentum * b[i] + g;
        w[i] -= lr * b[i];
      }
      assertClose(w, p.values(), 1e-5);
    }
  }

  @Test
  void rmsPropMatchesMatlabFormulaAndDefaults() {
    double lr = 0.01;
    double decay = 0.9;
    double eps = 1e-8;
    ParameterArena p = parameter(START);
    RmsProp rms = new RmsProp((float) lr);
    double[] w = toDouble(START);
    double[] v = new double[w.length];
    for (int t = 1; t <= 5; t++) {
      setGradient(p);
      rms.step(p);
      for (int i = 0; i < w.length; i++) {
        double g = w[i] * w[i] + C[i];
        v[i] = decay * v[i] + (1 - decay) * g * g;
        w[i] -= lr * g / (Math.sqrt(v[i]) + eps);
      }
      assertClose(w, p.values(), 1e-5);
    }
  }

  @Test
  void everyParameterStepsAndLearningRateChangesApply() {
    ParameterArena arena = arena(new float[] {1f, 2f}, new float[] {3f, 4f, 5f});
    Parameter a = arena.find("p0");
    Parameter b = arena.find("p1");
    SgdMomentum sgd = new SgdMomentum(0.5f, 0f);
    arena.grads()[a.offset()] = 1f;
    arena.grads()[b.offset() + 2] = 2f;
    sgd.step(arena);
    sgd.setLearningRate(0.25);
    assertEquals(0.25, sgd.learningRate());
    sgd.step(arena);
    assertEquals(1f - 0.5f - 0.25f, a.get(0));
    assertEquals(2f, a.get(1));
    assertEquals(5f - 1f - 0.5f, b.get(2));
  }

  @Test
  void adamStateIsSavedPerParameterWithOneStepCount() {
    ParameterArena arena = arena(new float[] {1f, 2f}, new float[] {3f});
    Adam adam = new Adam(0.1f);
    assertTrue(adam.state(arena).isEmpty(), "no state before the first step");
    Arrays.fill(arena.grads(), 1f);
    adam.step(arena);
    adam.step(arena);
    Map<String, Tensor> state = adam.state(arena);
    assertEquals(List.of("p0/m", "p0/v", "p0/step", "p1/m", "p1/v", "p1/step"), List.copyOf(state.keySet()));
    assertEquals(2L, state.get("p1/step").longs()[0]);
    assertEquals(2, state.get("p0/m").size());

    Map<String, Tensor> partial = new LinkedHashMap<>(state);
    partial.remove("p1/m");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Adam(0.1f).restoreState(arena, partial));
    assertTrue(e.getMessage().contains("'p1/m'"), e.getMessage());
    Map<String, Tensor> skewed = new LinkedHashMap<>(state);
    skewed.put("p1/step", Tensor.ofLongs(new int[] {1}, new long[] {7}));
    e = assertThrows(IllegalArgumentException.class, () -> new Adam(0.1f).restoreState(arena, skewed));
    assertTrue(e.getMessage().contains("step 7"), e.getMessage());
  }

  @Test
  void rejectsBadHyperParameters() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Adam(-1f));
    assertTrue(e.getMessage().contains("-1.0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Adam(0.1f, 1f, 0.999f, 1e-8f));
    assertThrows(IllegalArgumentException.class, () -> new SgdMomentum(0.1f, -0.5f));
    assertThrows(IllegalArgumentException.class, () -> new RmsProp(0.1f, 0.9f, 0f));
    assertThrows(IllegalArgumentException.class, () -> new Adam(0.1f).setLearningRate(Double.NaN));
  }

  private static double[] toDouble(float[] values) {
    double[] d = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      d[i] = values[i];
    }
    return d;
  }

  @Test
  void savedStateContinuesBitwiseForEveryOptimizer() {
    for (Supplier<Optimizer> make : List.<Supplier<Optimizer>>of(
        () -> new Adam(0.01f), () -> new SgdMomentum(0.1f), () -> new RmsProp(0.01f))) {
      ParameterArena straight = arena(new float[] {0.5f, -1f}, new float[] {2f});
      ParameterArena resumed = arena(new float[] {0.5f, -1f}, new float[] {2f});
      Optimizer first = make.get();
      Optimizer before = make.get();
      float[] gradient = {0.3f, -0.2f, 0.1f};
      for (ParameterArena p : List.of(straight, resumed)) {
        System.arraycopy(gradient, 0, p.grads(), 0, gradient.length);
      }
      first.step(straight);
      before.step(resumed);
      Optimizer second = make.get();
      second.restoreState(resumed, before.state(resumed));
      first.step(straight);
      second.step(resumed);
      assertTrue(Arrays.equals(straight.values(), resumed.values()), first.getClass().getSimpleName());
    }
  }
}
