package org.bigru.model;

import java.util.Locale;

/** Regression (mean squared error) or classification (softmax cross-entropy). */
public enum Task {
  REGRESSION, CLASSIFICATION;

  public String lowerName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Task fromName(String name) {
    for (Task t : values()) {
      if (t.lowerName().equalsIgnoreCase(name.trim())) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown task '" + name + "' (expected regression or classification)");
  }
}
