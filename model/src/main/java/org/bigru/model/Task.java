package org.bigru.model;

/** Regression (mean squared error) or classification (softmax cross-entropy). */
public enum Task {
  REGRESSION, CLASSIFICATION;

  public String lowerName() {
    return EnumNames.of(this);
  }

  public static Task fromName(String name) {
    return EnumNames.parse(Task.class, name, "task");
  }
}
