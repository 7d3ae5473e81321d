package org.bigru.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.bigru.model.Parameter;
import org.junit.jupiter.api.Test;

/**
 * Optimizers against their documented formulas evaluated in double, on g = w^2 + c so the gradient changes
 * from step to step, and Adam against numbers from PyTorch.
 */
class OptimizerTest {

  private static final float[] START = {0.5f, -1.25f, 2.0f, 0.0f, 3e-3f};
  private static final float[] C = {0.1f, 0.2f, -0.3f, 1e-4f, -2.0f};

  private static Parameter parameter(float[] values) {
    Parameter p = new Parameter("p", new int[] {values.length}, true);
    System.arraycopy(values, 0, p.value(), 0, values.length);
    return p;
  }

  /** g = w * w + c, in float as the PyTorch script computes it. */
  private static void setGradient(Parameter p) {
    float[] w = p.value();
    for (int i = 0; i < w.length; i++) {
      p.grad()[i] = w[i] * w[i] + C[i];
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
    Parameter p = parameter(START);
    Adam adam = new Adam(0.01f);
    for (int t = 0; t < 5; t++) {
      setGradient(p);
      adam.step(List.of(p));
    }
    for (int i = 0; i < torch.length; i++) {
      assertEquals(torch[i], p.value()[i], 2e-6 * (1 + Math.abs(torch[i])), "element " + i);
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
    Parameter rms = parameter(START);
    Parameter sgd = parameter(START);
    RmsProp rmsProp = new RmsProp(0.01f);
    SgdMomentum momentum = new SgdMomentum(0.1f);
    for (int t = 0; t < 5; t++) {
      setGradient(rms);
      rmsProp.step(List.of(rms));
      setGradient(sgd);
      momentum.step(List.of(sgd));
    }
    for (int i = 0; i < START.length; i++) {
      assertEquals(torchRmsProp[i], rms.value()[i], 2e-6 * (1 + Math.abs(torchRmsProp[i])), "RMSProp " + i);
      assertEquals(torchSgd[i], sgd.value()[i], 1e-5 * (1 + Math.abs(torchSgd[i])), "SGD " + i);
    }
  }

  @Test
  void adamMatchesItsFormulaWithNonDefaultHyperParameters() {
    double lr = 0.05;
    double b1 = 0.8;
    double b2 = 0.99;
    double eps = 1e-3;
    Parameter p = parameter(START);
    Adam adam = new Adam((float) lr, (float) b1, (float) b2, (float) eps);
    double[] w = toDouble(START);
    double[] m = new double[w.length];
    double[] v = new double[w.length];
    for (int t = 1; t <= 6; t++) {
      setGradient(p);
      adam.step(List.of(p));
      for (int i = 0; i < w.length; i++) {
        double g = w[i] * w[i] + C[i];
        m[i] = b1 * m[i] + (1 - b1) * g;
        v[i] = b2 * v[i] + (1 - b2) * g * g;
        double mHat = m[i] / (1 - Math.pow(b1, t));
        double vHat = v[i] / (1 - Math.pow(b2, t));
        w[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
      }
      assertClose(w, p.value(), 1e-5);
    }
  }

  @Test
  void sgdMomentumMatchesPyTorchFormula() {
    double lr = 0.1;
    double momentum = 0.9;
    Parameter p = parameter(START);
    SgdMomentum sgd = new SgdMomentum((float) lr);
    double[] w = toDouble(START);
    double[] b = new double[w.length];
    for (int t = 1; t <= 5; t++) {
      setGradient(p);
      sgd.step(List.of(p));
      for (int i = 0; i < w.length; i++) {
        double g = w[i] * w[i] + C[i];
        b[i] = t == 1 ? g : momentum * b[i] + g;
        w[i] -= lr * b[i];
      }
      assertClose(w, p.value(), 1e-5);
    }
  }

  @Test
  void rmsPropMatchesMatlabFormulaAndDefaults() {
    double lr = 0.01;
    double decay = 0.9;
    double eps = 1e-8;
    Parameter p = parameter(START);
    RmsProp rms = new RmsProp((float) lr);
    double[] w = toDouble(START);
    double[] v = new double[w.length];
    for (int t = 1; t <= 5; t++) {
      setGradient(p);
      rms.step(List.of(p));
      for (int i = 0; i < w.length; i++) {
        double g = w[i] * w[i] + C[i];
        v[i] = decay * v[i] + (1 - decay) * g * g;
        w[i] -= lr * g / (Math.sqrt(v[i]) + eps);
      }
      assertClose(w, p.value(), 1e-5);
    }
  }

  @Test
  void stateIsPerParameterAndLearningRateChangesApply() {
    Parameter a = parameter(new float[] {1f, 2f});
    Parameter b = parameter(new float[] {3f, 4f, 5f});
    SgdMomentum sgd = new SgdMomentum(0.5f, 0f);
    a.grad()[0] = 1f;
    b.grad()[2] = 2f;
    sgd.step(List.of(a, b));
    sgd.setLearningRate(0.25);
    assertEquals(0.25, sgd.learningRate());
    sgd.step(List.of(a, b));
    assertEquals(1f - 0.5f - 0.25f, a.value()[0]);
    assertEquals(2f, a.value()[1]);
    assertEquals(5f - 1f - 0.5f, b.value()[2]);
  }

  @Test
  void adamStepCountIsPerParameter() {
    // A parameter first stepped later gets its own bias correction from t = 1, as in PyTorch: its first
    // Adam step moves every element by about lr.
    Parameter early = parameter(new float[] {0f});
    Parameter late = parameter(new float[] {0f});
    Adam adam = new Adam(0.1f);
    early.grad()[0] = 1f;
    adam.step(List.of(early));
    adam.step(List.of(early));
    late.grad()[0] = 1f;
    adam.step(List.of(late));
    assertEquals(-0.1f, late.value()[0], 1e-6f);
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
      Parameter straight = parameter(new float[] {0.5f, -1f, 2f});
      Parameter resumed = parameter(new float[] {0.5f, -1f, 2f});
      Optimizer first = make.get();
      float[] gradient = {0.3f, -0.2f, 0.1f};
      for (Parameter p : List.of(straight, resumed)) {
        System.arraycopy(gradient, 0, p.grad(), 0, gradient.length);
      }
      first.step(List.of(straight));
      first.step(List.of(resumed));
      Optimizer second = make.get();
      second.restoreState(List.of(resumed), first.state(List.of(resumed)));
      first.step(List.of(straight));
      second.step(List.of(resumed));
      assertTrue(Arrays.equals(straight.value(), resumed.value()), first.getClass().getSimpleName());
    }
  }
}
